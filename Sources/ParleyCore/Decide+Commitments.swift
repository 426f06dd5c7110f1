// Rules for commitments and readouts (DESIGN.md "The domain"): a commitment is fulfilled only
// when every other side's lead has confirmed (every side, when all sides undertook it). It may be
// marked lapsed by any side's lead, and only after its due date (the UTC day after it at the
// earliest), so a lapse is never a matter of one side's impatience. Readouts are each side's own.

extension Decision {
    func decide(_ c: RecordCommitment) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        try authorize(.writeShared, .record(m, .shared(m.id)))
        var v = Validation()
        let text = v.text(c.text, "text", label: "what was undertaken", max: Limits.shortText)
        if case .party(let owner) = c.owner {
            v.check(
                m.kind(of: owner) == .side,
                "owner",
                "Choose the side that undertook it, or all sides; facilitators hold no commitments"
            )
        }
        if let source = c.source {
            _ = sharedReference(
                source,
                "source",
                in: m,
                kinds: [.meeting, .contact, .text],
                purpose: "A commitment's source",
                &v
            )
        }
        try v.finish()
        let commitment = CommitmentRecorded(
            id: ItemID(newID()),
            reference: nextReference(.commitment, in: .shared(m.id)),
            text: text,
            owner: c.owner,
            source: c.source,
            due: c.due
        )
        return [draft(.shared(m.id), .commitmentRecorded(commitment))]
    }

    func decide(_ c: ConfirmFulfilment) throws(Refusal) -> [EntryDraft] {
        let (m, commitment) = try sharedCommitment(c.mechanism, c.commitment)
        let party = try ownParty()
        let confirming = commitment.owner.confirmingSides(among: m.sides)
        guard confirming.contains(party) else {
            throw .forbidden(
                "\(commitment.reference) is your side's own commitment; the other sides confirm its fulfilment"
            )
        }
        guard commitment.status == .open else {
            throw .conflict(
                "\(commitment.reference) is \(commitment.status.rawValue); only an open commitment can be confirmed"
            )
        }
        guard !commitment.confirmations.contains(party) else {
            throw .conflict("Your side has already confirmed that \(commitment.reference) is fulfilled")
        }
        let confirmation = SideConfirmation(id: commitment.id, reference: commitment.reference, party: party)
        var drafts = [draft(.shared(m.id), .commitmentConfirmedFulfilment(confirmation))]
        if Set(confirming).isSubset(of: Set(commitment.confirmations + [party])) {
            drafts.append(draft(.shared(m.id), .commitmentFulfilled(event(commitment, nil))))
        }
        return drafts
    }

    func decide(_ c: MarkLapsed) throws(Refusal) -> [EntryDraft] {
        let (m, commitment) = try sharedCommitment(c.mechanism, c.commitment)
        let reason = try optionalReason(c.reason)
        guard commitment.status == .open else {
            throw .conflict(
                "\(commitment.reference) is \(commitment.status.rawValue); only an open commitment can lapse"
            )
        }
        guard let due = commitment.due else {
            throw .conflict("\(commitment.reference) has no due date, so it cannot lapse")
        }
        guard now.day > due else {
            let dayAfter = CalendarDay(daysSince1970: due.daysSince1970 + 1)
            throw .conflict("\(commitment.reference) is due on \(due); it can be marked lapsed from \(dayAfter)")
        }
        return [draft(.shared(m.id), .commitmentLapsed(event(commitment, reason)))]
    }

    func decide(_ c: PublishReadout) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        try authorize(.writeShared, .record(m, .shared(m.id)))
        var v = Validation()
        let event = sharedReference(
            c.event,
            "event",
            in: m,
            kinds: [.meeting, .contact],
            purpose: "A readout's event",
            &v
        )
        let body = v.text(c.body, "body", label: "the readout", max: Limits.body)
        try v.finish()
        if case .meeting(let meeting) = event { try requireHeld(meeting, "a readout") }
        let readout = ReadoutPublished(
            id: ItemID(newID()),
            reference: nextReference(.readout, in: .shared(m.id)),
            party: try ownParty(),
            event: c.event,
            body: body
        )
        return [draft(.shared(m.id), .readoutPublished(readout))]
    }

    private func sharedCommitment(_ mechanismID: MechanismID, _ id: ItemID) throws(Refusal) -> (Mechanism, Commitment) {
        let m = try mechanism(mechanismID)
        try authorize(.confirmForSide, .record(m, .shared(m.id)))
        guard case .commitment(let commitment) = try item(id, in: m) else { throw .notVisible }
        return (m, commitment)
    }

    func event(_ commitment: Commitment, _ reason: String?) -> ItemEvent {
        ItemEvent(id: commitment.id, reference: commitment.reference, reason: reason)
    }
}
