import ParleyCore
import Testing

@Suite struct MeetingTests {
    @Test func venueOutsideEverySideIsAThirdCountry() throws {
        var w = try World()
        let riyadh = try w.scheduleRiyadh()
        #expect(w.meeting(riyadh).isThirdCountry)
        let moscow = ScheduleMeeting(
            mechanism: w.mechanism,
            kind: .summit,
            title: "Moscow visit",
            start: Timestamp("2025-05-01T09:00:00Z")!,
            timeZone: "Europe/Moscow",
            durationMinutes: 120,
            city: "Moscow",
            country: "RUS"
        )
        let id = try w.run(.scheduleMeeting(moscow), as: w.ruNegotiator)[0].itemID
        #expect(!w.meeting(id).isThirdCountry)
        #expect(w.meeting(id).reference.description == "MTG-2")
    }

    @Test func jointSummaryWaitsForTheMeetingToStart() throws {
        var w = try World()
        let id = try w.scheduleRiyadh(start: "2025-02-18T09:00:00Z")
        w.now = at("2025-02-18T08:00:00Z")
        let summary = RecordJointSummary(
            mechanism: w.mechanism,
            meeting: id,
            summary: "Agreed to establish a consultation mechanism."
        )
        #expect(
            w.refusal(.recordJointSummary(summary), as: w.usNegotiator)
                == .conflict(
                    "MTG-1 starts at 2025-02-18T09:00:00Z; a joint summary can be recorded once it has started"
                )
        )
        w.now = at("2025-02-18T14:00:00Z")
        try w.run(.recordJointSummary(summary), as: w.usNegotiator)
        try w.run(
            .addOutcome(.init(mechanism: w.mechanism, meeting: id, text: "Appoint high-level teams")),
            as: w.ruNegotiator
        )
        #expect(w.meeting(id).jointSummary == "Agreed to establish a consultation mechanism.")
        #expect(w.meeting(id).outcomes.map(\.recordedBy) == [w.ru])
    }

    @Test func aMeetingThatTookPlaceCannotBeCancelled() throws {
        var w = try World()
        let id = try w.scheduleRiyadh(start: "2025-02-18T09:00:00Z")
        #expect(
            w.refusal(.cancelMeeting(.init(mechanism: w.mechanism, meeting: id)), as: w.saNegotiator)
                == .conflict("MTG-1 started at 2025-02-18T09:00:00Z; a meeting that took place cannot be cancelled")
        )
        w.now = at("2025-02-17T00:00:00Z")
        try w.run(.cancelMeeting(.init(mechanism: w.mechanism, meeting: id, reason: "Postponed")), as: w.saNegotiator)
        #expect(w.meeting(id).status == .cancelled)
    }

    @Test func minutesArePrivateAndOnePerParty() throws {
        var w = try World()
        let id = try w.scheduleRiyadh()
        let first = try w.run(
            .recordMinutes(.init(mechanism: w.mechanism, meeting: id, body: "Sample text: first")),
            as: w.usNegotiator
        )
        let second = try w.run(
            .recordMinutes(.init(mechanism: w.mechanism, meeting: id, body: "Sample text: second")),
            as: w.usLead
        )
        let russian = try w.run(
            .recordMinutes(.init(mechanism: w.mechanism, meeting: id, body: "Sample text: ru")),
            as: w.ruLead
        )
        #expect(first[0].log == .private(w.mechanism, w.us))
        #expect(first[0].itemID == second[0].itemID)
        #expect(russian[0].itemID != first[0].itemID)
        #expect(w.state.minutes(of: id, by: w.us)?.body == "Sample text: second")
    }

    @Test func readoutsOfOneEventStandSideBySide() throws {
        var w = try World()
        let id = try w.scheduleRiyadh()
        let event = w.meeting(id).reference
        try w.run(
            .publishReadout(.init(mechanism: w.mechanism, event: event, body: "Positive, upbeat, constructive.")),
            as: w.usNegotiator
        )
        try w.run(
            .publishReadout(.init(mechanism: w.mechanism, event: event, body: "A very serious discussion.")),
            as: w.ruNegotiator
        )
        let readouts = w.state.rows.values.compactMap { row -> Readout? in
            if case .item(.readout(let r)) = row.value, r.event == event { return r }
            return nil
        }
        #expect(Set(readouts.map(\.party)) == [w.us, w.ru])
        #expect(Set(readouts.map(\.reference.description)) == ["RDO-1", "RDO-2"])
        #expect(
            w.refusal(
                .publishReadout(.init(mechanism: w.mechanism, event: Reference("IRR-1")!, body: "x")),
                as: w.usNegotiator
            )
                == .invalid("event", "A readout's event must be a meeting or a contact, not IRR-1")
        )
    }
}

@Suite struct ContactCadenceTests {
    @Test func overdueAfterTheTargetNumberOfDays() throws {
        let w = try World()
        let mechanism = try #require(w.state.mechanism(w.mechanism))
        let call = Timestamp("2025-02-15T10:00:00Z")!
        let onTime = try #require(
            ContactCadence(of: mechanism, lastContact: call, now: Timestamp("2025-03-01T10:00:00Z")!)
        )
        #expect(onTime.daysSinceLastContact == 14)
        #expect(!onTime.isOverdue)
        let late = try #require(
            ContactCadence(of: mechanism, lastContact: call, now: Timestamp("2025-03-02T10:00:00Z")!)
        )
        #expect(late.isOverdue)
        #expect(ContactCadence(of: mechanism, lastContact: nil, now: call)?.isOverdue == true)
    }
}
