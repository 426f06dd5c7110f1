#!/usr/bin/env python3
# Writes the OpenAPI 3.1 description of the JSON API to Sources/ParleyWeb/Resources/openapi.json
# (standard library only). Edit this file, run `python3 scripts/lib/openapi.py`, and commit both:
# OpenAPIDocumentTests fails when the document and the router disagree, and
# scripts/lib/api-security.sh when the document is not what this script writes.
import os, sys
import json
R = lambda name: {"$ref": f"#/components/schemas/{name}"}
string = {"type": "string"}
ts = R("Timestamp"); day = R("CalendarDay"); ref = R("Reference")
def obj(props, required=None, desc=None):
    o = {"type": "object", "properties": props}
    if required: o["required"] = required
    if desc: o["description"] = desc
    return o
def arr(items): return {"type": "array", "items": items}

schemas = {
 "Error": obj({"error": obj({"code": {"type": "string", "enum": ["not_found","sign_in_required","invalid_token","bad_credentials","csrf_failed","forbidden","invalid_input","bad_request","conflict","too_many_attempts","body_too_large","unsupported_media_type","method_not_allowed","internal_error"]},
    "message": {"type": "string", "description": "What went wrong and how to fix it, for a person."},
    "field": {"type": "string", "description": "The request field the message is about, when there is one."}}, ["code","message"])}, ["error"],
    "Every error. A mechanism or item the caller may not see answers exactly as a missing one (404, same body)."),
 "Timestamp": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", "description": "RFC 3339 UTC time with whole seconds, e.g. 2025-02-18T09:00:00Z.", "examples": ["2025-02-18T09:00:00Z"]},
 "CalendarDay": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "RFC 3339 full-date, e.g. 2025-03-01.", "examples": ["2025-03-01"]},
 "Reference": {"type": "string", "pattern": "^(IRR|MTG|TXT|CMT|CON|STP|RDO|NTE)-[1-9][0-9]{0,8}$", "description": "A human reference, unique per mechanism (private notes: per party).", "examples": ["IRR-1"]},
 "Account": obj({"account": obj({"id": string, "username": string, "party": string, "role": {"type": "string", "enum": ["lead","negotiator","observer","operator"]}}, ["id","username","role"])}, ["account"]),
 "MechanismSummary": obj({"id": string, "title": string, "sides": arr(string), "facilitators": arr(string)}, ["id","title","sides","facilitators"]),
 "IrritantStatus": {"type": "string", "enum": ["raised","acknowledged","inDiscussion","resolved","parked","withdrawn"]},
 "Irritant": obj({"id": string, "mechanism": string, "reference": ref, "title": string, "description": string, "raisedBy": string, "track": string,
    "status": R("IrritantStatus"),
    "confirmations": arr(string), "raisedAt": ts, "updatedAt": ts}, ["id","mechanism","reference","title","description","raisedBy","status","confirmations","raisedAt","updatedAt"]),
 "Step": obj({"id": string, "mechanism": string, "reference": ref, "irritant": string, "owner": string, "description": string, "due": day,
    "status": {"type": "string", "enum": ["open","done","cancelled"]}, "updatedAt": ts}, ["id","mechanism","reference","irritant","owner","description","status","updatedAt"]),
 "Meeting": obj({"id": string, "mechanism": string, "reference": ref, "kind": R("MeetingKind"), "title": string, "start": ts, "timeZone": string,
    "durationMinutes": {"type": "integer"}, "venue": obj({"city": string, "country": string}, ["city","country"]), "isThirdCountry": {"type": "boolean"},
    "host": string, "participants": arr(string), "agenda": arr(ref),
    "outcomes": arr(obj({"text": string, "recordedBy": string, "at": ts}, ["text","recordedBy","at"])),
    "jointSummary": string, "status": {"type": "string", "enum": ["scheduled","cancelled"]}, "updatedAt": ts},
    ["id","mechanism","reference","kind","title","start","timeZone","durationMinutes","venue","isThirdCountry","participants","agenda","outcomes","status","updatedAt"]),
 "MeetingKind": {"type": "string", "enum": ["roundOfConsultations","workingMeeting","summit"]},
 "Minutes": obj({"id": string, "mechanism": string, "party": string, "meeting": string, "body": string, "recordedAt": ts}, ["id","mechanism","party","meeting","body","recordedAt"], "The caller's own party's private minutes of a meeting."),
 "ContactKind": {"type": "string", "enum": ["call","letter","noteVerbale","aideMemoire","message"]},
 "Contact": obj({"id": string, "mechanism": string, "reference": ref, "kind": R("ContactKind"), "participants": arr(string), "initiatedBy": string, "at": ts,
    "durationMinutes": {"type": "integer"}, "summary": string, "recordedAt": ts}, ["id","mechanism","reference","kind","participants","initiatedBy","at","summary","recordedAt"]),
 "CommitmentOwner": {"oneOf": [obj({"kind": {"const": "party"}, "party": string}, ["kind","party"]), obj({"kind": {"const": "allSides"}}, ["kind"])]},
 "Commitment": obj({"id": string, "mechanism": string, "reference": ref, "text": string, "owner": R("CommitmentOwner"), "source": ref, "due": day,
    "status": {"type": "string", "enum": ["open","fulfilled","lapsed"]}, "confirmations": arr(string), "recordedAt": ts, "updatedAt": ts},
    ["id","mechanism","reference","text","owner","status","confirmations","recordedAt","updatedAt"]),
 "Readout": obj({"id": string, "mechanism": string, "reference": ref, "party": string, "event": ref, "body": string, "publishedAt": ts}, ["id","mechanism","reference","party","event","body","publishedAt"]),
 "Note": obj({"id": string, "mechanism": string, "party": string, "reference": ref, "attachedTo": ref, "clause": string, "body": string, "deleted": {"type": "boolean"}, "writtenAt": ts, "updatedAt": ts},
    ["id","mechanism","party","reference","body","deleted","writtenAt","updatedAt"], "A private note of the caller's own party."),
 "Cursor": {"type": "integer", "description": "Pass as `after` to get the next page; absent on the last page."},
 "IrritantDetail": {"allOf": [R("Irritant"), obj({"steps": arr(R("Step"))}, ["steps"])], "description": "An irritant with its steps."},
 "Reason": obj({"reason": {"type": "string", "maxLength": 2000}}, None, "An optional reason, recorded in the entry."),
}
def one(name, schema): return R(schema)
def many(name, schema): return obj({name: arr(R(schema)), "next": R("Cursor")}, [name])

