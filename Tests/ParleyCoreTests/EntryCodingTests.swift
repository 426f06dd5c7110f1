import Foundation
import ParleyCore
import Testing

@Suite struct EntryCodingTests {
    /// A world in which every kind of entry has been made at least once.
    func everyKind() throws -> World {
        var w = try World()
        let m = w.mechanism
        try w.run(.setCoChair(.init(mechanism: m, track: w.diplomaticMissions, member: w.rubio)), as: w.usLead)
        try w.run(
            .updateMember(
                .init(mechanism: m, member: w.rubio, name: "Marco Rubio", title: "Secretary of State", role: .head)
            ),
            as: w.usLead
        )
        try w.run(
            .formTeam(.init(mechanism: m, track: w.diplomaticMissions, name: "High-level team", members: [w.rubio])),
            as: w.usLead
        )
        let account = try #require(w.usObserver.account)
        try w.run(.changeAccountRole(.init(mechanism: m, account: account, role: .negotiator)), as: w.usLead)
        try w.run(.deactivateAccount(.init(mechanism: m, account: account)), as: w.usLead)

        let a = try w.irritantInDiscussion()
        try w.run(.confirmResolution(.init(mechanism: m, irritant: a)), as: w.usLead)
        try w.run(.withdrawConfirmation(.init(mechanism: m, irritant: a)), as: w.usLead)
        try w.run(.confirmResolution(.init(mechanism: m, irritant: a)), as: w.usLead)
        try w.run(.confirmResolution(.init(mechanism: m, irritant: a)), as: w.ruLead)
        try w.run(.reopenIrritant(.init(mechanism: m, irritant: a, reason: "Again")), as: w.ruLead)
        try w.run(.parkIrritant(.init(mechanism: m, irritant: a)), as: w.ruLead)
        let b = try w.raise("Property", as: w.ruNegotiator)
        try w.run(.withdrawIrritant(.init(mechanism: m, irritant: b)), as: w.ruNegotiator)
        let step = try w.run(
            .addStep(
                .init(
                    mechanism: m,
                    irritant: a,
                    owner: w.us,
                    description: "Return property",
                    due: CalendarDay("2025-04-01")
                )
            ),
            as: w.usLead
        )[0].itemID
        try w.run(
            .updateStep(.init(mechanism: m, step: step, description: "Return property", status: .done)),
            as: w.usLead
        )

        let meeting = try w.scheduleRiyadh()
        try w.run(
            .updateMeeting(
                .init(
                    mechanism: m,
                    meeting: meeting,
                    kind: .roundOfConsultations,
                    title: "Riyadh talks",
                    start: Timestamp("2025-02-18T09:00:00Z")!,
                    timeZone: "Asia/Riyadh",
                    durationMinutes: 270,
                    city: "Riyadh",
                    country: "SAU",
                    host: w.sa,
                    participants: [w.rubio, w.lavrov]
                )
            ),
            as: w.saNegotiator
        )
        try w.run(
            .recordJointSummary(.init(mechanism: m, meeting: meeting, summary: "Agreed points.")),
            as: w.usNegotiator
        )
        try w.run(
            .addOutcome(.init(mechanism: m, meeting: meeting, text: "Consultation mechanism")),
            as: w.usNegotiator
        )
        try w.run(.recordMinutes(.init(mechanism: m, meeting: meeting, body: "Sample text")), as: w.usNegotiator)
        let later = try w.scheduleRiyadh(start: "2025-06-01T09:00:00Z")
        try w.run(.cancelMeeting(.init(mechanism: m, meeting: later)), as: w.saNegotiator)
        try w.run(
            .recordContact(
                .init(
                    mechanism: m,
                    kind: .call,
                    participants: [w.rubio, w.lavrov],
                    initiatedBy: w.ru,
                    at: Timestamp("2025-02-15T10:00:00Z")!,
                    durationMinutes: 45,
                    summary: "Regular contact."
                )
            ),
            as: w.ruNegotiator
        )
        let c1 = try w.run(
            .recordCommitment(.init(mechanism: m, text: "Appoint teams", owner: .allSides, source: Reference("MTG-1"))),
            as: w.usNegotiator
        )[0].itemID
        try w.run(.confirmFulfilment(.init(mechanism: m, commitment: c1)), as: w.usLead)
        try w.run(.confirmFulfilment(.init(mechanism: m, commitment: c1)), as: w.ruLead)
        let c2 = try w.run(
            .recordCommitment(
                .init(mechanism: m, text: "Restore staffing", owner: .party(w.ru), due: CalendarDay("2025-02-01"))
            ),
            as: w.usNegotiator
        )[0].itemID
        try w.run(.markLapsed(.init(mechanism: m, commitment: c2)), as: w.usLead)
        try w.run(
            .publishReadout(.init(mechanism: m, event: Reference("MTG-1")!, body: "Constructive.")),
            as: w.usNegotiator
        )
        let note = try w.run(
            .writeNote(.init(mechanism: m, attachedTo: Reference("IRR-1"), body: "Sample text")),
            as: w.usNegotiator
        )[0].itemID
        try w.run(.editNote(.init(mechanism: m, note: note, body: "Sample text, edited")), as: w.usNegotiator)
        try w.run(.deleteNote(.init(mechanism: m, note: note)), as: w.usNegotiator)
        try everyTextKind(&w)
        return w
    }

