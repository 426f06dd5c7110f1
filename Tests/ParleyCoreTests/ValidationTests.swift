import ParleyCore
import Testing

@Suite struct ValidationTests {
    @Test func listsEveryProblemWithAMessageAPersonCanActOn() throws {
        var w = try World()
        let refusal = w.refusal(
            .raiseIrritant(.init(mechanism: w.mechanism, title: "  ", description: "", track: TrackID("nope"))),
            as: w.usLead
        )
        #expect(
            refusal
                == .invalid([
                    FieldError(field: "title", message: "Enter a title for the irritant"),
                    FieldError(field: "description", message: "Enter a description of the irritant"),
                    FieldError(field: "track", message: "Choose a track of this mechanism, or none"),
                ])
        )
    }

    @Test func titlesHaveALengthLimitAndOneLine() throws {
        var w = try World()
        let long = String(repeating: "é", count: 201)
        #expect(
            w.refusal(.raiseIrritant(.init(mechanism: w.mechanism, title: long, description: "d")), as: w.usLead)
                == .invalid("title", "Title for the irritant must be 200 characters or fewer (it has 201)")
        )
        #expect(
            w.refusal(.raiseIrritant(.init(mechanism: w.mechanism, title: "a\nb", description: "d")), as: w.usLead)
                == .invalid("title", "Title for the irritant must be on one line")
        )
        // Format characters belong to the spelling of some scripts (ZWNJ in Persian) and are kept.
        try w.run(
            .raiseIrritant(.init(mechanism: w.mechanism, title: "می\u{200C}خواهم", description: "d")),
            as: w.usLead
        )
        let exactly = String(repeating: "я", count: 200)
        try w.run(.raiseIrritant(.init(mechanism: w.mechanism, title: exactly, description: "d")), as: w.usLead)
    }

    @Test func bodiesHaveALengthLimit() throws {
        var w = try World()
        let long = String(repeating: "x", count: Limits.body + 1)
        #expect(
            w.refusal(.writeNote(.init(mechanism: w.mechanism, body: long)), as: w.usLead)
                == .invalid("body", "Note must be 20000 characters or fewer (it has 20001)")
        )
    }

    @Test func trimsWhatItKeeps() throws {
        var w = try World()
        let entries = try w.run(
            .raiseIrritant(.init(mechanism: w.mechanism, title: "  Visas  ", description: " d ")),
            as: w.usLead
        )
        #expect(w.irritant(entries[0].itemID).title == "Visas")
    }

    @Test func meetingFieldsAreChecked() throws {
        var w = try World()
        let bad = ScheduleMeeting(
            mechanism: w.mechanism,
            kind: .workingMeeting,
            title: "Istanbul",
            start: Timestamp("2025-02-27T09:00:00Z")!,
            timeZone: "Europe/Istambul",
            durationMinutes: 0,
            city: "",
            country: "TR",
            host: PartyID("elsewhere"),
            participants: [w.rubio, w.rubio, MemberID("stranger")],
            agenda: [Reference("IRR-7")!, Reference("CMT-1")!]
        )
        guard case .invalid(let problems)? = w.refusal(.scheduleMeeting(bad), as: w.usNegotiator) else {
            Issue.record("expected invalid")
            return
        }
        #expect(
            problems == [
                FieldError(
                    field: "timeZone",
                    message:
                        "Time zone must be an IANA time zone name, such as Asia/Riyadh or Europe/Moscow (not Europe/Istambul)"
                ),
                FieldError(field: "durationMinutes", message: "Duration must be more than 0 minutes"),
                FieldError(field: "city", message: "Enter the venue's city"),
                FieldError(
                    field: "country",
                    message: "Country must be an ISO 3166-1 alpha-3 code in capitals, such as USA, RUS or SAU (not TR)"
                ),
                FieldError(field: "host", message: "Choose the host from this mechanism's parties"),
                FieldError(field: "participants[1]", message: "A participant is listed twice; list each person once"),
                FieldError(
                    field: "participants[2]",
                    message: "Choose participants from the delegations of this mechanism"
                ),
                FieldError(field: "agenda[0]", message: "IRR-7 does not exist in this mechanism"),
                FieldError(field: "agenda[1]", message: "An agenda item must be an irritant or a text, not CMT-1"),
            ]
        )
    }

    @Test func agendaNamesExistingIrritants() throws {
        var w = try World()
        let irritant = try w.raise(as: w.usNegotiator)
        let meeting = ScheduleMeeting(
            mechanism: w.mechanism,
            kind: .workingMeeting,
            title: "Istanbul",
            start: Timestamp("2025-02-27T09:00:00Z")!,
            timeZone: "Europe/Istanbul",
            durationMinutes: 360,
            city: "Istanbul",
            country: "TUR",
            agenda: [w.irritant(irritant).reference]
        )
        let id = try w.run(.scheduleMeeting(meeting), as: w.usNegotiator)[0].itemID
        #expect(w.meeting(id).agenda.map(\.description) == ["IRR-1"])
        #expect(w.meeting(id).isThirdCountry)
    }

    @Test func contactsAreRecordedAfterTheyTookPlace() throws {
        var w = try World()
        let call = RecordContact(
            mechanism: w.mechanism,
            kind: .call,
            participants: [],
            initiatedBy: PartyID("nobody"),
            at: Timestamp("2025-02-19T00:00:00Z")!,
            durationMinutes: -5,
            summary: ""
        )
        guard case .invalid(let problems)? = w.refusal(.recordContact(call), as: w.usNegotiator) else {
            Issue.record("expected invalid")
            return
        }
        #expect(problems.map(\.field) == ["participants", "initiatedBy", "at", "durationMinutes", "summary"])
        #expect(
            problems[2].message
                == "A contact is recorded once it took place: its time cannot be later than now (2025-02-18T12:00:00Z)"
        )
    }

    @Test func partiesNeedRealCountryCodesAndLanguageTags() throws {
        var w = try World()
        let party = AddParty(
            mechanism: w.mechanism,
            name: "United States",
            country: "usa",
            languages: ["en_US", "ru", "ru"]
        )
        guard case .invalid(let problems)? = w.refusal(.addParty(party), as: w.admin) else {
            Issue.record("expected invalid")
            return
        }
        #expect(
            problems == [
                FieldError(
                    field: "name",
                    message: "A party named United States is already in this mechanism; give each party its own name"
                ),
                FieldError(
                    field: "country",
                    message: "Country must be an ISO 3166-1 alpha-3 code in capitals, such as USA, RUS or SAU (not usa)"
                ),
                FieldError(
                    field: "languages[0]",
                    message: "Working language must be a BCP 47 tag, such as en, ru or ar (not en_US)"
                ),
                FieldError(field: "languages[2]", message: "ru is listed twice; list each language once"),
            ]
        )
        let organisation = AddParty(
            mechanism: w.mechanism,
            name: "A mediating organisation",
            languages: ["en", "fr-CH"],
            kind: .facilitator
        )
        try w.run(.addParty(organisation), as: w.admin)
    }

    @Test func usernamesAreShortLowerCaseWords() throws {
        var w = try World()
        for bad in ["ab", "US-Lead", "us lead", "-us", String(repeating: "a", count: 65)] {
            let refusal = w.refusal(
                .createAccount(.init(mechanism: w.mechanism, party: w.us, username: bad, role: .observer)),
                as: w.admin
            )
            guard case .invalid(let problems)? = refusal else {
                Issue.record("\(bad) was accepted")
                continue
            }
            #expect(problems.map(\.field) == ["username"])
        }
        #expect(
            w.refusal(
                .createAccount(.init(mechanism: w.mechanism, party: w.us, username: "root", role: .operator)),
                as: w.admin
            )
                == .invalid("role", "Choose lead, negotiator or observer")
        )
    }

    @Test func notesAttachOnlyToExistingSharedItems() throws {
        var w = try World()
        #expect(
            w.refusal(
                .writeNote(.init(mechanism: w.mechanism, attachedTo: Reference("IRR-9"), body: "x")),
                as: w.usNegotiator
            )
                == .invalid("attachedTo", "IRR-9 does not exist in this mechanism")
        )
    }
}
