import Foundation
import ParleyCore
import Testing

@Suite struct TextRuleTests {
    @Test func createsATextInDraftingBetweenTheSides() throws {
        var w = try World()
        let id = try w.createText()
        let t = w.text(id)
        #expect(t.reference.description == "TXT-1")
        #expect(t.status == .drafting)
        #expect(t.revision == 1)
        #expect(t.sides == [w.us, w.ru])
        #expect(t.workingLanguage.rawValue == "en")
        #expect(t.otherLanguages.map(\.rawValue) == ["ru"])
        #expect(!t.sides.contains(w.sa))
    }

    @Test func createRefusesBadLanguagesAllAtOnce() throws {
        var w = try World()
        let create = CreateText(
            mechanism: w.mechanism,
            title: " ",
            kind: .memorandumOfUnderstanding,
            workingLanguage: "english!",
            otherLanguages: ["ru", "ru", "x_y"]
        )
        guard case .invalid(let problems)? = w.refusal(.createText(create), as: w.usNegotiator) else {
            Issue.record("not refused as invalid")
            return
        }
        #expect(problems.map(\.field) == ["title", "workingLanguage", "otherLanguages[1]", "otherLanguages[2]"])
    }

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

    @Test func wordingChangeResetsAgreement() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        let us = w.first(t, c).id
        try w.set(.agreed, t, c, us, as: w.usNegotiator)
        try w.set(.agreedAdReferendum, t, c, us, as: w.ruNegotiator)
        #expect(w.clause(t, c).status(of: w.us) == .agreed)
        #expect(w.clause(t, c).status(of: w.ru) == .agreedAdReferendum)

        // The proposer revises its own words: every side is back at proposed.
        try w.run(
            .reviseAlternative(
                .init(
                    mechanism: w.mechanism,
                    text: t,
                    clause: c,
                    alternative: us,
                    wording: "The sides will restore staffing."
                )
            ),
            as: w.usNegotiator
        )
        #expect(w.clause(t, c).status(of: w.us) == .proposed)
        #expect(w.clause(t, c).status(of: w.ru) == .proposed)
        #expect(w.clause(t, c).wordingRevision == 2)

