// Rules for irritants and steps (DESIGN.md "The domain", "Access rules"):
// raised → acknowledged (by a side other than the raiser) → in discussion → resolved, only when
// every side's lead has confirmed for its side; parked; withdrawn only by the raising side.
// Reopening (from parked or resolved) clears all confirmations. Facilitators confirm nothing.

extension Decision {
    func irritant(_ id: ItemID, in m: Mechanism) throws(Refusal) -> Irritant {
        guard case .irritant(let irritant) = try item(id, in: m) else { throw .notVisible }
        return irritant
    }

    func decide(_ c: RaiseIrritant) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        try authorize(.writeShared, .record(m, .shared(m.id)))
        let party = try ownParty()
        var v = Validation()
        let title = v.line(c.title, "title", label: "a title for the irritant", max: Limits.title)
        let description = v.text(c.description, "description", label: "a description of the irritant", max: Limits.body)
        if let track = c.track, state.track(track)?.mechanism != m.id {
            v.fail("track", "Choose a track of this mechanism, or none")
        }
        try v.finish()
        let raised = IrritantRaised(
            id: ItemID(newID()),
            reference: nextReference(.irritant, in: .shared(m.id)),
            title: title,
            description: description,
            raisedBy: party,
            track: c.track
        )
        return [draft(.shared(m.id), .irritantRaised(raised))]
    }

    func decide(_ c: AcknowledgeIrritant) throws(Refusal) -> [EntryDraft] {
        let (m, irritant) = try sharedIrritant(c.mechanism, c.irritant, .writeShared)
        guard irritant.raisedBy != actor.party else {
            throw .forbidden("\(irritant.reference) was raised by your side; another side acknowledges it")
        }
        guard irritant.status == .raised else {
            throw .conflict(
                "\(irritant.reference) is \(irritant.status.words); only a newly raised irritant can be acknowledged"
            )
        }
        return [draft(.shared(m.id), .irritantAcknowledged(event(irritant, nil)))]
    }

    func decide(_ c: StartDiscussion) throws(Refusal) -> [EntryDraft] {
        let (m, irritant) = try sharedIrritant(c.mechanism, c.irritant, .writeShared)
        guard irritant.status == .acknowledged else {
            throw .conflict(
                irritant.status == .raised
                    ? "\(irritant.reference) must be acknowledged by another side before discussion starts"
                    : "\(irritant.reference) is \(irritant.status.words); discussion starts only after acknowledgement"
            )
        }
        return [draft(.shared(m.id), .irritantDiscussionStarted(event(irritant, nil)))]
    }

    func decide(_ c: ConfirmResolution) throws(Refusal) -> [EntryDraft] {
        let (m, irritant) = try sharedIrritant(c.mechanism, c.irritant, .confirmForSide)
        let party = try ownParty()
        guard irritant.status == .inDiscussion else {
            throw .conflict(
                "\(irritant.reference) is \(irritant.status.words); a resolution is confirmed only while in discussion"
            )
        }
        guard !irritant.confirmations.contains(party) else {
            throw .conflict("Your side has already confirmed the resolution of \(irritant.reference)")
        }
        let confirmation = SideConfirmation(id: irritant.id, reference: irritant.reference, party: party)
        var drafts = [draft(.shared(m.id), .irritantConfirmedResolution(confirmation))]
        // Resolved only when every side has confirmed (DESIGN.md); recorded as its own entry so
        // the record says when it happened without replaying the rule.
        if Set(m.sides).isSubset(of: Set(irritant.confirmations + [party])) {
            drafts.append(draft(.shared(m.id), .irritantResolved(event(irritant, nil))))
        }
        return drafts
    }

    func decide(_ c: WithdrawConfirmation) throws(Refusal) -> [EntryDraft] {
        let (m, irritant) = try sharedIrritant(c.mechanism, c.irritant, .confirmForSide)
        let party = try ownParty()
        guard irritant.status == .inDiscussion, irritant.confirmations.contains(party) else {
            throw .conflict(
                irritant.status == .inDiscussion
                    ? "Your side has not confirmed the resolution of \(irritant.reference)"
                    : "\(irritant.reference) is \(irritant.status.words); a confirmation can be withdrawn only while in discussion"
            )
        }
        let confirmation = SideConfirmation(id: irritant.id, reference: irritant.reference, party: party)
        return [draft(.shared(m.id), .irritantConfirmationWithdrawn(confirmation))]
    }

    func decide(_ c: ParkIrritant) throws(Refusal) -> [EntryDraft] {
        let (m, irritant) = try sharedIrritant(c.mechanism, c.irritant, .writeShared)
        let reason = try optionalReason(c.reason)
        guard [.raised, .acknowledged, .inDiscussion].contains(irritant.status) else {
            throw .conflict("\(irritant.reference) is \(irritant.status.words); only an open irritant can be parked")
        }
        return [draft(.shared(m.id), .irritantParked(event(irritant, reason)))]
    }

    func decide(_ c: ReopenIrritant) throws(Refusal) -> [EntryDraft] {
        let (m, irritant) = try sharedIrritant(c.mechanism, c.irritant, .writeShared)
        let reason = try optionalReason(c.reason)
        switch irritant.status {
        case .parked, .resolved:
            return [draft(.shared(m.id), .irritantReopened(event(irritant, reason)))]
        case .withdrawn:
            throw .conflict("\(irritant.reference) is withdrawn; reopen is not possible")
        case .raised, .acknowledged, .inDiscussion:
            throw .conflict(
                "\(irritant.reference) is \(irritant.status.words); only a parked or resolved irritant can be reopened"
            )
        }
    }

    func decide(_ c: WithdrawIrritant) throws(Refusal) -> [EntryDraft] {
        let (m, irritant) = try sharedIrritant(c.mechanism, c.irritant, .writeShared)
        guard irritant.raisedBy == actor.party else {
            throw .forbidden("Only the side that raised \(irritant.reference) can withdraw it")
        }
        let reason = try optionalReason(c.reason)
        guard irritant.status != .withdrawn, irritant.status != .resolved else {
            throw .conflict("\(irritant.reference) is \(irritant.status.words); it can no longer be withdrawn")
        }
        return [draft(.shared(m.id), .irritantWithdrawn(event(irritant, reason)))]
    }

    func decide(_ c: AddStep) throws(Refusal) -> [EntryDraft] {
        let (m, irritant) = try sharedIrritant(c.mechanism, c.irritant, .writeShared)
        var v = Validation()
        let description = v.text(c.description, "description", label: "what the step is", max: Limits.shortText)
        v.check(m.kind(of: c.owner) == .side, "owner", "Choose the side that owns the step")
        try v.finish()
        guard irritant.status != .withdrawn, irritant.status != .resolved else {
            throw .conflict("\(irritant.reference) is \(irritant.status.words); steps can no longer be added")
        }
        let step = StepAdded(
            id: ItemID(newID()),
            reference: nextReference(.step, in: .shared(m.id)),
            irritant: irritant.id,
            owner: c.owner,
            description: description,
            due: c.due
        )
        return [draft(.shared(m.id), .stepAdded(step))]
    }

    func decide(_ c: UpdateStep) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        try authorize(.writeShared, .record(m, .shared(m.id)))
        guard case .step(let step) = try item(c.step, in: m) else { throw .notVisible }
        if c.status != step.status, step.owner != actor.party {
            throw .forbidden("Only the side that owns \(step.reference) can change its status")
        }
        var v = Validation()
        let description = v.text(c.description, "description", label: "what the step is", max: Limits.shortText)
        try v.finish()
        let updated = StepUpdated(
            id: step.id,
            reference: step.reference,
            description: description,
            due: c.due,
            status: c.status
        )
        return [draft(.shared(m.id), .stepUpdated(updated))]
    }

    private func sharedIrritant(_ mechanismID: MechanismID, _ id: ItemID, _ action: Action) throws(Refusal) -> (
        Mechanism, Irritant
    ) {
        let m = try mechanism(mechanismID)
        try authorize(action, .record(m, .shared(m.id)))
        return (m, try irritant(id, in: m))
    }

    func optionalReason(_ text: String?) throws(Refusal) -> String? {
        var v = Validation()
        let reason = v.optionalText(text, "reason", label: "the reason", max: Limits.reason)
        try v.finish()
        return reason
    }

    func event(_ irritant: Irritant, _ reason: String?) -> ItemEvent {
        ItemEvent(id: irritant.id, reference: irritant.reference, reason: reason)
    }
}

extension IrritantStatus {
    /// The status as it reads in a sentence: "IRR-3 is in discussion".
    var words: String {
        switch self {
        case .inDiscussion: return "in discussion"
        default: return rawValue
        }
    }
}