    /// Every kind of text entry: a text negotiated, adopted and signed, and one withdrawn.
    func everyTextKind(_ w: inout World) throws {
        let m = w.mechanism
        w.state.textHasher = testHasher
        let (t, clauses) = try w.agreedText()
        let c = try w.propose(t, "The sides will meet again.", after: clauses[2])
        let first = w.first(t, c).id
        try w.run(.openRound(.init(mechanism: m, text: t, meeting: Reference("MTG-1"))), as: w.ruNegotiator)
        try w.run(.supportAlternative(.init(mechanism: m, text: t, clause: c, alternative: first)), as: w.ruNegotiator)
        try w.run(
            .reviseAlternative(.init(mechanism: m, text: t, clause: c, alternative: first, wording: "They will meet.")),
            as: w.usNegotiator
        )
        let ru = try w.amend(t, c, "The sides will meet when useful.", as: w.ruNegotiator)
        let e = try w.run(
            .proposeCompromise(
                .init(
                    mechanism: m,
                    text: t,
                    clause: c,
                    merging: [first, ru],
                    wording: "The sides will meet regularly."
                )
            ),
            as: w.usNegotiator
        )
        guard case .textCompromiseProposed(let compromise) = e[0].data else { return }
        try w.run(.withdrawAlternative(.init(mechanism: m, text: t, clause: c, alternative: ru)), as: w.ruNegotiator)
        try w.run(
            .proposeMove(
                .init(mechanism: m, text: t, clause: c, alternative: compromise.alternative, after: clauses[1])
            ),
            as: w.usNegotiator
        )
        let move = w.clause(t, c).alternatives.last!.id
        try w.run(
            .withdrawAlternative(.init(mechanism: m, text: t, clause: c, alternative: compromise.alternative)),
            as: w.usNegotiator
        )
        try w.agreeByBoth(t, c)
        #expect(w.clause(t, c).liveAlternatives.map(\.id) == [move])
        try w.version(t, c, move, "Стороны будут встречаться регулярно.")
        try w.run(.commentOnClause(.init(mechanism: m, text: t, clause: c, body: "Agreed.")), as: w.saNegotiator)
        try w.run(
            .writeNote(.init(mechanism: m, attachedTo: w.text(t).reference, clause: c, body: "Sample text")),
            as: w.usNegotiator
        )
        try w.adopt(t)
        try w.sign(t, as: w.usLead)
        try w.sign(t, as: w.ruLead)
        let other = try w.createText("Draft to withdraw")
        try w.run(.withdrawText(.init(mechanism: m, text: other)), as: w.usNegotiator)
    }

