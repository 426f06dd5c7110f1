// Commands: standing structure (operator, leads). One value per action a person can take (DESIGN.md "Who uses
// it"). Ids of new things are not in commands: decide asks the caller's `newID` for them.
// Generated with Command.swift from one table of names and fields; keep that shape.

/// Operator: open a new mechanism.
public struct CreateMechanism: Hashable, Codable, Sendable {
    public var title: String
    public var contactCadenceDays: Int?

    public init(title: String, contactCadenceDays: Int? = nil) {
        self.title = title
        self.contactCadenceDays = contactCadenceDays
    }
}

/// Operator: add a side, or a facilitator (`kind: .facilitator`).
public struct AddParty: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var name: String
    public var country: String?
    public var languages: [String]
    public var kind: PartyKind

    public init(
        mechanism: MechanismID,
        name: String,
        country: String? = nil,
        languages: [String],
        kind: PartyKind = .side
    ) {
        self.mechanism = mechanism
        self.name = name
        self.country = country
        self.languages = languages
        self.kind = kind
    }
}

/// Operator: add a workstream.
public struct AddTrack: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var title: String

    public init(mechanism: MechanismID, title: String) {
        self.mechanism = mechanism
        self.title = title
    }
}

/// A side's lead: name its co-chair of a track (replaces the previous one).
public struct SetCoChair: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var track: TrackID
    public var member: MemberID

    public init(mechanism: MechanismID, track: TrackID, member: MemberID) {
        self.mechanism = mechanism
        self.track = track
        self.member = member
    }
}

/// A lead: add a member to the lead's own party's delegation.
public struct AddMember: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var name: String
    public var title: String
    public var role: DelegationRole

    public init(mechanism: MechanismID, name: String, title: String, role: DelegationRole) {
        self.mechanism = mechanism
        self.name = name
        self.title = title
        self.role = role
    }
}

/// A lead: correct a member of the lead's own party.
public struct UpdateMember: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var member: MemberID
    public var name: String
    public var title: String
    public var role: DelegationRole

    public init(mechanism: MechanismID, member: MemberID, name: String, title: String, role: DelegationRole) {
        self.mechanism = mechanism
        self.member = member
        self.name = name
        self.title = title
        self.role = role
    }
}

/// A lead: form a team of the lead's own party's members for a track.
public struct FormTeam: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var track: TrackID
    public var name: String
    public var members: [MemberID]

    public init(mechanism: MechanismID, track: TrackID, name: String, members: [MemberID]) {
        self.mechanism = mechanism
        self.track = track
        self.name = name
        self.members = members
    }
}

/// The operator, or the party's lead: open an account of a party.
public struct CreateAccount: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var party: PartyID
    public var username: String
    public var role: Role
    public var member: MemberID?

    public init(mechanism: MechanismID, party: PartyID, username: String, role: Role, member: MemberID? = nil) {
        self.mechanism = mechanism
        self.party = party
        self.username = username
        self.role = role
        self.member = member
    }
}

/// The operator, or the party's lead: change an account's role.
public struct ChangeAccountRole: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var account: AccountID
    public var role: Role

    public init(mechanism: MechanismID, account: AccountID, role: Role) {
        self.mechanism = mechanism
        self.account = account
        self.role = role
    }
}

/// The operator, or the party's lead: close an account for good.
public struct DeactivateAccount: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var account: AccountID

    public init(mechanism: MechanismID, account: AccountID) {
        self.mechanism = mechanism
        self.account = account
    }
}
