// Commands: commitments and readouts. One value per action a person can take (DESIGN.md "Who uses
// it"). Ids of new things are not in commands: decide asks the caller's `newID` for them.
// Generated with Command.swift from one table of names and fields; keep that shape.

/// A side: record what a side (or all sides) undertook.
public struct RecordCommitment: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: String
    public var owner: CommitmentOwner
    public var source: Reference?
    public var due: CalendarDay?

    public init(
        mechanism: MechanismID,
        text: String,
        owner: CommitmentOwner,
        source: Reference? = nil,
        due: CalendarDay? = nil
    ) {
        self.mechanism = mechanism
        self.text = text
        self.owner = owner
        self.source = source
        self.due = due
    }
}

/// A side's lead: confirm for that side that another's commitment is fulfilled.
public struct ConfirmFulfilment: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var commitment: ItemID

    public init(mechanism: MechanismID, commitment: ItemID) {
        self.mechanism = mechanism
        self.commitment = commitment
    }
}

/// Any side's lead, after the due date: mark an open commitment lapsed.
public struct MarkLapsed: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var commitment: ItemID
    public var reason: String?

    public init(mechanism: MechanismID, commitment: ItemID, reason: String? = nil) {
        self.mechanism = mechanism
        self.commitment = commitment
        self.reason = reason
    }
}

/// A side: publish its readout of a meeting or contact.
public struct PublishReadout: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var event: Reference
    public var body: String

    public init(mechanism: MechanismID, event: Reference, body: String) {
        self.mechanism = mechanism
        self.event = event
        self.body = body
    }
}