    @Test func everyKindOfEntryRoundTripsThroughJSON() throws {
        let w = try everyKind()
        let entries = w.state.logs.values.flatMap { $0 }
        #expect(Set(entries.map(\.kind)) == Set(EntryKind.allCases))
        for entry in entries {
            let json = try JSONEncoder().encode(entry)
            let decoded = try JSONDecoder().decode(Entry.self, from: json)
            #expect(decoded == entry, "\(entry.kind.rawValue) changed in a round trip")
        }
    }

    @Test func theProjectionRebuildsFromTheLogsAlone() throws {
        let w = try everyKind()
        let shared = w.state.logs.filter { !$0.key.isPrivate }.values.flatMap { $0 }
        let privates = w.state.logs.filter { $0.key.isPrivate }.sorted { $0.key < $1.key }.flatMap(\.value)
        let decoded = try (shared + privates).map {
            try JSONDecoder().decode(Entry.self, from: JSONEncoder().encode($0))
        }
        let rebuilt = try MemoryState(replaying: decoded)
        #expect(rebuilt.rows == w.state.rows)
        #expect(rebuilt.logs == w.state.logs)
    }

    @Test func projectedValuesRoundTripThroughJSON() throws {
        let w = try everyKind()
        #expect(Set(w.state.rows.values.map(\.kind)) == Set(RowKind.allCases))
        for row in w.state.rows.values {
            let decoded = try JSONDecoder().decode(ProjectedValue.self, from: JSONEncoder().encode(row.value))
            #expect(decoded == row.value)
        }
    }

    @Test func entryJSONHasTheRecordShape() throws {
        var w = try World()
        let entry = try w.run(
            .raiseIrritant(.init(mechanism: w.mechanism, title: "Visas", description: "d")),
            as: w.usLead
        )[0]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(entry), as: UTF8.self)
        let account = try #require(w.usLead.account)
        #expect(
            text == #"{"actor":{"account":"\#(account)","party":"\#(w.us)","role":"lead"},"at":"2025-02-18T12:00:00Z","#
                + #""data":{"description":"d","id":"\#(entry.itemID)","raisedBy":"\#(w.us)","reference":"IRR-1","title":"Visas"},"#
                + #""index":\#(entry.index),"kind":"irritant.raised","log":"mechanism/\#(w.mechanism)","v":1}"#
        )
    }

    @Test func rejectsUnknownKindsAndVersions() throws {
        let base =
            #"{"v":1,"log":"mechanism/m","index":0,"at":"2025-02-18T12:00:00Z","actor":{"role":"operator"},"kind":"mechanism.created","data":{"id":"m","title":"T"}}"#
        _ = try JSONDecoder().decode(Entry.self, from: Data(base.utf8))
        for (find, replace) in [
            (#""v":1"#, #""v":2"#), ("mechanism.created", "mechanism.renamed"),
            ("2025-02-18T12:00:00Z", "2025-02-18 12:00:00"),
            (#""log":"mechanism/m""#, #""log":"mechanisms/m""#), (#""title":"T""#, #""name":"T""#),
        ] {
            let broken = base.replacingOccurrences(of: find, with: replace)
            #expect(throws: DecodingError.self, "\(replace)") {
                try JSONDecoder().decode(Entry.self, from: Data(broken.utf8))
            }
        }
    }

    @Test func logIDsHaveAStableTextForm() {
        let shared = LogID.shared(MechanismID("m1"))
        let own = LogID.private(MechanismID("m1"), PartyID("p2"))
        #expect(shared.description == "mechanism/m1")
        #expect(own.description == "mechanism/m1/party/p2")
        #expect(LogID("mechanism/m1") == shared)
        #expect(LogID("mechanism/m1/party/p2") == own)
        for bad in [
            "", "mechanism", "mechanism/", "mechanism//party/p", "mechanism/m/party", "mechanism/m/parties/p", "x/m",
        ] {
            #expect(LogID(bad) == nil, "\(bad)")
        }
    }
}
