// Rules for clauses and their alternatives (DESIGN.md "The domain", Text): any side may propose to
// insert, amend, move or delete a clause, and each proposal becomes an alternative credited to
// it. A side revises or withdraws only alternatives it is credited with, supports another's, or
// merges alternatives into a compromise. Every change of wording resets every side's status on
// the clause (the fold does it), because agreement is to exact words.

extension Decision {
    func decide(_ c: ProposeClause) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .writeShared)
        let party = try textSide(t)
        var v = Validation()
        let wording = v.text(c.wording, "wording", label: "the clause's words", max: Limits.clause)
        placement(c.after, for: nil, section: c.section, in: t, &v)
        try v.finish()
        try requireDrafting(t)
        let proposed = ClauseProposed(
            id: t.id,
            reference: t.reference,
            revision: t.revision + 1,
            clause: ClauseID(newID()),
            section: c.section,
            placement: ClausePlacement(after: c.after),
            alternative: AlternativeID(newID()),
            wording: wording,
            party: party
        )
        return [draft(t, .textClauseProposed(proposed))]
    }

    func decide(_ c: ProposeAmendment) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .writeShared)
        let party = try textSide(t)
        var v = Validation()
        let clause = clause(c.clause, of: t, &v)
        let wording = v.text(c.wording, "wording", label: "the words you propose", max: Limits.clause)
        try v.finish()
        guard let clause else { throw .invalid("clause", "Choose a clause") }  // unreachable after finish
        try requireDrafting(t)
        try requireOpen(clause, of: t)
        try requireNew(wording, in: clause, of: t)
        return [draft(t, .textAlternativeProposed(alternative(.wording, wording, nil, clause, t, party)))]
    }

    func decide(_ c: ProposeMove) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .writeShared)
        let party = try textSide(t)
        var v = Validation()
        let clause = clause(c.clause, of: t, &v)
        let moved = clause.flatMap { alternative(c.alternative, of: $0, &v) }
        if let clause { placement(c.after, for: clause.id, section: clause.section, in: t, &v) }
        if moved?.kind == .deletion {
            v.fail("alternative", "A deletion cannot be moved; choose an alternative with words")
        }
        try v.finish()
        guard let clause, let moved else { throw .invalid("clause", "Choose a clause") }  // unreachable after finish
        try requireDrafting(t)
        try requireOpen(clause, of: t)
        try requireLive(moved, in: clause, of: t)
        var order = t
        order.clauses.removeAll { $0.id == clause.id }
        let target = (try? order.index(for: ClausePlacement(after: c.after), section: clause.section)) ?? 0
        guard t.clauses.firstIndex(where: { $0.id == clause.id }) != target else {
            throw .conflict("\(t.name(of: clause.id).capitalisedFirst) is already in that place")
        }
        let placement = ClausePlacement(after: c.after)
        return [draft(t, .textAlternativeProposed(alternative(.move, moved.wording, placement, clause, t, party)))]
    }

    func decide(_ c: ProposeDeletion) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .writeShared)
        let party = try textSide(t)
        var v = Validation()
        let clause = clause(c.clause, of: t, &v)
        try v.finish()
        guard let clause else { throw .invalid("clause", "Choose a clause") }  // unreachable after finish
        try requireDrafting(t)
        try requireOpen(clause, of: t)
        if clause.liveAlternatives.contains(where: { $0.kind == .deletion }) {
            throw .conflict(
                "\(t.name(of: clause.id).capitalisedFirst) already has a proposal to delete it; support that one instead"
            )
        }
        return [draft(t, .textAlternativeProposed(alternative(.deletion, "", nil, clause, t, party)))]
    }

    func decide(_ c: ReviseAlternative) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .writeShared)
        let party = try textSide(t)
        let (clause, alternative) = try existing(c.clause, c.alternative, in: t)
        guard alternative.proposedBy.contains(party) else {
            throw .forbidden("Only the sides credited with an alternative can revise it; propose an amendment instead")
        }
        var v = Validation()
        let wording = v.text(c.wording, "wording", label: "the revised words", max: Limits.clause)
        try v.finish()
        try requireDrafting(t)
        try requireLive(alternative, in: clause, of: t)
        guard alternative.kind != .deletion else { throw .conflict("A deletion has no words to revise") }
        try requireNew(wording, in: clause, of: t)
        let revised = AlternativeRevised(
            id: t.id,
            reference: t.reference,
            revision: t.revision + 1,
            clause: clause.id,
            alternative: alternative.id,
            wording: wording,
            party: party
        )
        return [draft(t, .textAlternativeRevised(revised))]
    }

    func decide(_ c: WithdrawAlternative) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .writeShared)
        let party = try textSide(t)
        let (clause, alternative) = try existing(c.clause, c.alternative, in: t)
        try requireDrafting(t)
        // Checked before the credit: a withdrawn alternative is credited to no side any more.
        try requireLive(alternative, in: clause, of: t)
        guard alternative.proposedBy.contains(party) else {
            throw .forbidden("Only the side that proposed an alternative can withdraw it")
        }
        return withMoves([draft(t, .textAlternativeWithdrawn(event(alternative, clause, t, party)))], on: t)
    }

    func decide(_ c: SupportAlternative) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .writeShared)
        let party = try textSide(t)
        let (clause, alternative) = try existing(c.clause, c.alternative, in: t)
        try requireDrafting(t)
        try requireLive(alternative, in: clause, of: t)
        guard !alternative.proposedBy.contains(party) else {
            throw .conflict("Your side is already credited with this alternative")
        }
        guard !alternative.supporters.contains(party) else {
            throw .conflict("Your side already supports this alternative")
        }
        return withMoves([draft(t, .textAlternativeSupported(event(alternative, clause, t, party)))], on: t)
    }

    func decide(_ c: ProposeCompromise) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .writeShared)
        let party = try textSide(t)
        var v = Validation()
        let clause = clause(c.clause, of: t, &v)
        if let clause {
            for (i, id) in c.merging.enumerated() {
                if c.merging[..<i].contains(id) {
                    v.fail("merging[\(i)]", "An alternative is listed twice; list each once")
                } else if !clause.liveAlternatives.contains(where: { $0.id == id }) {
                    v.fail("merging[\(i)]", "Choose live alternatives of \(t.name(of: clause.id)) to merge")
                }
            }
            if Set(c.merging).count < 2 { v.fail("merging", "Choose at least two live alternatives to merge") }
        }
        let wording = v.text(c.wording, "wording", label: "the words of the compromise", max: Limits.clause)
        try v.finish()
        guard let clause else { throw .invalid("clause", "Choose a clause") }  // unreachable after finish
        try requireDrafting(t)
        try requireNew(wording, in: clause, of: t)
        let compromise = CompromiseProposed(
            id: t.id,
            reference: t.reference,
            revision: t.revision + 1,
            clause: clause.id,
            alternative: AlternativeID(newID()),
            merges: c.merging,
            wording: wording,
            party: party
        )
        return [draft(t, .textCompromiseProposed(compromise))]
    }

    // MARK: Shared by the clause rules

    /// `drafts`, followed by a `text.clauseMoved` for a clause they make clean on a move not yet
    /// carried out. Agreeing, withdrawing the last other alternative, or joining a compromise can
    /// each be that last step; the move is recorded as its own entry so the record says when the
    /// clause moved without replaying the rule.
    func withMoves(_ drafts: [EntryDraft], on t: NegotiatingText) -> [EntryDraft] {
        var after = t
        for d in drafts { try? after.apply(d.data, actor: actor, at: now) }
        var result = drafts
        for clause in after.clauses {
            guard let agreed = clause.alternativeAgreed(bySides: t.sides), clause.isClean(sides: t.sides),
                agreed.kind == .move, !agreed.moved, let placement = agreed.placement
            else { continue }
            let moved = ClauseMoved(
                id: t.id,
                reference: t.reference,
                revision: after.revision + 1,
                clause: clause.id,
                alternative: agreed.id,
                placement: placement
            )
            result.append(draft(t, .textClauseMoved(moved)))
            try? after.apply(.textClauseMoved(moved), actor: actor, at: now)
        }
        return result
    }

    /// A clause of `t`, or a field error.
    func clause(_ id: ClauseID, of t: NegotiatingText, _ v: inout Validation) -> Clause? {
        guard let clause = t.clause(id) else {
            v.fail("clause", "Choose a clause of \(t.reference)")
            return nil
        }
        return clause
    }

    func alternative(_ id: AlternativeID, of clause: Clause, _ v: inout Validation) -> Alternative? {
        guard let alternative = clause.alternative(id) else {
            v.fail("alternative", "Choose an alternative of this clause")
            return nil
        }
        return alternative
    }

    /// A clause of `t` and one of its alternatives, or a refusal naming the wrong field.
    func existing(_ clauseID: ClauseID, _ id: AlternativeID, in t: NegotiatingText) throws(Refusal) -> (
        Clause, Alternative
    ) {
        var v = Validation()
        let clause = clause(clauseID, of: t, &v)
        let alternative = clause.flatMap { self.alternative(id, of: $0, &v) }
        try v.finish()
        guard let clause, let alternative else { throw .invalid("clause", "Choose a clause") }  // unreachable
        return (clause, alternative)
    }

    /// Where a clause may go: after a clause of its own part of the text (preamble or body), not itself.
    func placement(
        _ after: ClauseID?,
        for clause: ClauseID?,
        section: ClauseSection,
        in t: NegotiatingText,
        _ v: inout Validation
    ) {
        guard let after else { return }
        guard let target = t.clause(after), after != clause else {
            v.fail("after", "Choose another clause of \(t.reference) to place it after, or none to place it first")
            return
        }
        v.check(
            target.section.isPreamble == section.isPreamble,
            "after",
            section.isPreamble
                ? "A preamble paragraph goes after another preamble paragraph, or first"
                : "An operative paragraph or article goes after another one, or first after the preamble"
        )
    }

    /// The clause is part of the text: not withdrawn by all, not agreed deleted.
    func requireOpen(_ clause: Clause, of t: NegotiatingText) throws(Refusal) {
        guard clause.isInText(sides: t.sides) else {
            throw .conflict(
                clause.liveAlternatives.isEmpty
                    ? "Every alternative of this clause was withdrawn; propose a new clause instead"
                    : "Every side agreed to delete this clause; propose a new clause instead"
            )
        }
    }

    func requireLive(_ alternative: Alternative, in clause: Clause, of t: NegotiatingText) throws(Refusal) {
        guard alternative.isLive else {
            throw .conflict(
                alternative.withdrawn
                    ? "This alternative of \(t.name(of: clause.id)) was withdrawn"
                    : "This alternative of \(t.name(of: clause.id)) was merged into a compromise"
            )
        }
    }

    /// New words must differ from every live alternative's, exactly.
    func requireNew(_ wording: String, in clause: Clause, of t: NegotiatingText) throws(Refusal) {
        if clause.liveAlternatives.contains(where: { $0.kind != .deletion && sameWords($0.wording, wording) }) {
            throw .conflict(
                "\(t.name(of: clause.id).capitalisedFirst) already has an alternative in exactly these words; support it instead"
            )
        }
    }

    private func alternative(
        _ kind: AlternativeKind,
        _ wording: String,
        _ placement: ClausePlacement?,
        _ clause: Clause,
        _ t: NegotiatingText,
        _ party: PartyID
    ) -> AlternativeProposed {
        AlternativeProposed(
            id: t.id,
            reference: t.reference,
            revision: t.revision + 1,
            clause: clause.id,
            alternative: AlternativeID(newID()),
            kind: kind,
            wording: wording,
            placement: placement,
            party: party
        )
    }

    private func event(_ a: Alternative, _ clause: Clause, _ t: NegotiatingText, _ party: PartyID) -> AlternativeEvent {
        AlternativeEvent(
            id: t.id,
            reference: t.reference,
            revision: t.revision + 1,
            clause: clause.id,
            alternative: a.id,
            party: party
        )
    }
}

extension String {
    /// "clause 3 …" at the start of a sentence: "Clause 3 …".
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
