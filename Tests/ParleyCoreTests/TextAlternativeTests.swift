import ParleyCore
import Testing

@Suite struct TextAlternativeTests {
    @Test func eachProposalBecomesACreditedAlternative() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        let ru = try w.amend(t, c, "The sides will restore embassy staffing levels.", as: w.ruNegotiator)
        let clause = w.clause(t, c)
        #expect(clause.alternatives.map(\.proposedBy) == [[w.us], [w.ru]])
        #expect(clause.alternatives.map(\.proposedAt) == [Timestamp(w.now), Timestamp(w.now)])
        #expect(clause.isBracketed)
        #expect(clause.alternative(ru)?.kind == .wording)
        #expect(w.text(t).revision == 3)
    }

    @Test func onlyProposerWithdrawsAlternative() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        let ru = try w.amend(t, c, "The sides will discuss embassy staffing.", as: w.ruNegotiator)
        let withdraw = Command.withdrawAlternative(.init(mechanism: w.mechanism, text: t, clause: c, alternative: ru))
        #expect(
            w.refusal(withdraw, as: w.usLead)
                == .forbidden("Only the side that proposed an alternative can withdraw it")
        )
        try w.run(withdraw, as: w.ruNegotiator)
        let clause = w.clause(t, c)
        #expect(clause.alternative(ru)?.withdrawn == true)
        #expect(!clause.isBracketed)
        #expect(clause.alternatives.count == 2, "a withdrawn alternative stays in the record")
        #expect(w.refusal(withdraw, as: w.ruNegotiator) == .conflict("This alternative of clause 1 was withdrawn"))
    }

    @Test func compromiseCreditsAgreeingParties() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing in full.")
        let us = w.first(t, c).id
        let ru = try w.amend(t, c, "The sides will discuss embassy staffing.", as: w.ruNegotiator)
        let e = try w.run(
            .proposeCompromise(
                .init(
                    mechanism: w.mechanism,
                    text: t,
                    clause: c,
                    merging: [us, ru],
                    wording: "The sides will restore embassy staffing step by step."
                )
            ),
            as: w.usNegotiator
        )
        guard case .textCompromiseProposed(let p) = e[0].data else {
            Issue.record("no compromise")
            return
        }
        var clause = w.clause(t, c)
        // Credited to the side that made it; only that side's own alternative leaves the table.
        #expect(clause.alternative(p.alternative)?.proposedBy == [w.us])
        #expect(clause.alternative(us)?.supersededBy == p.alternative)
        #expect(clause.alternative(ru)?.isLive == true)
        #expect(clause.isBracketed)

        // Russia agrees to it by supporting it: it joins the credit and its own alternative goes.
        try w.run(
            .supportAlternative(.init(mechanism: w.mechanism, text: t, clause: c, alternative: p.alternative)),
            as: w.ruNegotiator
        )
        clause = w.clause(t, c)
        #expect(clause.alternative(p.alternative)?.proposedBy == [w.us, w.ru].sorted())
        #expect(clause.alternative(ru)?.supersededBy == p.alternative)
        #expect(!clause.isBracketed)
        #expect(clause.alternative(p.alternative)?.merges == [us, ru])
    }

    @Test func supportingAnOrdinaryAlternativeDoesNotCreditIt() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        let a = w.first(t, c).id
        let support = Command.supportAlternative(.init(mechanism: w.mechanism, text: t, clause: c, alternative: a))
        #expect(w.refusal(support, as: w.usLead) == .conflict("Your side is already credited with this alternative"))
        try w.run(support, as: w.ruNegotiator)
        #expect(w.first(t, c).proposedBy == [w.us])
        #expect(w.first(t, c).supporters == [w.ru])
        #expect(w.refusal(support, as: w.ruLead) == .conflict("Your side already supports this alternative"))
    }

    @Test func clauseIdsStableWhenMoved() throws {
        var w = try World()
        let t = try w.createText()
        let a = try w.propose(t, "First.")
        let b = try w.propose(t, "Second.", after: a)
        let c = try w.propose(t, "Third.", after: b)
        // Russia proposes to move the first clause after the third: an alternative, not a move yet.
        let e = try w.run(
            .proposeMove(.init(mechanism: w.mechanism, text: t, clause: a, alternative: w.first(t, a).id, after: c)),
            as: w.ruNegotiator
        )
        guard case .textAlternativeProposed(let move) = e[0].data else {
            Issue.record("no move alternative")
            return
        }
        #expect(move.kind == .move)
        #expect(w.clause(t, a).isBracketed)
        #expect(w.text(t).clauses.map(\.id) == [a, b, c])
        // The United States withdraws the original placement and both agree to the move.
        try w.run(
            .withdrawAlternative(.init(mechanism: w.mechanism, text: t, clause: a, alternative: w.first(t, a).id)),
            as: w.usNegotiator
        )
        try w.set(.agreed, t, a, move.alternative, as: w.usNegotiator)
        let moved = try w.set(.agreed, t, a, move.alternative, as: w.ruNegotiator)
        #expect(moved.map(\.kind) == [.textClauseStatusSet, .textClauseMoved])
        #expect(w.text(t).clauses.map(\.id) == [b, c, a])
        #expect(w.text(t).numbering().mapValues(\.description) == [b: "1", c: "2", a: "3"])
        #expect(w.clause(t, a).isClean(sides: w.text(t).sides))
    }

    @Test func aMoveIsCarriedOutByWhicheverStepMakesItClean() throws {
        var w = try World()
        let t = try w.createText()
        let a = try w.propose(t, "First.")
        let b = try w.propose(t, "Second.", after: a)
        let e = try w.run(
            .proposeMove(.init(mechanism: w.mechanism, text: t, clause: a, alternative: w.first(t, a).id, after: b)),
            as: w.ruNegotiator
        )
        guard case .textAlternativeProposed(let move) = e[0].data else {
            Issue.record("no move alternative")
            return
        }
        // Both agree to the move while the original placement is still on the table: no move yet.
        try w.set(.agreed, t, a, move.alternative, as: w.usNegotiator)
        #expect(try w.set(.agreed, t, a, move.alternative, as: w.ruNegotiator).map(\.kind) == [.textClauseStatusSet])
        #expect(w.text(t).clauses.map(\.id) == [a, b])
        // Withdrawing the original leaves the move alone and agreed: the clause moves, once.
        let withdrawn = try w.run(
            .withdrawAlternative(.init(mechanism: w.mechanism, text: t, clause: a, alternative: w.first(t, a).id)),
            as: w.usNegotiator
        )
        #expect(withdrawn.map(\.kind) == [.textAlternativeWithdrawn, .textClauseMoved])
        #expect(w.text(t).clauses.map(\.id) == [b, a])
        #expect(w.clause(t, a).alternative(move.alternative)?.moved == true)
        let c = try w.propose(t, "Third.", after: b)
        try w.agreeByBoth(t, c)
        #expect(w.text(t).clauses.map(\.id) == [b, c, a])
    }

    @Test func agreedDeletionTakesTheClauseOutOfTheText() throws {
        var w = try World()
        let t = try w.createText()
        let a = try w.propose(t, "First.")
        let b = try w.propose(t, "Second.", after: a)
        let e = try w.run(.proposeDeletion(.init(mechanism: w.mechanism, text: t, clause: a)), as: w.ruNegotiator)
        guard case .textAlternativeProposed(let deletion) = e[0].data else {
            Issue.record("no deletion")
            return
        }
        #expect(w.clause(t, a).reading(sides: w.text(t).sides) == "[First.] [delete]")
        #expect(
            w.refusal(.proposeDeletion(.init(mechanism: w.mechanism, text: t, clause: a)), as: w.usNegotiator)
                == .conflict("Clause 1 already has a proposal to delete it; support that one instead")
        )
        try w.run(
            .withdrawAlternative(.init(mechanism: w.mechanism, text: t, clause: a, alternative: w.first(t, a).id)),
            as: w.usNegotiator
        )
        try w.set(.agreed, t, a, deletion.alternative, as: w.usNegotiator)
        try w.set(.agreed, t, a, deletion.alternative, as: w.ruNegotiator)
        #expect(!w.clause(t, a).isInText(sides: w.text(t).sides))
        #expect(w.text(t).numbering().mapValues(\.description) == [b: "1"])
        #expect(
            w.refusal(
                .proposeAmendment(.init(mechanism: w.mechanism, text: t, clause: a, wording: "Again.")),
                as: w.usLead
            )
                == .conflict("Every side agreed to delete this clause; propose a new clause instead")
        )
    }

    @Test func identicalWordsAreNotASecondAlternative() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        #expect(
            w.refusal(
                .proposeAmendment(
                    .init(
                        mechanism: w.mechanism,
                        text: t,
                        clause: c,
                        wording: " The sides will restore embassy staffing. "
                    )
                ),
                as: w.ruNegotiator
            ) == .conflict("Clause 1 already has an alternative in exactly these words; support it instead")
        )
    }
}
