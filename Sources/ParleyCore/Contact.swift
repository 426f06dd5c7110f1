// Contacts outside meetings (DESIGN.md "The domain"): calls, letters, notes verbales,
// aides-mémoire and messages.

/// The channel of a contact.
public enum ContactKind: String, Codable, Sendable, CaseIterable {
    case call
    case letter
    case noteVerbale
    case aideMemoire
    case message
}

/// A communication between parties outside a meeting.
public struct Contact: Hashable, Codable, Sendable {
    public var id: ItemID
    public var mechanism: MechanismID
    public var reference: Reference
    public var kind: ContactKind
    public var participants: [MemberID]
    public var initiatedBy: PartyID
    public var at: Timestamp
    /// Calls have a duration; letters and notes need none.
    public var durationMinutes: Int?
    public var summary: String
    public var recordedAt: Timestamp

    public init(
        id: ItemID,
        mechanism: MechanismID,
        reference: Reference,
        kind: ContactKind,
        participants: [MemberID],
        initiatedBy: PartyID,
        at: Timestamp,
        durationMinutes: Int?,
        summary: String,
        recordedAt: Timestamp
    ) {
        self.id = id
        self.mechanism = mechanism
        self.reference = reference
        self.kind = kind
        self.participants = participants
        self.initiatedBy = initiatedBy
        self.at = at
        self.durationMinutes = durationMinutes
        self.summary = summary
        self.recordedAt = recordedAt
    }
}
