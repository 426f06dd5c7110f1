// ParleyWeb: the contacts of a mechanism outside meetings — the list, one contact, and recording
// one (sides and facilitators, as ParleyCore's policy allows `arrange`). Recording goes through
// `Store.execute`; a refusal comes back beside the fields with the input kept.

import Hummingbird
import ParleyCore
import ParleyStore

struct ContactsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/contacts", use: list)
        group.get("/mechanisms/:id/contacts/new", use: newForm)
        group.post("/mechanisms/:id/contacts/new", use: record)
        group.get("/mechanisms/:id/contacts/:ref", use: show)
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let rows = try await access.store.items(.contact, in: access.id, scope: access.scope, limit: Store.maxPageSize)
            .rows.compactMap { row -> Contact? in if case .item(.contact(let v)) = row.value { v } else { nil } }
            .sorted { $0.at > $1.at }
            .map { ContactRow($0, mechanism: access.id, names: access.names) }
        let page = ContactListPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            contacts: rows,
            hasContacts: !rows.isEmpty,
            canRecord: access.canArrange
        )
        return try env.render("contacts", page, context: context)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let row = try await access.item(context.parameters.get("ref"), kind: .contact)
        guard case .item(.contact(let contact)) = row.value else { throw WebError.notFound }
        let page = ContactPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            contact: ContactRow(contact, mechanism: access.id, names: access.names),
            duration: contact.durationMinutes.map { "\($0) minutes" },
            participants: contact.participants.map(access.memberName),
            recordedAt: PageFormat.utc(contact.recordedAt),
            readoutsHref: access.id.href + "/readouts/" + contact.reference.description,
            canWriteNotes: access.canWritePrivate
        )
        return try env.render("contact", page, context: context)
    }

    @Sendable func newForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireArranger(access)
        return try env.render("contact-new", recordPage(access, context.form), context: context)
    }

    @Sendable func record(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireArranger(access)
        let form = context.form
        var page = recordPage(access, form)
        var errors = FormErrors()
        let at = FormTime.instant(date: page.date, time: page.time, zone: "UTC")
        if at == nil {
            errors.add("date", "Enter when it took place as a date like 2025-02-12 and a UTC time like 14:30")
        }
        let durationText = page.durationMinutes.trimmingWhitespace()
        let duration = FormTime.minutes(durationText)
        if !durationText.isEmpty, duration == nil {
            errors.add("durationMinutes", "Enter the duration as a whole number of minutes, or leave it empty")
        }
        let initiator = (form["initiatedBy"] ?? "").trimmingWhitespace()
        if initiator.isEmpty { errors.add("initiatedBy", "Choose the party that initiated the contact") }
        let kind = ContactKind(rawValue: form["kind"] ?? "")
        if kind == nil { errors.add("kind", "Choose the kind of contact from the list") }
        guard errors.isEmpty, let at, let kind else {
            page.show(errors)
            return try env.render("contact-new", page, context: context, status: .unprocessableContent)
        }
        let command = Command.recordContact(
            .init(
                mechanism: access.id,
                kind: kind,
                participants: form.all("participants").map(MemberID.init),
                initiatedBy: PartyID(initiator),
                at: at,
                durationMinutes: duration,
                summary: page.summary
            )
        )
        switch try await access.execute(command, now: env.services.clock.now()) {
        case .success(let result):
            for entry in result.entries {
                if case .contactRecorded(let contact) = entry.data {
                    return HTMLResponse.seeOther(access.id.href + "/contacts/" + contact.reference.description)
                }
            }
            return HTMLResponse.seeOther(access.id.href + "/contacts")
        case .failure(let refusal):
            page.show(FormErrors(refusal).renamed(["at": "date"]))
            return try env.render("contact-new", page, context: context, status: WebError(refusal).status)
        }
    }

    private func requireArranger(_ access: MechanismAccess) throws {
        guard access.canArrange else {
            throw WebError(
                .forbidden,
                "Your account cannot record contacts in this mechanism: only negotiators and leads of the sides and facilitators can."
            )
        }
    }

    /// The record form, filled with what was submitted (empty on the first visit).
    private func recordPage(_ access: MechanismAccess, _ form: FormFields) -> RecordContactPage {
        let initiator = form["initiatedBy"] ?? ""
        let members = access.memberOptions(checked: form.all("participants"))
        var page = RecordContactPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            kinds: RecordContactPage.kindOptions(selected: form["kind"] ?? ""),
            initiators: access.partyOptions(selected: initiator),
            noInitiator: initiator.isEmpty,
            members: members,
            hasMembers: !members.isEmpty
        )
        page.date = form["date"] ?? ""
        page.time = form["time"] ?? ""
        page.durationMinutes = form["durationMinutes"] ?? ""
        page.summary = form["summary"] ?? ""
        return page
    }
}
