import ParleyCore
import Testing

@Suite struct IrritantRuleTests {
    @Test func irritantResolvesOnlyWhenEverySideConfirms() throws {
        var w = try World()
        let id = try w.irritantInDiscussion()
        let first = try w.run(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.usLead)
        #expect(first.map(\.kind) == [.irritantConfirmedResolution])
        #expect(w.irritant(id).status == .inDiscussion)
        #expect(w.irritant(id).confirmations == [w.us])

        let second = try w.run(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.ruLead)
        #expect(second.map(\.kind) == [.irritantConfirmedResolution, .irritantResolved])
        #expect(w.irritant(id).status == .resolved)
    }

    @Test func aSideConfirmsOnlyOnce() throws {
        var w = try World()
        let id = try w.irritantInDiscussion()
        try w.run(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.usLead)
        let refusal = w.refusal(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.usLead)
        #expect(refusal == .conflict("Your side has already confirmed the resolution of IRR-1"))
    }

    @Test func reopenClearsConfirmations() throws {
        var w = try World()
        let id = try w.irritantInDiscussion()
        try w.run(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.usLead)
        try w.run(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.ruLead)
        try w.run(
            .reopenIrritant(.init(mechanism: w.mechanism, irritant: id, reason: "New visa refusals")),
            as: w.ruNegotiator
        )
        #expect(w.irritant(id).status == .inDiscussion)
        #expect(w.irritant(id).confirmations.isEmpty)

        // One side's new confirmation no longer resolves it.
        try w.run(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.usLead)
        #expect(w.irritant(id).status == .inDiscussion)
    }

    @Test func withdrawnConfirmationIsNeededAgain() throws {
        var w = try World()
        let id = try w.irritantInDiscussion()
        try w.run(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.usLead)
        try w.run(.withdrawConfirmation(.init(mechanism: w.mechanism, irritant: id)), as: w.usLead)
        try w.run(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.ruLead)
        #expect(w.irritant(id).status == .inDiscussion)
        #expect(w.irritant(id).confirmations == [w.ru])
    }

    @Test func onlyRaiserMayWithdraw() throws {
        var w = try World()
        let id = try w.raise(as: w.usNegotiator)
        #expect(
            w.refusal(.withdrawIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.ruLead)
                == .forbidden("Only the side that raised IRR-1 can withdraw it")
        )
        try w.run(.withdrawIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.usNegotiator)
        #expect(w.irritant(id).status == .withdrawn)
    }

    @Test func withdrawnIrritantCannotBeReopened() throws {
        var w = try World()
        let id = try w.raise(as: w.usNegotiator)
        try w.run(
            .withdrawIrritant(.init(mechanism: w.mechanism, irritant: id, reason: "Settled bilaterally")),
            as: w.usLead
        )
        #expect(
            w.refusal(.reopenIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.usLead)
                == .conflict("IRR-1 is withdrawn; reopen is not possible")
        )
    }

    @Test func acknowledgedOnlyByAnotherSide() throws {
        var w = try World()
        let id = try w.raise(as: w.usNegotiator)
        #expect(
            w.refusal(.acknowledgeIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.usLead)
                == .forbidden("IRR-1 was raised by your side; another side acknowledges it")
        )
        #expect(
            w.refusal(.acknowledgeIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.saNegotiator)
                == .forbidden(
                    "Facilitators schedule meetings and record contacts; the sides keep the rest of the record"
                )
        )
        try w.run(.acknowledgeIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.ruNegotiator)
        #expect(w.irritant(id).status == .acknowledged)
    }

    @Test func discussionStartsOnlyAfterAcknowledgement() throws {
        var w = try World()
        let id = try w.raise(as: w.usNegotiator)
        #expect(
            w.refusal(.startDiscussion(.init(mechanism: w.mechanism, irritant: id)), as: w.usNegotiator)
                == .conflict("IRR-1 must be acknowledged by another side before discussion starts")
        )
    }

    @Test func facilitatorCannotConfirm() throws {
        var w = try World()
        let id = try w.irritantInDiscussion()
        #expect(
            w.refusal(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.saLead)
                == .forbidden("Facilitators confirm nothing for a side")
        )
    }

    @Test func negotiatorCannotConfirm() throws {
        var w = try World()
        let id = try w.irritantInDiscussion()
        #expect(
            w.refusal(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.usNegotiator)
                == .forbidden("Only your side's lead can confirm for your side")
        )
    }

    @Test func resolutionIsConfirmedOnlyInDiscussion() throws {
        var w = try World()
        let id = try w.raise(as: w.usNegotiator)
        #expect(
            w.refusal(.confirmResolution(.init(mechanism: w.mechanism, irritant: id)), as: w.ruLead)
                == .conflict("IRR-1 is raised; a resolution is confirmed only while in discussion")
        )
    }

    @Test func parkedIrritantReopensIntoDiscussion() throws {
        var w = try World()
        let id = try w.raise(as: w.usNegotiator)
        try w.run(
            .parkIrritant(.init(mechanism: w.mechanism, irritant: id, reason: "After the summit")),
            as: w.ruNegotiator
        )
        #expect(w.irritant(id).status == .parked)
        #expect(
            w.refusal(.parkIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.ruNegotiator)
                == .conflict("IRR-1 is parked; only an open irritant can be parked")
        )
        try w.run(.reopenIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.usNegotiator)
        #expect(w.irritant(id).status == .inDiscussion)
    }

    @Test func referencesFollowTheMechanismSequence() throws {
        var w = try World()
        let a = try w.raise("First", as: w.usNegotiator)
        let b = try w.raise("Second", as: w.ruNegotiator)
        #expect(w.irritant(a).reference.description == "IRR-1")
        #expect(w.irritant(b).reference.description == "IRR-2")
    }

    @Test func onlyTheOwnerChangesAStepsStatus() throws {
        var w = try World()
        let id = try w.irritantInDiscussion()
        let step = try w.run(
            .addStep(.init(mechanism: w.mechanism, irritant: id, owner: w.ru, description: "Issue pending visas")),
            as: w.usNegotiator
        )[0].itemID
        let done = UpdateStep(mechanism: w.mechanism, step: step, description: "Issue pending visas", status: .done)
        #expect(
            w.refusal(.updateStep(done), as: w.usLead)
                == .forbidden("Only the side that owns STP-1 can change its status")
        )
        try w.run(.updateStep(done), as: w.ruNegotiator)
        guard case .step(let s)? = w.state.item(step) else {
            Issue.record("no step")
            return
        }
        #expect(s.status == .done)
        #expect(s.reference.description == "STP-1")
    }

    @Test func stepsCannotBeAddedToAWithdrawnIrritant() throws {
        var w = try World()
        let id = try w.raise(as: w.usNegotiator)
        try w.run(.withdrawIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.usNegotiator)
        let refusal = w.refusal(
            .addStep(.init(mechanism: w.mechanism, irritant: id, owner: w.us, description: "Anything")),
            as: w.usNegotiator
        )
        #expect(refusal == .conflict("IRR-1 is withdrawn; steps can no longer be added"))
    }
}