err = lambda d: {"description": d, "content": {"application/json": {"schema": R("Error")}}}
E = {
 "400": err("A query parameter is missing, not a number, or out of range."),
 "401": err("No valid bearer token."),
 "403": err("The caller's role may not do this (e.g. an observer writing, a facilitator confirming for a side)."),
 "404": err("No such mechanism or item, or the caller may not see it (the same answer)."),
 "409": err("The item's state does not allow this now."),
 "413": err("The body is too large."),
 "415": err("The body is not JSON."),
 "422": err("A field is missing, has the wrong type, or its value is not accepted; `field` names it."),
 "429": err("Too many failed sign-ins."),
 "default": err("Any other error, in the same format."),
}
responses_components = {f"E{c}" if c != "default" else "Error": v for c, v in E.items()}
E = {c: {"$ref": "#/components/responses/" + (f"E{c}" if c != "default" else "Error")} for c in E}
def ok(desc, schema, code="200", headers=None, links=None):
    r = {"description": desc, "content": {"application/json": {"schema": schema}}}
    if headers: r["headers"] = headers
    if links: r["links"] = links
    return {code: r}
def errs(*codes): return {c: E[c] for c in codes + ("default",)}
def body(schema, required=True):
    return {"required": required, "content": {"application/json": {"schema": schema}}}
loc = {"Location": {"description": "The address of the new item.", "schema": {"type": "string"}}}
def link(op, param="ref", expr_field=None):
    return {"operationId": op, "parameters": {"id": "$request.path.id", param: f"$response.body#/{expr_field}/reference"}}

mid = {"name": "id", "in": "path", "required": True, "description": "The mechanism's id.", "schema": {"type": "string"}}
rid = {"name": "ref", "in": "path", "required": True, "description": "The item's reference, e.g. IRR-1.", "schema": {"type": "string"}}
paging = [{"name": "limit", "in": "query", "required": False, "description": "At most this many (1–200, default 50); follow `next` for the rest.", "schema": {"type": "integer", "minimum": 1, "maximum": 200}},
          {"name": "after", "in": "query", "required": False, "description": "The `next` of the previous page.", "schema": {"type": "integer", "minimum": 0}}]
sec = [{"bearer": []}]
paths = {}
def op(path, method, opid, summary, responses, params=None, reqbody=None, security=sec, tags=None, desc=None):
    o = {"operationId": opid, "summary": summary, "responses": responses}
    if desc: o["description"] = desc
    if params: o["parameters"] = params
    if reqbody: o["requestBody"] = reqbody
    o["security"] = security
    if tags: o["tags"] = tags
    paths.setdefault(path, {})[method] = o

B = "/api/v1/mechanisms/{id}"
text_plain = lambda d: {"200": {"description": d, "content": {"text/plain": {"schema": {"type": "string"}}}}}

# Foundation
op("/api/v1/auth/token", "post", "issueToken", "Exchange a username and password for a bearer token",
   {**ok("The token; shown only this once.", obj({"token": string}, ["token"]), "201"), **errs("401","413","415","422","429")},
   reqbody=body(obj({"username": {"type": "string"}, "password": {"type": "string"}, "label": {"type": "string", "description": "What the token is for."}}, ["username","password"])),
   security=[], tags=["accounts"])
op("/api/v1/me", "get", "me", "The account the token belongs to", {**ok("The account.", R("Account")), **errs("401")}, tags=["accounts"])
op("/api/v1/mechanisms", "get", "listMechanisms", "The mechanisms the caller's party is in",
   {**ok("The mechanisms.", obj({"mechanisms": arr(R("MechanismSummary"))}, ["mechanisms"])), **errs("401")}, tags=["mechanisms"])
op("/api/v1/mechanisms/{id}", "get", "getMechanism", "One mechanism", {**ok("The mechanism.", obj({"mechanism": R("MechanismSummary")}, ["mechanism"])), **errs("401","404")}, params=[mid], tags=["mechanisms"])

