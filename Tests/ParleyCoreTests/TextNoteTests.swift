import Foundation
import ParleyCore
import Testing

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
