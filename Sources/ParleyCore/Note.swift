// Private notes (DESIGN.md "The domain"): one party's own, numbered `NTE-n` in that party's own
// sequence so that nothing about them shows in the shared numbering.

/// A private note of one party, standing alone or attached to a shared item.
public struct Note: Hashable, Codable, Sendable {
    public var id: ItemID
    public var mechanism: MechanismID
    public var party: PartyID
    public var reference: Reference
    /// The shared item it is about, e.g. `IRR-3`.
    public var attachedTo: Reference?
    /// A clause of the text it is attached to, when the note is about one clause.
    public var clause: ClauseID?
    public var body: String
    /// A deleted note stays in the record (entries are never removed) but not in pages.
    public var deleted: Bool
    public var writtenAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: ItemID,
        mechanism: MechanismID,
        party: PartyID,
        reference: Reference,
        attachedTo: Reference?,
        clause: ClauseID? = nil,
        body: String,
        deleted: Bool = false,
        writtenAt: Timestamp,
        updatedAt: Timestamp
    ) {
        self.id = id
        self.mechanism = mechanism
        self.party = party
        self.reference = reference
        self.attachedTo = attachedTo
        self.clause = clause
        self.body = body
        self.deleted = deleted
        self.writtenAt = writtenAt
        self.updatedAt = updatedAt
    }
}
