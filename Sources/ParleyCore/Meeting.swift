// Meetings (DESIGN.md "The domain"): start in UTC plus the venue's IANA time zone, venue flagged
// when in a third country, a shared joint summary, and each party's private minutes.

/// The format of a meeting.
public enum MeetingKind: String, Codable, Sendable, CaseIterable {
    case roundOfConsultations
    case workingMeeting
    case summit
}

/// Whether a meeting is still on.
public enum MeetingStatus: String, Codable, Sendable, CaseIterable {
    case scheduled
    case cancelled
}

/// Where a meeting takes place.
public struct Venue: Hashable, Codable, Sendable {
    public var city: String
    public var country: CountryCode

    public init(city: String, country: CountryCode) {
        self.city = city
        self.country = country
    }
}

/// Something a meeting produced, recorded by a side.
public struct Outcome: Hashable, Codable, Sendable {
    public var text: String
    public var recordedBy: PartyID
    public var at: Timestamp

    public init(text: String, recordedBy: PartyID, at: Timestamp) {
        self.text = text
        self.recordedBy = recordedBy
        self.at = at
    }
}

/// A round of consultations, a working meeting or a summit.
public struct Meeting: Hashable, Codable, Sendable {
    public var id: ItemID
    public var mechanism: MechanismID
    public var reference: Reference
    public var kind: MeetingKind
    public var title: String
    public var start: Timestamp
    /// IANA time zone name of the venue, e.g. `Asia/Riyadh`; pages show times in UTC or in it.
    public var timeZone: String
    public var durationMinutes: Int
    public var venue: Venue
    /// Derived when projected: the venue's country is not the country of any side.
    public var isThirdCountry: Bool
    public var host: PartyID?
    public var participants: [MemberID]
    /// Irritant references now; text references once texts exist.
    public var agenda: [Reference]
    public var outcomes: [Outcome]
    public var jointSummary: String?
    public var status: MeetingStatus
    public var updatedAt: Timestamp

    public init(
        id: ItemID,
        mechanism: MechanismID,
        reference: Reference,
        kind: MeetingKind,
        title: String,
        start: Timestamp,
        timeZone: String,
        durationMinutes: Int,
        venue: Venue,
        isThirdCountry: Bool,
        host: PartyID?,
        participants: [MemberID],
        agenda: [Reference],
        outcomes: [Outcome] = [],
        jointSummary: String? = nil,
        status: MeetingStatus = .scheduled,
        updatedAt: Timestamp
    ) {
        self.id = id
        self.mechanism = mechanism
        self.reference = reference
        self.kind = kind
        self.title = title
        self.start = start
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.venue = venue
        self.isThirdCountry = isThirdCountry
        self.host = host
        self.participants = participants
        self.agenda = agenda
        self.outcomes = outcomes
        self.jointSummary = jointSummary
        self.status = status
        self.updatedAt = updatedAt
    }
}

/// One party's own minutes of a meeting: private to that party, one per party and meeting.
public struct Minutes: Hashable, Codable, Sendable {
    public var id: ItemID
    public var mechanism: MechanismID
    public var party: PartyID
    public var meeting: ItemID
    public var body: String
    public var recordedAt: Timestamp

    public init(
        id: ItemID,
        mechanism: MechanismID,
        party: PartyID,
        meeting: ItemID,
        body: String,
        recordedAt: Timestamp
    ) {
        self.id = id
        self.mechanism = mechanism
        self.party = party
        self.meeting = meeting
        self.body = body
        self.recordedAt = recordedAt
    }
}
