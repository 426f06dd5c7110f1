// Commands: irritants and steps. One value per action a person can take (DESIGN.md "Who uses
// it"). Ids of new things are not in commands: decide asks the caller's `newID` for them.
// Generated with Command.swift from one table of names and fields; keep that shape.

/// A side: raise an irritant.
public struct RaiseIrritant: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var title: String
    public var description: String
    public var track: TrackID?

    public init(mechanism: MechanismID, title: String, description: String, track: TrackID? = nil) {
        self.mechanism = mechanism
        self.title = title
        self.description = description
        self.track = track
    }
}

/// A side other than the raiser: acknowledge it.
public struct AcknowledgeIrritant: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var irritant: ItemID

    public init(mechanism: MechanismID, irritant: ItemID) {
        self.mechanism = mechanism
        self.irritant = irritant
    }
}

/// A side: move an acknowledged irritant into discussion.
public struct StartDiscussion: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var irritant: ItemID

    public init(mechanism: MechanismID, irritant: ItemID) {
        self.mechanism = mechanism
        self.irritant = irritant
    }
}

/// A side's lead: confirm for that side that the irritant is resolved.
public struct ConfirmResolution: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var irritant: ItemID

    public init(mechanism: MechanismID, irritant: ItemID) {
        self.mechanism = mechanism
        self.irritant = irritant
    }
}

/// A side's lead: take back that side's confirmation before resolution.
public struct WithdrawConfirmation: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var irritant: ItemID

    public init(mechanism: MechanismID, irritant: ItemID) {
        self.mechanism = mechanism
        self.irritant = irritant
    }
}

/// A side: set an irritant aside.
public struct ParkIrritant: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var irritant: ItemID
    public var reason: String?

    public init(mechanism: MechanismID, irritant: ItemID, reason: String? = nil) {
        self.mechanism = mechanism
        self.irritant = irritant
        self.reason = reason
    }
}

/// A side: bring a parked or resolved irritant back into discussion.
public struct ReopenIrritant: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var irritant: ItemID
    public var reason: String?

    public init(mechanism: MechanismID, irritant: ItemID, reason: String? = nil) {
        self.mechanism = mechanism
        self.irritant = irritant
        self.reason = reason
    }
}

/// The raising side: withdraw its irritant.
public struct WithdrawIrritant: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var irritant: ItemID
    public var reason: String?

    public init(mechanism: MechanismID, irritant: ItemID, reason: String? = nil) {
        self.mechanism = mechanism
        self.irritant = irritant
        self.reason = reason
    }
}

/// A side: add a step towards resolving an irritant.
public struct AddStep: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var irritant: ItemID
    public var owner: PartyID
    public var description: String
    public var due: CalendarDay?

    public init(mechanism: MechanismID, irritant: ItemID, owner: PartyID, description: String, due: CalendarDay? = nil)
    {
        self.mechanism = mechanism
        self.irritant = irritant
        self.owner = owner
        self.description = description
        self.due = due
    }
}

/// A side: change a step; only its owner changes its status.
public struct UpdateStep: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var step: ItemID
    public var description: String
    public var due: CalendarDay?
    public var status: StepStatus

    public init(mechanism: MechanismID, step: ItemID, description: String, due: CalendarDay? = nil, status: StepStatus)
    {
        self.mechanism = mechanism
        self.step = step
        self.description = description
        self.due = due
        self.status = status
    }
}
