import ParleyCore
import Testing

@Suite struct NoteTests {
    @Test func eachPartyNumbersItsOwnNotes() throws {
        var w = try World()
        let us1 = try w.run(.writeNote(.init(mechanism: w.mechanism, body: "Sample text: US 1")), as: w.usNegotiator)[0]
        let us2 = try w.run(.writeNote(.init(mechanism: w.mechanism, body: "Sample text: US 2")), as: w.usLead)[0]
        let ru1 = try w.run(.writeNote(.init(mechanism: w.mechanism, body: "Sample text: RU 1")), as: w.ruNegotiator)[0]
        let references = [us1, us2, ru1].compactMap { entry -> String? in
            if case .noteWritten(let n) = entry.data { return n.reference.description }
            return nil
        }
        #expect(references == ["NTE-1", "NTE-2", "NTE-1"])
        #expect(w.state.lastNumber(of: .note, in: .shared(w.mechanism)) == 0)
    }

    @Test func notesDoNotShowInTheSharedNumbering() throws {
        var w = try World()
        try w.run(.writeNote(.init(mechanism: w.mechanism, body: "Sample text")), as: w.usNegotiator)
        let irritant = try w.raise(as: w.usNegotiator)
        #expect(w.irritant(irritant).reference.description == "IRR-1")
    }

    @Test func aNoteAttachesToASharedItem() throws {
        var w = try World()
        let irritant = try w.raise(as: w.ruNegotiator)
        let reference = w.irritant(irritant).reference
        let entry = try w.run(
            .writeNote(.init(mechanism: w.mechanism, attachedTo: reference, body: "Sample text")),
            as: w.usNegotiator
        )[0]
        guard case .note(let note)? = w.state.item(entry.itemID) else {
            Issue.record("no note")
            return
        }
        #expect(note.attachedTo == reference)
        #expect(note.party == w.us)
    }

    @Test func deletingIsANewEntryAndHidesTheNote() throws {
        var w = try World()
        let id = try w.run(
            .writeNote(.init(mechanism: w.mechanism, body: "Sample text: findable")),
            as: w.usNegotiator
        )[0].itemID
        try w.run(.editNote(.init(mechanism: w.mechanism, note: id, body: "Sample text: edited")), as: w.usNegotiator)
        let deleted = try w.run(.deleteNote(.init(mechanism: w.mechanism, note: id)), as: w.usNegotiator)
        #expect(deleted.map(\.kind) == [.noteDeleted])
        #expect(w.state.logs[.private(w.mechanism, w.us)]?.count(where: { $0.kind.rawValue.hasPrefix("note.") }) == 3)
        let row = try #require(w.state.rows[MemoryState.RowKey(.note, id.rawValue)])
        #expect(row.status == "deleted")
        #expect(row.searchText.isEmpty)
        #expect(
            w.refusal(.editNote(.init(mechanism: w.mechanism, note: id, body: "again")), as: w.usNegotiator)
                == .conflict("NTE-1 was deleted; write a new note instead")
        )
    }
}
