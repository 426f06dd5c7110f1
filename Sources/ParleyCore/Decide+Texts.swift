// Rules for negotiating texts as a whole (DESIGN.md "The domain", Text; "Access rules"): a side
// creates a text, between the mechanism's sides at that moment; a text changes only while
// drafting, and after adoption a change needs a new text that cites it (and starts from its
// clauses). Sides and facilitators comment on clauses; only the sides hold agreement state.
// Clause rules are in Decide+TextClauses.swift, agreement and adoption in Decide+TextAdoption.swift.

import Foundation

extension Decision {
    func decide(_ c: CreateText) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        try authorize(.writeShared, .record(m, .shared(m.id)))
        let party = try ownParty()
        var v = Validation()
        let title = v.line(c.title, "title", label: "a title for the text", max: Limits.title)
        if let track = c.track, state.track(track)?.mechanism != m.id {
            v.fail("track", "Choose a track of this mechanism, or none")
        }
        let working = language(c.workingLanguage, "workingLanguage", label: "The working language", &v)
        var others: [LanguageTag] = []
        for (i, text) in c.otherLanguages.enumerated() {
            guard let tag = language(text, "otherLanguages[\(i)]", label: "Each other language", &v) else { continue }
            if tag == working {
                v.fail("otherLanguages[\(i)]", "\(text) is the working language; list only the other languages")
            } else if others.contains(tag) {
                v.fail("otherLanguages[\(i)]", "\(text) is listed twice; list each language once")
            } else {
                others.append(tag)
            }
        }
        var cited: CanonicalText?
        if let cites = c.cites,
            case .text(let old)? = sharedReference(cites, "cites", in: m, kinds: [.text], purpose: "A cited text", &v)
        {
            cited = old.status == .adopted || old.status == .signed ? old.canonicalForm() : nil
            v.check(
                cited != nil,
                "cites",
                "\(cites) is \(old.status.rawValue); a new text cites an adopted text, to change it"
            )
        }
        try v.finish()
        guard let working else { throw .invalid("workingLanguage", "Enter the working language") }  // unreachable
        let seeds = try cited.map { canonical throws(Refusal) in try self.seeds(from: canonical, working, others) }
        let created = TextCreated(
            id: ItemID(newID()),
            reference: nextReference(.text, in: .shared(m.id)),
            title: title,
            kind: c.kind,
            track: c.track,
            workingLanguage: working,
            otherLanguages: others,
            sides: m.sides,
            createdBy: party,
            cites: c.cites,
            clauses: seeds ?? []
        )
        return [draft(.shared(m.id), .textCreated(created))]
    }

    func decide(_ c: CommentOnClause) throws(Refusal) -> [EntryDraft] {
        let (m, t) = try sharedText(c.mechanism, c.text, .comment)
        let party = try ownParty()
        var v = Validation()
        if t.clause(c.clause) == nil { v.fail("clause", "Choose a clause of \(t.reference) to comment on") }
        let body = v.text(c.body, "body", label: "your comment", max: Limits.shortText)
        try v.finish()
        guard t.status != .withdrawn else { throw .conflict("\(t.reference) was withdrawn; it takes no more comments") }
        let comment = ClauseCommented(id: t.id, reference: t.reference, clause: c.clause, party: party, body: body)
        return [draft(.shared(m.id), .textClauseCommented(comment))]
    }

    func decide(_ c: OpenRound) throws(Refusal) -> [EntryDraft] {
        let (m, t) = try sharedText(c.mechanism, c.text, .writeShared)
        _ = try textSide(t)
        var v = Validation()
        if let meeting = c.meeting {
            _ = sharedReference(meeting, "meeting", in: m, kinds: [.meeting], purpose: "A round's meeting", &v)
        }
        try v.finish()
        try requireDrafting(t)
        let round = RoundOpened(
            id: t.id,
            reference: t.reference,
            round: t.rounds.count + 1,
            meeting: c.meeting,
            startRevision: t.revision
        )
        return [draft(.shared(m.id), .textRoundOpened(round))]
    }

    func decide(_ c: WithdrawText) throws(Refusal) -> [EntryDraft] {
        let (m, t) = try sharedText(c.mechanism, c.text, .writeShared)
        guard t.createdBy == actor.party else {
            throw .forbidden("Only the side that created \(t.reference) can withdraw it")
        }
        let reason = try optionalReason(c.reason)
        guard t.status == .drafting else {
            throw .conflict(
                "\(t.reference) is \(t.status.rawValue); only a text in drafting can be withdrawn"
            )
        }
        return [draft(.shared(m.id), .textWithdrawn(ItemEvent(id: t.id, reference: t.reference, reason: reason)))]
    }

    // MARK: Shared by the text rules

    /// The mechanism and a text of it the actor may see, after authorising `action` on the shared record.
    func sharedText(_ mechanismID: MechanismID, _ id: ItemID, _ action: Action) throws(Refusal) -> (
        Mechanism, NegotiatingText
    ) {
        let m = try mechanism(mechanismID)
        try authorize(action, .record(m, .shared(m.id)))
        guard case .text(let t) = try item(id, in: m) else { throw .notVisible }
        return (m, t)
    }

    /// The actor's side, which must be one of the sides the text is negotiated between.
    func textSide(_ t: NegotiatingText) throws(Refusal) -> PartyID {
        let party = try ownParty()
        guard t.sides.contains(party) else {
            throw .forbidden(
                "Your side joined the mechanism after \(t.reference) was created and is not a party to it; "
                    + "start a new text that cites it once it is adopted"
            )
        }
        return party
    }

    /// Clauses, alternatives, statuses and versions change only while the text is in drafting.
    func requireDrafting(_ t: NegotiatingText) throws(Refusal) {
        switch t.status {
        case .drafting:
            return
        case .adopted, .signed:
            throw .conflict(
                "\(t.reference) is adopted and frozen; to change it, create a new text that cites \(t.reference)"
            )
        case .withdrawn:
            throw .conflict("\(t.reference) was withdrawn; it can no longer change")
        }
    }

    /// A party as messages name it: its country code, or its name when it is not a state.
    func partyName(_ party: PartyID) -> String {
        state.party(party).map { $0.country?.rawValue ?? $0.name } ?? party.rawValue
    }

    func draft(_ t: NegotiatingText, _ data: EntryData) -> EntryDraft {
        draft(.shared(t.mechanism), data)
    }

    private func language(_ text: String, _ field: String, label: String, _ v: inout Validation) -> LanguageTag? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let tag = LanguageTag(trimmed) else {
            v.fail(
                field,
                trimmed.isEmpty
                    ? "Enter \(label.lowercased()) as a BCP 47 tag, such as en, ru or ar"
                    : "\(label) must be a BCP 47 tag, such as en, ru or ar (not \(text))"
            )
            return nil
        }
        return tag
    }

    /// The clauses a new text starts from: the cited text's agreed words in the new working
    /// language, and its authentic versions in the new text's other languages.
    private func seeds(from cited: CanonicalText, _ working: LanguageTag, _ others: [LanguageTag]) throws(Refusal)
        -> [ClauseSeed]
    {
        guard let workingKey = cited.languages.first(where: { $0 == working })?.rawValue else {
            let listed = cited.languages.map(\.rawValue).joined(separator: ", ")
            throw .invalid(
                "workingLanguage",
                "\(cited.reference) is authentic in \(listed) only; choose one of them as the working language"
            )
        }
        let otherKeys = others.compactMap { tag in cited.languages.first { $0 == tag }.map { (tag, $0.rawValue) } }
        return cited.clauses.map { clause in
            ClauseSeed(
                clause: clause.id,
                section: clause.section,
                alternative: AlternativeID(newID()),
                wording: clause.wording[workingKey] ?? "",
                versions: otherKeys.compactMap { tag, key in
                    clause.wording[key].map { SeedVersion(language: tag, wording: $0) }
                }
            )
        }
    }
}