# Log API
op("/api/v1/log/key", "get", "logKey", "The server's verifier key (C2SP signed-note key text)", {**text_plain("The verifier key."), **errs()}, security=[], tags=["log"])
for seg, what, tag in [("log", "shared log", "log"), ("private-log", "caller's own party's private log", "log")]:
    p = "Private" if seg == "private-log" else ""
    op(f"{B}/{seg}/checkpoint", "get", f"get{p}Checkpoint", f"The latest signed checkpoint of the {what} (C2SP tlog-checkpoint)", {**text_plain("A signed note."), **errs("401","404")}, params=[mid], tags=[tag])
    op(f"{B}/{seg}/entries", "get", f"get{p}Entries", f"Entries [start, end) of the {what}, at most 1000 a call",
       {**ok("Each entry's exact canonical JSON (RFC 8785) text, whose UTF-8 bytes are its leaf.", arr(obj({"index": {"type": "integer"}, "entry": string}, ["index","entry"]))), **errs("400","401","404")},
       params=[mid, {"name": "start", "in": "query", "required": True, "schema": {"type": "integer", "minimum": 0}}, {"name": "end", "in": "query", "required": True, "schema": {"type": "integer", "minimum": 0}}], tags=[tag])
    hashes = obj({"hashes": arr({"type": "string", "contentEncoding": "base64"})}, ["hashes"])
    op(f"{B}/{seg}/proof/inclusion", "get", f"get{p}InclusionProof", f"RFC 9162 §2.1.3 inclusion proof in the {what}", {**ok("The proof.", hashes), **errs("400","401","404")},
       params=[mid, {"name": "index", "in": "query", "required": True, "schema": {"type": "integer", "minimum": 0}}, {"name": "size", "in": "query", "required": True, "schema": {"type": "integer", "minimum": 1}}], tags=[tag])
    op(f"{B}/{seg}/proof/consistency", "get", f"get{p}ConsistencyProof", f"RFC 9162 §2.1.4 consistency proof in the {what}", {**ok("The proof.", hashes), **errs("400","401","404")},
       params=[mid, {"name": "from", "in": "query", "required": True, "schema": {"type": "integer", "minimum": 0}}, {"name": "to", "in": "query", "required": True, "schema": {"type": "integer", "minimum": 0}}], tags=[tag])

W = ("401","403","404","409","413","415","422")  # writes
# Irritants
op(f"{B}/irritants", "get", "listIrritants", "The irritant register", {**ok("Irritants, oldest first.", many("irritants", "Irritant")), **errs("400","401","404")},
   params=[mid]+paging+[{"name": "status", "in": "query", "required": False, "description": "Only irritants in this status; all when absent.", "schema": R("IrritantStatus")}], tags=["irritants"])
op(f"{B}/irritants", "post", "raiseIrritant", "Raise an irritant (a side's negotiator or lead)",
   {**ok("The new irritant.", R("IrritantDetail"), "201", loc, {"GetIrritant": {"operationId": "getIrritant", "parameters": {"id": "$request.path.id", "ref": "$response.body#/reference"}}}), **errs(*W)},
   params=[mid], reqbody=body(obj({"title": {"type": "string", "minLength": 1, "maxLength": 200}, "description": {"type": "string", "minLength": 1, "maxLength": 20000}, "track": {"type": "string", "description": "A track's id."}}, ["title","description"])), tags=["irritants"])
op(f"{B}/irritants/{{ref}}", "get", "getIrritant", "One irritant with its steps", {**ok("The irritant.", R("IrritantDetail")), **errs("401","404")}, params=[mid, rid], tags=["irritants"])
acts = {"acknowledge": "Acknowledge an irritant another side raised", "start-discussion": "Start discussing an irritant",
        "confirm-resolution": "Confirm, for the caller's side, that the irritant is resolved (a lead); resolved when every side has",
        "withdraw-confirmation": "Withdraw the caller's side's confirmation", "park": "Park an irritant", "reopen": "Reopen a parked or resolved irritant",
        "withdraw": "Withdraw an irritant (only the side that raised it)"}
for a, summ in acts.items():
    name = "".join(w.capitalize() for w in a.split("-"))
    op(f"{B}/irritants/{{ref}}/{a}", "post", f"irritant{name}", summ, {**ok("The irritant as it is now.", R("IrritantDetail")), **errs(*W)}, params=[mid, rid],
       reqbody=body(R("Reason"), False) if a in ("park","reopen","withdraw") else None, tags=["irritants"])
op(f"{B}/irritants/{{ref}}/steps", "post", "addStep", "Add a step towards resolving an irritant",
   {**ok("The new step.", one("step", "Step"), "201", loc, {"GetStep": {"operationId": "getStep", "parameters": {"id": "$request.path.id", "ref": "$response.body#/reference"}}}), **errs(*W)},
   params=[mid, rid], reqbody=body(obj({"owner": {"type": "string", "description": "The id of the party that owns the step."}, "description": {"type": "string", "minLength": 1, "maxLength": 2000}, "due": day}, ["owner","description"])), tags=["irritants"])
