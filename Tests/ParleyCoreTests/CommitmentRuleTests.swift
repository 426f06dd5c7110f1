import ParleyCore
import Testing

@Suite struct CommitmentRuleTests {
    func record(_ w: inout World, owner: CommitmentOwner, due: String? = nil) throws -> ItemID {
        let command = RecordCommitment(
            mechanism: w.mechanism,
            text: "Appoint respective high-level teams",
            owner: owner,
            due: due.flatMap(CalendarDay.init)
        )
        return try w.run(.recordCommitment(command), as: w.usNegotiator)[0].itemID
    }

    @Test func fulfilledOnlyWhenEveryOtherSideConfirms() throws {
        var w = try World()
        let id = try record(&w, owner: .party(w.us))
        let entries = try w.run(.confirmFulfilment(.init(mechanism: w.mechanism, commitment: id)), as: w.ruLead)
        #expect(entries.map(\.kind) == [.commitmentConfirmedFulfilment, .commitmentFulfilled])
        #expect(w.commitment(id).status == .fulfilled)
    }

    @Test func ownerCannotConfirmItsOwnCommitment() throws {
        var w = try World()
        let id = try record(&w, owner: .party(w.us))
        #expect(
            w.refusal(.confirmFulfilment(.init(mechanism: w.mechanism, commitment: id)), as: w.usLead)
                == .forbidden("CMT-1 is your side's own commitment; the other sides confirm its fulfilment")
        )
    }

    @Test func commitmentOfAllSidesNeedsEverySide() throws {
        var w = try World()
        let id = try record(&w, owner: .allSides)
        try w.run(.confirmFulfilment(.init(mechanism: w.mechanism, commitment: id)), as: w.ruLead)
        #expect(w.commitment(id).status == .open)
        try w.run(.confirmFulfilment(.init(mechanism: w.mechanism, commitment: id)), as: w.usLead)
        #expect(w.commitment(id).status == .fulfilled)
        #expect(w.commitment(id).confirmations == [w.us, w.ru].sorted())
    }

    @Test func facilitatorCannotConfirmFulfilment() throws {
        var w = try World()
        let id = try record(&w, owner: .allSides)
        #expect(
            w.refusal(.confirmFulfilment(.init(mechanism: w.mechanism, commitment: id)), as: w.saLead)
                == .forbidden("Facilitators confirm nothing for a side")
        )
    }

    @Test func lapsesOnlyAfterTheDueDate() throws {
        var w = try World()
        let id = try record(&w, owner: .party(w.ru), due: "2025-03-01")
        w.now = at("2025-03-01T23:59:59Z")
        #expect(
            w.refusal(.markLapsed(.init(mechanism: w.mechanism, commitment: id)), as: w.usLead)
                == .conflict("CMT-1 is due on 2025-03-01; it can be marked lapsed from 2025-03-02")
        )
        #expect(
            w.refusal(.markLapsed(.init(mechanism: w.mechanism, commitment: id)), as: w.usNegotiator)
                == .forbidden("Only your side's lead can confirm for your side")
        )
        w.now = at("2025-03-02T00:00:00Z")
        try w.run(.markLapsed(.init(mechanism: w.mechanism, commitment: id, reason: "No team named")), as: w.usLead)
        #expect(w.commitment(id).status == .lapsed)
        #expect(
            w.refusal(.confirmFulfilment(.init(mechanism: w.mechanism, commitment: id)), as: w.usLead)
                == .conflict("CMT-1 is lapsed; only an open commitment can be confirmed")
        )
    }

    @Test func commitmentWithoutDueDateCannotLapse() throws {
        var w = try World()
        let id = try record(&w, owner: .party(w.ru))
        #expect(
            w.refusal(.markLapsed(.init(mechanism: w.mechanism, commitment: id)), as: w.usLead)
                == .conflict("CMT-1 has no due date, so it cannot lapse")
        )
    }

    @Test func facilitatorHoldsNoCommitment() throws {
        var w = try World()
        let command = RecordCommitment(mechanism: w.mechanism, text: "Host the next round", owner: .party(w.sa))
        #expect(
            w.refusal(.recordCommitment(command), as: w.usNegotiator)
                == .invalid(
                    "owner",
                    "Choose the side that undertook it, or all sides; facilitators hold no commitments"
                )
        )
    }

    @Test func sourceMustBeAMeetingContactOrText() throws {
        var w = try World()
        let irritant = try w.raise(as: w.usNegotiator)
        _ = irritant
        let wrongKind = RecordCommitment(
            mechanism: w.mechanism,
            text: "Keep channels open",
            owner: .allSides,
            source: Reference("IRR-1")
        )
        #expect(
            w.refusal(.recordCommitment(wrongKind), as: w.usNegotiator)
                == .invalid("source", "A commitment's source must be a meeting, a text or a contact, not IRR-1")
        )
        let missing = RecordCommitment(
            mechanism: w.mechanism,
            text: "Keep channels open",
            owner: .allSides,
            source: Reference("MTG-4")
        )
        #expect(
            w.refusal(.recordCommitment(missing), as: w.usNegotiator)
                == .invalid("source", "MTG-4 does not exist in this mechanism")
        )
        let meeting = try w.scheduleRiyadh()
        let sourced = RecordCommitment(
            mechanism: w.mechanism,
            text: "Keep channels open",
            owner: .allSides,
            source: w.meeting(meeting).reference
        )
        try w.run(.recordCommitment(sourced), as: w.ruNegotiator)
    }
}
