// Irritants and the steps to resolve them (DESIGN.md "The domain"):
// raised → acknowledged → inDiscussion → resolved (every side confirmed) / parked / withdrawn.

/// Where an irritant stands.
public enum IrritantStatus: String, Codable, Sendable, CaseIterable {
    case raised
    case acknowledged
    case inDiscussion
    case resolved
    case parked
    case withdrawn
}

/// An issue raised by one party.
public struct Irritant: Hashable, Codable, Sendable {
    public var id: ItemID
    public var mechanism: MechanismID
    public var reference: Reference
    public var title: String
    public var description: String
    public var raisedBy: PartyID
    public var track: TrackID?
    public var status: IrritantStatus
    /// Sides whose lead confirmed the resolution, sorted; cleared on reopening.
    public var confirmations: [PartyID]
    public var raisedAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: ItemID,
        mechanism: MechanismID,
        reference: Reference,
        title: String,
        description: String,
        raisedBy: PartyID,
        track: TrackID?,
        status: IrritantStatus = .raised,
        confirmations: [PartyID] = [],
        raisedAt: Timestamp,
        updatedAt: Timestamp
    ) {
        self.id = id
        self.mechanism = mechanism
        self.reference = reference
        self.title = title
        self.description = description
        self.raisedBy = raisedBy
        self.track = track
        self.status = status
        self.confirmations = confirmations
        self.raisedAt = raisedAt
        self.updatedAt = updatedAt
    }
}

/// Where a step stands.
public enum StepStatus: String, Codable, Sendable, CaseIterable {
    case open
    case done
    case cancelled
}

/// An action needed to resolve an irritant, owned by one party.
public struct Step: Hashable, Codable, Sendable {
    public var id: ItemID
    public var mechanism: MechanismID
    public var reference: Reference
    public var irritant: ItemID
    public var owner: PartyID
    public var description: String
    public var due: CalendarDay?
    public var status: StepStatus
    public var updatedAt: Timestamp

    public init(
        id: ItemID,
        mechanism: MechanismID,
        reference: Reference,
        irritant: ItemID,
        owner: PartyID,
        description: String,
        due: CalendarDay?,
        status: StepStatus = .open,
        updatedAt: Timestamp
    ) {
        self.id = id
        self.mechanism = mechanism
        self.reference = reference
        self.irritant = irritant
        self.owner = owner
        self.description = description
        self.due = due
        self.status = status
        self.updatedAt = updatedAt
    }
}