op(f"{B}/steps/{{ref}}", "get", "getStep", "One step", {**ok("The step.", one("step", "Step")), **errs("401","404")}, params=[mid, rid], tags=["irritants"])
op(f"{B}/steps/{{ref}}", "put", "updateStep", "Update a step's description, due date and status", {**ok("The step as it is now.", one("step", "Step")), **errs(*W)},
   params=[mid, rid], reqbody=body(obj({"description": {"type": "string", "minLength": 1, "maxLength": 2000}, "due": day, "status": {"type": "string", "enum": ["open","done","cancelled"]}}, ["description","status"])), tags=["irritants"])

# Meetings
op(f"{B}/meetings", "get", "listMeetings", "The meetings", {**ok("Meetings, oldest first.", many("meetings", "Meeting")), **errs("400","401","404")}, params=[mid]+paging, tags=["meetings"])
op(f"{B}/meetings", "post", "scheduleMeeting", "Schedule a meeting (a side or a facilitator)",
   {**ok("The new meeting.", one("meeting", "Meeting"), "201", loc, {"GetMeeting": {"operationId": "getMeeting", "parameters": {"id": "$request.path.id", "ref": "$response.body#/reference"}}}), **errs(*W)},
   params=[mid], reqbody=body(obj({"kind": R("MeetingKind"), "title": {"type": "string", "minLength": 1, "maxLength": 200}, "start": ts,
      "timeZone": {"type": "string", "description": "IANA time zone of the venue, e.g. Asia/Riyadh."}, "durationMinutes": {"type": "integer", "minimum": 1, "maximum": 10080},
      "city": {"type": "string", "minLength": 1, "maxLength": 100}, "country": {"type": "string", "description": "ISO 3166-1 alpha-3 code.", "pattern": "^[A-Z]{3}$"},
      "host": {"type": "string", "description": "The host party's id."}, "participants": arr({"type": "string"}), "agenda": arr(ref)},
      ["kind","title","start","timeZone","durationMinutes","city","country"])), tags=["meetings"])
op(f"{B}/meetings/{{ref}}", "get", "getMeeting", "One meeting", {**ok("The meeting.", one("meeting", "Meeting")), **errs("401","404")}, params=[mid, rid], tags=["meetings"])
op(f"{B}/meetings/{{ref}}/joint-summary", "post", "recordJointSummary", "Record the meeting's joint summary (shared)", {**ok("The meeting as it is now.", one("meeting", "Meeting")), **errs(*W)},
   params=[mid, rid], reqbody=body(obj({"summary": {"type": "string", "minLength": 1, "maxLength": 20000}}, ["summary"])), tags=["meetings"])
op(f"{B}/meetings/{{ref}}/outcomes", "post", "addOutcome", "Add an outcome of the meeting", {**ok("The meeting as it is now.", one("meeting", "Meeting")), **errs(*W)},
   params=[mid, rid], reqbody=body(obj({"text": {"type": "string", "minLength": 1, "maxLength": 2000}}, ["text"])), tags=["meetings"])
op(f"{B}/meetings/{{ref}}/cancel", "post", "cancelMeeting", "Cancel a meeting", {**ok("The meeting as it is now.", one("meeting", "Meeting")), **errs(*W)},
   params=[mid, rid], reqbody=body(R("Reason"), False), tags=["meetings"])
op(f"{B}/meetings/{{ref}}/minutes", "get", "getMinutes", "The caller's own party's minutes of the meeting (private)", {**ok("The minutes.", one("minutes", "Minutes")), **errs("401","404")}, params=[mid, rid], tags=["meetings"])
op(f"{B}/meetings/{{ref}}/minutes", "put", "recordMinutes", "Record or replace the caller's own party's minutes (private)", {**ok("The minutes.", one("minutes", "Minutes")), **errs(*W)},
   params=[mid, rid], reqbody=body(obj({"body": {"type": "string", "minLength": 1, "maxLength": 20000}}, ["body"])), tags=["meetings"])

# Contacts
op(f"{B}/contacts", "get", "listContacts", "The contacts outside meetings", {**ok("Contacts, oldest first.", many("contacts", "Contact")), **errs("400","401","404")}, params=[mid]+paging, tags=["contacts"])
op(f"{B}/contacts", "post", "recordContact", "Record a contact (a side or a facilitator)",
   {**ok("The new contact.", one("contact", "Contact"), "201", loc, {"GetContact": {"operationId": "getContact", "parameters": {"id": "$request.path.id", "ref": "$response.body#/reference"}}}), **errs(*W)},
   params=[mid], reqbody=body(obj({"kind": R("ContactKind"), "participants": arr({"type": "string"}), "initiatedBy": {"type": "string", "description": "The id of the party that initiated it."},
      "at": ts, "durationMinutes": {"type": "integer", "minimum": 1, "maximum": 10080}, "summary": {"type": "string", "minLength": 1, "maxLength": 20000}}, ["kind","initiatedBy","at","summary"])), tags=["contacts"])
op(f"{B}/contacts/{{ref}}", "get", "getContact", "One contact", {**ok("The contact.", one("contact", "Contact")), **errs("401","404")}, params=[mid, rid], tags=["contacts"])

