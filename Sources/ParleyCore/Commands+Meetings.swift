// Commands: meetings and contacts. One value per action a person can take (DESIGN.md "Who uses
// it"). Ids of new things are not in commands: decide asks the caller's `newID` for them.
// Generated with Command.swift from one table of names and fields; keep that shape.

/// A side or facilitator: schedule a meeting.
public struct ScheduleMeeting: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var kind: MeetingKind
    public var title: String
    public var start: Timestamp
    public var timeZone: String
    public var durationMinutes: Int
    public var city: String
    public var country: String
    public var host: PartyID?
    public var participants: [MemberID]
    public var agenda: [Reference]

    public init(
        mechanism: MechanismID,
        kind: MeetingKind,
        title: String,
        start: Timestamp,
        timeZone: String,
        durationMinutes: Int,
        city: String,
        country: String,
        host: PartyID? = nil,
        participants: [MemberID] = [],
        agenda: [Reference] = []
    ) {
        self.mechanism = mechanism
        self.kind = kind
        self.title = title
        self.start = start
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.city = city
        self.country = country
        self.host = host
        self.participants = participants
        self.agenda = agenda
    }
}

/// A side or facilitator: change a scheduled meeting (all fields, as scheduling).
public struct UpdateMeeting: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var meeting: ItemID
    public var kind: MeetingKind
    public var title: String
    public var start: Timestamp
    public var timeZone: String
    public var durationMinutes: Int
    public var city: String
    public var country: String
    public var host: PartyID?
    public var participants: [MemberID]
    public var agenda: [Reference]

    public init(
        mechanism: MechanismID,
        meeting: ItemID,
        kind: MeetingKind,
        title: String,
        start: Timestamp,
        timeZone: String,
        durationMinutes: Int,
        city: String,
        country: String,
        host: PartyID? = nil,
        participants: [MemberID] = [],
        agenda: [Reference] = []
    ) {
        self.mechanism = mechanism
        self.meeting = meeting
        self.kind = kind
        self.title = title
        self.start = start
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.city = city
        self.country = country
        self.host = host
        self.participants = participants
        self.agenda = agenda
    }
}

/// A side or facilitator: cancel a meeting that has not started.
public struct CancelMeeting: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var meeting: ItemID
    public var reason: String?

    public init(mechanism: MechanismID, meeting: ItemID, reason: String? = nil) {
        self.mechanism = mechanism
        self.meeting = meeting
        self.reason = reason
    }
}

/// A side: record (or correct) the joint summary of a meeting that has started.
public struct RecordJointSummary: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var meeting: ItemID
    public var summary: String

    public init(mechanism: MechanismID, meeting: ItemID, summary: String) {
        self.mechanism = mechanism
        self.meeting = meeting
        self.summary = summary
    }
}

/// A side: add an outcome of a meeting that has started.
public struct AddOutcome: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var meeting: ItemID
    public var text: String

    public init(mechanism: MechanismID, meeting: ItemID, text: String) {
        self.mechanism = mechanism
        self.meeting = meeting
        self.text = text
    }
}

/// Any party: record (or replace) its own private minutes of a meeting.
public struct RecordMinutes: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var meeting: ItemID
    public var body: String

    public init(mechanism: MechanismID, meeting: ItemID, body: String) {
        self.mechanism = mechanism
        self.meeting = meeting
        self.body = body
    }
}

/// A side or facilitator: record a contact that took place.
public struct RecordContact: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var kind: ContactKind
    public var participants: [MemberID]
    public var initiatedBy: PartyID
    public var at: Timestamp
    public var durationMinutes: Int?
    public var summary: String

    public init(
        mechanism: MechanismID,
        kind: ContactKind,
        participants: [MemberID],
        initiatedBy: PartyID,
        at: Timestamp,
        durationMinutes: Int? = nil,
        summary: String
    ) {
        self.mechanism = mechanism
        self.kind = kind
        self.participants = participants
        self.initiatedBy = initiatedBy
        self.at = at
        self.durationMinutes = durationMinutes
        self.summary = summary
    }
}
