// Rules for private notes (DESIGN.md "Access rules"): a party's notes are in its own private log,
// numbered in its own sequence; another party's note answers exactly as a missing one. A
// deletion is a new entry: the record keeps the note, pages no longer show it.

extension Decision {
    func decide(_ c: WriteNote) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        let log = LogID.private(m.id, try ownParty())
        try authorize(.writePrivate, .record(m, log))
        var v = Validation()
        var subject: Item?
        if let reference = c.attachedTo {
            let shared: Set<ReferenceKind> = [.irritant, .meeting, .text, .commitment, .contact, .step, .readout]
            subject = sharedReference(reference, "attachedTo", in: m, kinds: shared, purpose: "A note's subject", &v)
        }
        if let clause = c.clause {
            if case .text(let text)? = subject {
                v.check(text.clause(clause) != nil, "clause", "Choose a clause of \(text.reference), or none")
            } else if c.attachedTo == nil || subject != nil {
                v.fail("clause", "A note about a clause is attached to its text: name the text (TXT-n) too")
            }
        }
        let body = v.text(c.body, "body", label: "the note", max: Limits.body)
        try v.finish()
        let note = NoteWritten(
            id: ItemID(newID()),
            reference: nextReference(.note, in: log),
            attachedTo: c.attachedTo,
            clause: c.clause,
            body: body
        )
        return [draft(log, .noteWritten(note))]
    }

    func decide(_ c: EditNote) throws(Refusal) -> [EntryDraft] {
        let (log, note) = try ownNote(c.mechanism, c.note)
        var v = Validation()
        let body = v.text(c.body, "body", label: "the note", max: Limits.body)
        try v.finish()
        guard !note.deleted else { throw .conflict("\(note.reference) was deleted; write a new note instead") }
        return [draft(log, .noteEdited(NoteEdited(id: note.id, reference: note.reference, body: body)))]
    }

    func decide(_ c: DeleteNote) throws(Refusal) -> [EntryDraft] {
        let (log, note) = try ownNote(c.mechanism, c.note)
        guard !note.deleted else { throw .conflict("\(note.reference) is already deleted") }
        return [draft(log, .noteDeleted(ItemEvent(id: note.id, reference: note.reference, reason: nil)))]
    }

    private func ownNote(_ mechanismID: MechanismID, _ id: ItemID) throws(Refusal) -> (LogID, Note) {
        let m = try mechanism(mechanismID)
        let log = LogID.private(m.id, try ownParty())
        try authorize(.writePrivate, .record(m, log))
        guard case .note(let note) = try item(id, in: m), note.party == actor.party else { throw .notVisible }
        return (log, note)
    }
}