# Commitments
op(f"{B}/commitments", "get", "listCommitments", "The commitments", {**ok("Commitments, oldest first.", many("commitments", "Commitment")), **errs("400","401","404")}, params=[mid]+paging, tags=["commitments"])
op(f"{B}/commitments", "post", "recordCommitment", "Record a commitment",
   {**ok("The new commitment.", one("commitment", "Commitment"), "201", loc, {"GetCommitment": {"operationId": "getCommitment", "parameters": {"id": "$request.path.id", "ref": "$response.body#/reference"}}}), **errs(*W)},
   params=[mid], reqbody=body(obj({"text": {"type": "string", "minLength": 1, "maxLength": 2000}, "owner": R("CommitmentOwner"), "source": ref, "due": day}, ["text","owner"])), tags=["commitments"])
op(f"{B}/commitments/{{ref}}", "get", "getCommitment", "One commitment", {**ok("The commitment.", one("commitment", "Commitment")), **errs("401","404")}, params=[mid, rid], tags=["commitments"])
op(f"{B}/commitments/{{ref}}/confirm-fulfilment", "post", "confirmFulfilment", "Confirm, for the caller's side, that the commitment was fulfilled (a lead)",
   {**ok("The commitment as it is now.", one("commitment", "Commitment")), **errs(*W)}, params=[mid, rid], tags=["commitments"])
op(f"{B}/commitments/{{ref}}/mark-lapsed", "post", "markLapsed", "Mark a commitment lapsed", {**ok("The commitment as it is now.", one("commitment", "Commitment")), **errs(*W)},
   params=[mid, rid], reqbody=body(R("Reason"), False), tags=["commitments"])

# Readouts
op(f"{B}/readouts", "get", "listReadouts", "The readouts; with `event`, every side's readout of one meeting or contact",
   {**ok("Readouts, oldest first.", many("readouts", "Readout")), **errs("400","401","404")},
   params=[mid]+paging+[{"name": "event", "in": "query", "required": False, "description": "A meeting's or contact's reference.", "schema": ref}], tags=["readouts"])
op(f"{B}/readouts", "post", "publishReadout", "Publish the caller's side's readout of a meeting or contact",
   {**ok("The new readout.", one("readout", "Readout"), "201", loc, {"GetReadout": {"operationId": "getReadout", "parameters": {"id": "$request.path.id", "ref": "$response.body#/reference"}}}), **errs(*W)},
   params=[mid], reqbody=body(obj({"event": ref, "body": {"type": "string", "minLength": 1, "maxLength": 20000}}, ["event","body"])), tags=["readouts"])
op(f"{B}/readouts/{{ref}}", "get", "getReadout", "One readout", {**ok("The readout.", one("readout", "Readout")), **errs("401","404")}, params=[mid, rid], tags=["readouts"])

# Notes
op(f"{B}/notes", "get", "listNotes", "The caller's own party's private notes", {**ok("Notes, oldest first.", many("notes", "Note")), **errs("401","404")}, params=[mid], tags=["notes"])
op(f"{B}/notes", "post", "writeNote", "Write a private note, standing alone or about a shared item",
   {**ok("The new note.", one("note", "Note"), "201", loc, {"GetNote": {"operationId": "getNote", "parameters": {"id": "$request.path.id", "ref": "$response.body#/reference"}}}), **errs(*W)},
   params=[mid], reqbody=body(obj({"attachedTo": ref, "body": {"type": "string", "minLength": 1, "maxLength": 20000}}, ["body"])), tags=["notes"])
op(f"{B}/notes/{{ref}}", "get", "getNote", "One of the caller's own party's notes", {**ok("The note.", one("note", "Note")), **errs("401","404")}, params=[mid, rid], tags=["notes"])
op(f"{B}/notes/{{ref}}", "put", "editNote", "Replace a note's text", {**ok("The note as it is now.", one("note", "Note")), **errs(*W)},
   params=[mid, rid], reqbody=body(obj({"body": {"type": "string", "minLength": 1, "maxLength": 20000}}, ["body"])), tags=["notes"])
op(f"{B}/notes/{{ref}}", "delete", "deleteNote", "Delete a note (the log keeps that it was deleted)", {"204": {"description": "Deleted."}, **errs("401","403","404","409")}, params=[mid, rid], tags=["notes"])

