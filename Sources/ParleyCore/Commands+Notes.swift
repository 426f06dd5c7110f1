// Commands: private notes. One value per action a person can take (DESIGN.md "Who uses
// it"). Ids of new things are not in commands: decide asks the caller's `newID` for them.
// Generated with Command.swift from one table of names and fields; keep that shape.

/// Any party: write a private note, alone or about a shared item.
public struct WriteNote: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var attachedTo: Reference?
    /// One clause of the text `attachedTo` names.
    public var clause: ClauseID?
    public var body: String

    public init(mechanism: MechanismID, attachedTo: Reference? = nil, clause: ClauseID? = nil, body: String) {
        self.mechanism = mechanism
        self.attachedTo = attachedTo
        self.clause = clause
        self.body = body
    }
}

/// The note's party: replace a note's body.
public struct EditNote: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var note: ItemID
    public var body: String

    public init(mechanism: MechanismID, note: ItemID, body: String) {
        self.mechanism = mechanism
        self.note = note
        self.body = body
    }
}

/// The note's party: delete a note (the record keeps it; pages no longer show it).
public struct DeleteNote: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var note: ItemID

    public init(mechanism: MechanismID, note: ItemID) {
        self.mechanism = mechanism
        self.note = note
    }
}
