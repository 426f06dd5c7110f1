// Entry payloads for referenced items: irritants, steps, meetings, contacts, commitments,
// readouts, notes. References are assigned by decide and recorded, never recomputed at replay.

/// A lifecycle move of an item that needs nothing but the item (acknowledged, parked, lapsed…).
public struct ItemEvent: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    /// Why, in the actor's words, where the move invites one (parking, withdrawing, cancelling).
    public let reason: String?
}

/// One side's confirmation (or its withdrawal) of a resolution or a fulfilment.
public struct SideConfirmation: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let party: PartyID
}

public struct IrritantRaised: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let title: String
    public let description: String
    public let raisedBy: PartyID
    public let track: TrackID?
}

public struct StepAdded: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let irritant: ItemID
    public let owner: PartyID
    public let description: String
    public let due: CalendarDay?
}

public struct StepUpdated: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let description: String
    public let due: CalendarDay?
    public let status: StepStatus
}

/// Used by `meeting.scheduled` and `meeting.updated` (the whole arrangement each time).
public struct MeetingDetails: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let kind: MeetingKind
    public let title: String
    public let start: Timestamp
    public let timeZone: String
    public let durationMinutes: Int
    public let venue: Venue
    public let host: PartyID?
    public let participants: [MemberID]
    public let agenda: [Reference]
}

public struct JointSummaryRecorded: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let summary: String
}

public struct OutcomeAdded: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let party: PartyID
    public let text: String
}

/// In the recording party's private log; `id` is the minutes' own id, kept across re-recordings.
public struct MinutesRecorded: Hashable, Codable, Sendable {
    public let id: ItemID
    public let meeting: ItemID
    public let meetingReference: Reference
    public let body: String
}

public struct ContactRecorded: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let kind: ContactKind
    public let participants: [MemberID]
    public let initiatedBy: PartyID
    public let at: Timestamp
    public let durationMinutes: Int?
    public let summary: String
}

public struct CommitmentRecorded: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let text: String
    public let owner: CommitmentOwner
    public let source: Reference?
    public let due: CalendarDay?
}

public struct ReadoutPublished: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let party: PartyID
    public let event: Reference
    public let body: String
}

/// In the writing party's private log; the reference is in that party's own sequence.
public struct NoteWritten: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let attachedTo: Reference?
    /// Absent unless the note is about one clause of the text it is attached to.
    public let clause: ClauseID?
    public let body: String
}

public struct NoteEdited: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let body: String
}