# Negotiating texts: reads answer a Text (the projection, with derived clause numbers and what blocks
# adoption); each change answers a TextChange (the entries it appended and the Text after them).
party = {"type": "string", "description": "A party's id."}
lang = {"type": "string", "description": "A BCP 47 language tag (RFC 5646), e.g. en or ar."}
schemas.update({
 "TextKind": {"type": "string", "enum": ["jointStatement","memorandumOfUnderstanding","communique","agreement","termsOfReference"]},
 "TextStatus": {"type": "string", "enum": ["drafting","adopted","signed","withdrawn"]},
 "ClauseSection": {"type": "string", "enum": ["preamble","operative","article"]},
 "ClauseStatus": {"type": "string", "enum": ["proposed","agreedAdReferendum","agreed","reserved"]},
 "AlternativeKind": {"type": "string", "enum": ["wording","deletion","move"]},
 "Alternative": obj({"id": string, "kind": R("AlternativeKind"), "wording": string, "placement": obj({"after": string}), "moved": {"type": "boolean"},
    "proposedBy": arr(party), "proposedAt": ts, "supporters": arr(party), "merges": arr(string), "supersededBy": string, "withdrawn": {"type": "boolean"},
    "revision": {"type": "integer"}}, ["id","kind","wording","moved","proposedBy","proposedAt","supporters","merges","withdrawn","revision"],
    "One bracketed option for a clause; never removed, only withdrawn or merged."),
 "SideClauseStatus": obj({"party": party, "status": R("ClauseStatus"), "alternative": string, "wording": string, "wordingRevision": {"type": "integer"}, "at": ts},
    ["party","status","alternative","wording","wordingRevision","at"]),
 "LanguageVersion": obj({"language": lang, "alternative": string, "wording": string, "translatesRevision": {"type": "integer"}, "authentic": {"type": "boolean"}, "by": party, "at": ts},
    ["language","alternative","wording","translatesRevision","authentic","by","at"]),
 "ClauseComment": obj({"party": party, "account": string, "body": string, "at": ts}, ["party","body","at"]),
 "Clause": obj({"id": string, "section": R("ClauseSection"), "alternatives": arr(R("Alternative")), "statuses": arr(R("SideClauseStatus")),
    "versions": arr(R("LanguageVersion")), "comments": arr(R("ClauseComment")), "wordingRevision": {"type": "integer"}, "proposedBy": party, "proposedAt": ts},
    ["id","section","alternatives","statuses","versions","comments","wordingRevision","proposedBy","proposedAt"]),
 "DetachedSignature": obj({"publicKey": {"type": "string", "contentEncoding": "base64", "description": "The party's Ed25519 public key (32 bytes)."},
    "signature": {"type": "string", "contentEncoding": "base64", "description": "The Ed25519 signature (64 bytes) of the canonical form's RFC 8785 bytes."}}, ["publicKey","signature"]),
 "TextSignature": obj({"party": party, "account": string, "canonicalHash": string, "detached": R("DetachedSignature"), "at": ts}, ["party","canonicalHash","at"]),
 "NegotiatingText": obj({"id": string, "mechanism": string, "reference": ref, "title": string, "kind": R("TextKind"), "track": string,
    "workingLanguage": lang, "otherLanguages": arr(lang), "sides": arr(party), "createdBy": party, "status": R("TextStatus"), "clauses": arr(R("Clause")),
    "revision": {"type": "integer"}, "rounds": arr(obj({"number": {"type": "integer"}, "meeting": ref, "startRevision": {"type": "integer"}, "openedAt": ts}, ["number","startRevision","openedAt"])),
    "cites": ref, "adoptedRevision": {"type": "integer"}, "adoptedHash": string, "signatures": arr(R("TextSignature")), "createdAt": ts, "updatedAt": ts},
    ["id","mechanism","reference","title","kind","workingLanguage","otherLanguages","sides","createdBy","status","clauses","revision","rounds","signatures","createdAt","updatedAt"]),
 "Text": obj({"text": R("NegotiatingText"), "numbers": {"type": "object", "additionalProperties": string, "description": "Each clause in the text by id: its derived number (PP1, 2, Article 1, 1.2)."},
    "blockers": arr(string)}, ["text","numbers","blockers"], "A negotiating text; `blockers` says why it cannot be adopted yet (empty when it can, or is no longer drafting)."),
 "Entry": obj({"v": {"const": 1}, "log": string, "index": {"type": "integer", "minimum": 0}, "at": ts,
    "actor": obj({"account": string, "party": party, "role": {"type": "string", "enum": ["lead","negotiator","observer","operator"]}}, ["role"]),
    "kind": {"type": "string", "description": "The entry kind, e.g. text.created."}, "data": {"type": "object"}}, ["v","log","index","at","actor","kind","data"],
    "An appended entry, as in the log API."),
 "TextChange": obj({"entries": arr(R("Entry")), "text": R("Text")}, ["entries","text"], "The entries a change appended and the text after them."),
 "TextProgress": obj({k: {"type": "integer"} for k in ["revision","clauses","bracketedClauses","liveAlternatives","agreedClauses"]},
    ["revision","clauses","bracketedClauses","liveAlternatives","agreedClauses"]),
 "TextComparison": obj({"from": {"type": "integer"}, "to": {"type": "integer"}, "clauses": arr(obj({"clause": string, "oldNumber": string, "newNumber": string, "moved": {"type": "boolean"},
    "pieces": arr(obj({"change": {"type": "string", "enum": ["equal","inserted","deleted"]}, "text": string}, ["change","text"]))}, ["clause","moved","pieces"]))},
    ["from","to","clauses"], "A word diff of each clause between two revisions."),
})
T = f"{B}/texts/{{ref}}"
C = T + "/clauses/{clause}"
A = C + "/alternatives/{alternative}"
cid = {"name": "clause", "in": "path", "required": True, "description": "The clause's id.", "schema": {"type": "string"}}
aid = {"name": "alternative", "in": "path", "required": True, "description": "The alternative's id.", "schema": {"type": "string"}}
revq = lambda n, d: {"name": n, "in": "query", "required": False, "description": d, "schema": {"type": "integer", "minimum": 1}}
changed = lambda d, code="200": ok(d, R("TextChange"), code)
words = {"type": "string", "minLength": 1, "maxLength": 20000}
def raw(desc, media, schema=None):
    return {"200": {"description": desc, "content": {media: {"schema": schema or {"type": "string"}}}}}