        // So does a new alternative from anyone.
        try w.set(.agreed, t, c, us, as: w.ruNegotiator)
        try w.amend(t, c, "The sides will consider staffing.", as: w.usNegotiator)
        #expect(w.clause(t, c).status(of: w.ru) == .proposed)
    }

    @Test func agreementIsToExactWords() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides welcome the caf\u{E9} talks.")
        let alternative = w.first(t, c)
        // Canonically equivalent (NFD) but not the recorded words: refused.
        let decomposed = "The sides welcome the cafe\u{301} talks."
        #expect(decomposed == alternative.wording)  // Swift String == says equal …
        let refusal = w.refusal(
            .setClauseStatus(
                .init(
                    mechanism: w.mechanism,
                    text: t,
                    clause: c,
                    alternative: alternative.id,
                    status: .agreed,
                    wording: decomposed
                )
            ),
            as: w.ruNegotiator
        )
        // … but agreement compares scalar by scalar.
        guard case .conflict(let message)? = refusal else {
            Issue.record("agreement to other words was not refused")
            return
        }
        #expect(message.hasPrefix("The words of this alternative of clause 1 are not the words you read"))
        try w.set(.agreed, t, c, alternative.id, as: w.ruNegotiator)
        #expect(w.clause(t, c).statusRecord(of: w.ru)?.wording == alternative.wording)
    }

    @Test func eachSideSetsOnlyItsOwnStatus() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        let a = w.first(t, c).id
        let entries = try w.set(.reserved, t, c, a, as: w.ruNegotiator)
        guard case .textClauseStatusSet(let p) = entries[0].data else {
            Issue.record("no status entry")
            return
        }
        // The command names no party: the status is always the actor's own side's.
        #expect(p.party == w.ru)
        #expect(w.clause(t, c).status(of: w.ru) == .reserved)
        #expect(w.clause(t, c).status(of: w.us) == .proposed)
        try w.set(.agreed, t, c, a, as: w.usLead)
        #expect(w.clause(t, c).status(of: w.ru) == .reserved)
        #expect(w.clause(t, c).statuses.map(\.party) == [w.us, w.ru].sorted())
    }

    @Test func facilitatorHoldsNoAgreementState() throws {
        var w = try World.withTexts()
        let (t, clauses) = try w.agreedText()
        let a = w.first(t, clauses[0]).id
        for actor in [w.saLead, w.saNegotiator] {
            #expect(
                throws: Refusal.forbidden("Facilitators hold no agreement state on texts"),
                performing: { try w.set(.agreed, t, clauses[0], a, as: actor) }
            )
        }
        #expect(
            w.refusal(.adoptText(.init(mechanism: w.mechanism, text: t, revision: w.text(t).revision)), as: w.saLead)
                == .forbidden("Facilitators hold no agreement state on texts")
        )
        // The facilitator reads the text, and it is adoptable without any facilitator status.
        let m = try #require(w.state.mechanism(w.mechanism))
        #expect(Policy.canRead(.shared(w.mechanism), in: m, by: w.saNegotiator))
        #expect(w.text(t).clauses.allSatisfy { $0.statuses.allSatisfy { $0.party != w.sa } })
        try w.adopt(t)
        #expect(
            w.refusal(
                .signText(.init(mechanism: w.mechanism, text: t, canonicalHash: w.text(t).adoptedHash!)),
                as: w.saLead
            )
                == .forbidden("Facilitators hold no agreement state on texts")
        )
    }

    @Test func facilitatorCommentsButDoesNotPropose() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        try w.run(
            .commentOnClause(.init(mechanism: w.mechanism, text: t, clause: c, body: "The host can offer a venue.")),
            as: w.saNegotiator
        )
        #expect(w.clause(t, c).comments.map(\.party) == [w.sa])
        #expect(
            w.refusal(.proposeAmendment(.init(mechanism: w.mechanism, text: t, clause: c, wording: "x")), as: w.saLead)
                == .forbidden(
                    "Facilitators schedule meetings and record contacts; the sides keep the rest of the record"
                )
        )
    }

    @Test func observersReadOnly() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        let observer = Refusal.forbidden("Observers can read but not change the record")
        #expect(
            w.refusal(.commentOnClause(.init(mechanism: w.mechanism, text: t, clause: c, body: "x")), as: w.usObserver)
                == observer
        )
        #expect(throws: observer) { try w.set(.agreed, t, c, w.first(t, c).id, as: w.usObserver) }
        #expect(throws: observer) { try w.propose(t, "More", as: w.usObserver) }
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

    @Test func numberingDerived() throws {
        var w = try World()
        let t = try w.createText()
        let op1 = try w.propose(t, "Operative one.")
        let pp1 = try w.propose(t, "Preamble one,", section: .preamble)
        let op2 = try w.propose(t, "Operative two.", after: op1)
        let art1 = try w.propose(t, "Diplomatic missions", section: .article, after: op2)
        let p11 = try w.propose(t, "Article one, paragraph one.", after: art1)
        let pp2 = try w.propose(t, "Preamble two,", section: .preamble, after: pp1)
        let art2 = try w.propose(t, "Economic cooperation", section: .article, after: p11)
        let p21 = try w.propose(t, "Article two, paragraph one.", after: art2)
        let numbers = w.text(t).numbering().mapValues(\.description)
        #expect(
            numbers == [
                pp1: "PP1", pp2: "PP2", op1: "1", op2: "2", art1: "Article 1", p11: "1.1", art2: "Article 2",
                p21: "2.1",
            ]
        )
        #expect(w.text(t).clauses.map(\.id) == [pp1, pp2, op1, op2, art1, p11, art2, p21])
        // A body clause never goes into the preamble.
        #expect(
            w.refusal(
                .proposeClause(.init(mechanism: w.mechanism, text: t, section: .operative, after: pp1, wording: "x")),
                as: w.usNegotiator
            )
                == .invalid(
                    "after",
                    "An operative paragraph or article goes after another one, or first after the preamble"
                )
        )
        // A withdrawn clause takes no number; the others close up.
        try w.run(
            .withdrawAlternative(.init(mechanism: w.mechanism, text: t, clause: op1, alternative: w.first(t, op1).id)),
            as: w.usNegotiator
        )
        #expect(w.text(t).numbering()[op1] == nil)
        #expect(w.text(t).numbering()[op2]?.description == "1")
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

    @Test func onlyTheCreatorWithdrawsADraftText() throws {
        var w = try World()
        let t = try w.createText()
        let withdraw = Command.withdrawText(.init(mechanism: w.mechanism, text: t, reason: "Superseded"))
        #expect(w.refusal(withdraw, as: w.ruLead) == .forbidden("Only the side that created TXT-1 can withdraw it"))
        try w.run(withdraw, as: w.usNegotiator)
        #expect(w.text(t).status == .withdrawn)
        #expect(throws: Refusal.conflict("TXT-1 was withdrawn; it can no longer change")) {
            try w.propose(t, "More.")
        }
    }

    @Test func anotherMechanismsTextIsNotVisible() throws {
        var w = try World()
        let t = try w.createText()
        #expect(
            w.refusal(
                .proposeClause(
                    .init(mechanism: w.mechanism, text: ItemID("missing"), section: .operative, wording: "x")
                ),
                as: w.usLead
            )
                == .notVisible
        )
        let other = try w.run(.createMechanism(.init(title: "Another")), as: w.admin)[0]
        guard case .mechanismCreated(let m) = other.data else { return }
        #expect(
            w.refusal(.proposeClause(.init(mechanism: m.id, text: t, section: .operative, wording: "x")), as: w.usLead)
                == .notVisible
        )
    }

    @Test func aSideThatJoinedLaterIsNotAPartyToTheText() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.addParty("Side C (sample)", "", ["en"], .side)
        let cLead = try w.account(c, "c-lead", .lead)
        guard
            case .forbidden(let reason)? = w.refusal(
                .proposeClause(.init(mechanism: w.mechanism, text: t, section: .operative, wording: "x")),
                as: cLead
            )
        else {
            Issue.record("not refused")
            return
        }
        #expect(reason.hasPrefix("Your side joined the mechanism after TXT-1 was created"))
    }
}

