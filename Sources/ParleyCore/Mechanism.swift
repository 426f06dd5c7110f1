// The standing structure of a consultation (DESIGN.md "The domain"): mechanism, parties, tracks.

/// A standing consultation format between parties.
public struct Mechanism: Hashable, Codable, Sendable {
    public var id: MechanismID
    public var title: String
    /// The target number of days between two contacts, if the parties agreed one ("regular contact").
    public var contactCadenceDays: Int?
    /// Sides in the order they joined.
    public var sides: [PartyID]
    public var facilitators: [PartyID]
    public var tracks: [TrackID]
    public var createdAt: Timestamp

    public init(
        id: MechanismID,
        title: String,
        contactCadenceDays: Int?,
        sides: [PartyID] = [],
        facilitators: [PartyID] = [],
        tracks: [TrackID] = [],
        createdAt: Timestamp
    ) {
        self.id = id
        self.title = title
        self.contactCadenceDays = contactCadenceDays
        self.sides = sides
        self.facilitators = facilitators
        self.tracks = tracks
        self.createdAt = createdAt
    }

    /// The kind of `party` in this mechanism, or nil when it is not part of it.
    public func kind(of party: PartyID) -> PartyKind? {
        if sides.contains(party) { return .side }
        if facilitators.contains(party) { return .facilitator }
        return nil
    }

    public var parties: [PartyID] { sides + facilitators }
}

/// A state or organisation in one mechanism.
public struct Party: Hashable, Codable, Sendable {
    public var id: PartyID
    public var mechanism: MechanismID
    public var name: String
    /// Present where the party is a state.
    public var country: CountryCode?
    public var languages: [LanguageTag]
    public var kind: PartyKind

    public init(
        id: PartyID,
        mechanism: MechanismID,
        name: String,
        country: CountryCode?,
        languages: [LanguageTag],
        kind: PartyKind
    ) {
        self.id = id
        self.mechanism = mechanism
        self.name = name
        self.country = country
        self.languages = languages
        self.kind = kind
    }
}

/// A side's co-chair of a track.
public struct CoChair: Hashable, Codable, Sendable {
    public var party: PartyID
    public var member: MemberID

    public init(party: PartyID, member: MemberID) {
        self.party = party
        self.member = member
    }
}

/// A workstream of a mechanism, led by one co-chair per side.
public struct Track: Hashable, Codable, Sendable {
    public var id: TrackID
    public var mechanism: MechanismID
    public var title: String
    /// At most one per side, ordered by party id so the JSON form is stable.
    public var coChairs: [CoChair]

    public init(id: TrackID, mechanism: MechanismID, title: String, coChairs: [CoChair] = []) {
        self.id = id
        self.mechanism = mechanism
        self.title = title
        self.coChairs = coChairs
    }
}