op(f"{B}/texts", "get", "listTexts", "The negotiating texts", {**ok("Texts, oldest first.", obj({"texts": arr(R("Text"))}, ["texts"])), **errs("401","404")}, params=[mid], tags=["texts"])
op(f"{B}/texts", "post", "createText", "Create a negotiating text (a side's negotiator or lead)",
   {**ok("The entries appended and the new text.", R("TextChange"), "201"), **errs(*W)},
   params=[mid], reqbody=body(obj({"title": {"type": "string", "minLength": 1, "maxLength": 200}, "kind": R("TextKind"), "track": {"type": "string", "description": "A track's id."},
      "workingLanguage": lang, "otherLanguages": arr(lang), "cites": {**ref, "description": "The adopted text this one replaces."}}, ["title","kind","workingLanguage"])), tags=["texts"])
op(T, "get", "getText", "One negotiating text, now or at an earlier revision", {**ok("The text.", R("Text")), **errs("400","401","404")},
   params=[mid, rid, revq("revision", "The revision to show (default: the latest).")], tags=["texts"])
op(f"{T}/revisions", "get", "getTextRevisions", "The text's progress at each revision", {**ok("Progress by revision.", obj({"revisions": arr(R("TextProgress"))}, ["revisions"])), **errs("401","404")},
   params=[mid, rid], tags=["texts"])
op(f"{T}/compare", "get", "compareTextRevisions", "Compare two revisions of the text, word by word", {**ok("The comparison.", R("TextComparison")), **errs("400","401","404")},
   params=[mid, rid, revq("from", "The older revision (default: the one before `to`)."), revq("to", "The newer revision (default: the latest).")], tags=["texts"])
op(f"{T}/canonical", "get", "getTextCanonicalForm", "The RFC 8785 canonical form of the adopted text: the bytes every side signs",
   {**ok("The canonical JSON.", {"type": "object"}), **errs("401","404","409")}, params=[mid, rid], tags=["texts"])
op(f"{T}/print", "get", "printText", "The text as a printable HTML page", {**raw("An HTML page.", "text/html"), **errs("401","404")}, params=[mid, rid], tags=["texts"])
op(f"{T}/plain", "get", "getTextPlain", "The text as plain text, brackets and credits included", {**raw("Plain text.", "text/plain"), **errs("401","404")}, params=[mid, rid], tags=["texts"])
op(f"{T}/akn", "get", "getTextAkomaNtoso", "The text as Akoma Ntoso 3.0 XML", {**raw("An Akoma Ntoso document.", "application/akn+xml"), **errs("401","404")}, params=[mid, rid], tags=["texts"])
op(f"{T}/clauses", "post", "proposeClause", "Propose a clause", {**changed("The entries appended and the text.", "201"), **errs(*W)}, params=[mid, rid],
   reqbody=body(obj({"section": R("ClauseSection"), "after": {"type": "string", "description": "The clause it goes after; first in its part of the text when absent."}, "wording": words}, ["section","wording"])), tags=["texts"])
op(f"{C}/alternatives", "post", "proposeAlternative", "Propose an alternative for a clause: other words, its deletion, or a move",
   {**changed("The entries appended and the text.", "201"), **errs(*W)}, params=[mid, rid, cid],
   reqbody=body(obj({"kind": R("AlternativeKind"), "wording": {**words, "description": "For `wording`: the clause in these words."},
      "alternative": {"type": "string", "description": "For `move`: the alternative whose words move."},
      "after": {"type": "string", "description": "For `move`: the clause it goes after; first when absent."}}, ["kind"])), tags=["texts"])
op(f"{C}/compromise", "post", "proposeCompromise", "Propose a compromise merging alternatives", {**changed("The entries appended and the text.", "201"), **errs(*W)}, params=[mid, rid, cid],
   reqbody=body(obj({"merging": arr(string), "wording": words}, ["merging","wording"])), tags=["texts"])
op(f"{C}/status", "post", "setClauseStatus", "Set the caller's side's status on a clause, on an alternative's exact words",
   {**changed("The entries appended and the text."), **errs(*W)}, params=[mid, rid, cid],
   reqbody=body(obj({"alternative": string, "status": R("ClauseStatus"), "wording": {"type": "string", "description": "The exact words read; refused if they changed."}}, ["alternative","status","wording"])), tags=["texts"])
op(f"{C}/versions", "post", "setLanguageVersion", "Set an alternative's words in another language", {**changed("The entries appended and the text."), **errs(*W)}, params=[mid, rid, cid],
   reqbody=body(obj({"alternative": string, "language": lang, "wording": words, "authentic": {"type": "boolean"}}, ["alternative","language","wording","authentic"])), tags=["texts"])
op(f"{C}/comments", "post", "commentOnClause", "Comment on a clause (shared)", {**changed("The entries appended and the text.", "201"), **errs(*W)}, params=[mid, rid, cid],
   reqbody=body(obj({"body": words}, ["body"])), tags=["texts"])
