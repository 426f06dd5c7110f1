// Commitments (DESIGN.md "The domain"): open → fulfilled (confirmed by every other side) / lapsed.

/// Who undertook a commitment.
public enum CommitmentOwner: Hashable, Codable, Sendable {
    /// One party undertook it: every other side confirms fulfilment.
    case party(PartyID)
    /// All sides undertook it: every side confirms fulfilment.
    case allSides

    private enum CodingKeys: String, CodingKey { case kind, party }

    // JSON: {"kind":"party","party":"<id>"} or {"kind":"allSides"}.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "party": self = .party(try c.decode(PartyID.self, forKey: .party))
        case "allSides": self = .allSides
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind,
                in: c,
                debugDescription: "owner kind must be party or allSides, not \(other)"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .party(let party):
            try c.encode("party", forKey: .kind)
            try c.encode(party, forKey: .party)
        case .allSides:
            try c.encode("allSides", forKey: .kind)
        }
    }

    /// The sides whose confirmation fulfils the commitment.
    public func confirmingSides(among sides: [PartyID]) -> [PartyID] {
        switch self {
        case .party(let owner): return sides.filter { $0 != owner }
        case .allSides: return sides
        }
    }
}

/// Where a commitment stands.
public enum CommitmentStatus: String, Codable, Sendable, CaseIterable {
    case open
    case fulfilled
    case lapsed
}

/// Something a party (or all sides) undertook.
public struct Commitment: Hashable, Codable, Sendable {
    public var id: ItemID
    public var mechanism: MechanismID
    public var reference: Reference
    public var text: String
    public var owner: CommitmentOwner
    /// The meeting, contact or text it came from.
    public var source: Reference?
    public var due: CalendarDay?
    public var status: CommitmentStatus
    /// Sides whose lead confirmed fulfilment, sorted.
    public var confirmations: [PartyID]
    public var recordedAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: ItemID,
        mechanism: MechanismID,
        reference: Reference,
        text: String,
        owner: CommitmentOwner,
        source: Reference?,
        due: CalendarDay?,
        status: CommitmentStatus = .open,
        confirmations: [PartyID] = [],
        recordedAt: Timestamp,
        updatedAt: Timestamp
    ) {
        self.id = id
        self.mechanism = mechanism
        self.reference = reference
        self.text = text
        self.owner = owner
        self.source = source
        self.due = due
        self.status = status
        self.confirmations = confirmations
        self.recordedAt = recordedAt
        self.updatedAt = updatedAt
    }
}
