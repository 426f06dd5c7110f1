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