op(f"{A}/revise", "post", "reviseAlternative", "Revise the words of the caller's side's alternative", {**changed("The entries appended and the text."), **errs(*W)}, params=[mid, rid, cid, aid],
   reqbody=body(obj({"wording": words}, ["wording"])), tags=["texts"])
op(f"{A}/withdraw", "post", "withdrawAlternative", "Withdraw the caller's side's credit for an alternative", {**changed("The entries appended and the text."), **errs(*W)}, params=[mid, rid, cid, aid], tags=["texts"])
op(f"{A}/support", "post", "supportAlternative", "Support an alternative another side proposed", {**changed("The entries appended and the text."), **errs(*W)}, params=[mid, rid, cid, aid], tags=["texts"])
op(f"{T}/rounds", "post", "openRound", "Open a round of negotiation on the text", {**changed("The entries appended and the text.", "201"), **errs(*W)}, params=[mid, rid],
   reqbody=body(obj({"meeting": {**ref, "description": "The meeting the round is held at."}})), tags=["texts"])
op(f"{T}/adopt", "post", "adoptText", "Adopt the text at a revision with nothing left in brackets", {**changed("The entries appended and the text."), **errs(*W)}, params=[mid, rid],
   reqbody=body(obj({"revision": {"type": "integer", "minimum": 1, "description": "The revision every side read; refused if the text changed since."}}, ["revision"])), tags=["texts"])
op(f"{T}/signatures", "post", "signText", "Sign the adopted text for the caller's side", {**changed("The entries appended and the text.", "201"), **errs(*W)}, params=[mid, rid],
   reqbody=body(obj({"canonicalHash": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "Lower-case hex SHA-256 of the canonical form's bytes."},
      "detached": R("DetachedSignature")}, ["canonicalHash"])), tags=["texts"])
op(f"{T}/withdraw", "post", "withdrawText", "Withdraw a text", {**changed("The entries appended and the text."), **errs(*W)}, params=[mid, rid],
   reqbody=body(obj({"reason": {"type": "string", "maxLength": 2000}})), tags=["texts"])
# createText links to every operation on the text that needs no more than its reference.
created = paths[f"{B}/texts"]["post"]["responses"]["201"]
created["links"] = {}
for path, operations in paths.items():
    if path == T or (path.startswith(T + "/") and "{clause}" not in path):
        for method, operation in operations.items():
            name = operation["operationId"][0].upper() + operation["operationId"][1:]
            created["links"][name] = {"operationId": operation["operationId"],
                                      "parameters": {"id": "$request.path.id", "ref": "$response.body#/text/text/reference"}}

# Every create links to each operation on what it made, so that stateful tests reach them.
for collection, item in [(f"{B}/irritants", f"{B}/irritants/{{ref}}"), (f"{B}/meetings", f"{B}/meetings/{{ref}}"),
                         (f"{B}/contacts", f"{B}/contacts/{{ref}}"), (f"{B}/commitments", f"{B}/commitments/{{ref}}"),
                         (f"{B}/readouts", f"{B}/readouts/{{ref}}"), (f"{B}/notes", f"{B}/notes/{{ref}}"),
                         (f"{B}/irritants/{{ref}}/steps", f"{B}/steps/{{ref}}")]:
    created = paths[collection]["post"]["responses"]["201"]
    for path, operations in paths.items():
        # A new meeting has no minutes yet: its minutes are no operation "on what it made".
        if path.endswith("/minutes"):
            continue
        if path == item or (path.startswith(item + "/") and collection != f"{B}/irritants/{{ref}}/steps"):
            for method, operation in operations.items():
                if path == collection:
                    continue
                name = operation["operationId"][0].upper() + operation["operationId"][1:]
                created["links"][name] = {"operationId": operation["operationId"],
                                          "parameters": {"id": "$request.path.id", "ref": "$response.body#/reference"}}

doc = {
 "openapi": "3.1.0",
 "info": {"title": "Parley JSON API", "version": "1.0.0",
   "description": "The JSON API of a Parley server: the shared record and the caller's own party's private workspace of each mechanism, and the log API for auditors. Sign in with POST /api/v1/auth/token and send `Authorization: Bearer <token>`. Every error is `{\"error\": {\"code\", \"message\", \"field\"?}}`; a mechanism or item the caller may not see answers exactly as a missing one. Every change goes through the same access policy as the pages."},
 "servers": [{"url": "/"}],
 "security": sec,
 "tags": [{"name": n} for n in ["accounts","mechanisms","log","irritants","meetings","contacts","commitments","readouts","notes","texts"]],
 "paths": paths,
 "components": {"schemas": schemas, "responses": responses_components, "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "A token from POST /api/v1/auth/token or the account page (RFC 6750)."}}},
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "ParleyWeb", "Resources", "openapi.json")
text = json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
if len(sys.argv) > 1 and sys.argv[1] == "--check":
    with open(out, encoding="utf-8") as f:
        sys.exit(0 if f.read() == text else "openapi.json is not what scripts/lib/openapi.py writes: run it and commit both")
with open(out, "w", encoding="utf-8") as f:
    f.write(text)