@Suite struct TextEntryShapeTests {
    @Test func aStatusEntryRecordsTheExactWordsAgreedTo() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides agree.")
        let a = w.first(t, c).id
        let entry = try w.set(.agreedAdReferendum, t, c, a, as: w.ruNegotiator)[0]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = String(decoding: try encoder.encode(entry), as: UTF8.self)
        #expect(entry.kind.rawValue == "text.clauseStatusSet")
        #expect(
            data.contains(
                #""data":{"alternative":"\#(a)","clause":"\#(c)","id":"\#(t)","party":"\#(w.ru)","reference":"TXT-1","#
                    + #""revision":3,"status":"agreedAdReferendum","wording":"The sides agree.","wordingRevision":1}"#
            ),
            "\(data)"
        )
    }
}

@Suite struct TextNoteTests {
    @Test func privateClauseNoteNotVisibleToOtherParty() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        let note = try w.run(
            .writeNote(
                .init(
                    mechanism: w.mechanism,
                    attachedTo: Reference("TXT-1"),
                    clause: c,
                    body: "Sample text: our fallback"
                )
            ),
            as: w.usNegotiator
        )[0]
        #expect(note.log == .private(w.mechanism, w.us))
        guard case .note(let n)? = w.state.item(note.itemID) else {
            Issue.record("no note")
            return
        }
        #expect(n.clause == c)
        #expect(n.attachedTo == Reference("TXT-1"))
        let ruScope = Policy.readScope(for: w.ruNegotiator, party: w.state.party(w.ru))
        #expect(!w.state.rows(readableIn: ruScope).contains { $0.id == note.itemID.rawValue })
        #expect(
            w.refusal(.editNote(.init(mechanism: w.mechanism, note: note.itemID, body: "x")), as: w.ruLead)
                == .notVisible
        )
        // Nothing of it is in the shared text.
        #expect(!w.text(t).clauses.contains { $0.comments.contains { $0.body.contains("fallback") } })
    }

    @Test func aClauseNoteNeedsItsText() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will restore embassy staffing.")
        _ = try w.raise(as: w.usNegotiator)
        #expect(
            w.refusal(.writeNote(.init(mechanism: w.mechanism, clause: c, body: "x")), as: w.usNegotiator)
                == .invalid("clause", "A note about a clause is attached to its text: name the text (TXT-n) too")
        )
        #expect(
            w.refusal(
                .writeNote(.init(mechanism: w.mechanism, attachedTo: Reference("IRR-1"), clause: c, body: "x")),
                as: w.usNegotiator
            )
                == .invalid("clause", "A note about a clause is attached to its text: name the text (TXT-n) too")
        )
        #expect(
            w.refusal(
                .writeNote(
                    .init(mechanism: w.mechanism, attachedTo: Reference("TXT-1"), clause: ClauseID("nope"), body: "x")
                ),
                as: w.usNegotiator
            ) == .invalid("clause", "Choose a clause of TXT-1, or none")
        )
        _ = t
    }
}
