// Entry payloads for the standing structure: mechanism, parties, tracks, members, teams, accounts.
// Each carries everything a replay needs (ids chosen by the caller, never derived at replay).

public struct MechanismCreated: Hashable, Codable, Sendable {
    public let id: MechanismID
    public let title: String
    public let contactCadenceDays: Int?
}

public struct PartyAdded: Hashable, Codable, Sendable {
    public let id: PartyID
    public let name: String
    public let country: CountryCode?
    public let languages: [LanguageTag]
    public let kind: PartyKind
}

public struct TrackAdded: Hashable, Codable, Sendable {
    public let id: TrackID
    public let title: String
}

public struct CoChairSet: Hashable, Codable, Sendable {
    public let track: TrackID
    public let party: PartyID
    public let member: MemberID
}

/// Used by `member.added` and `member.updated` (the whole member each time).
public struct MemberDetails: Hashable, Codable, Sendable {
    public let id: MemberID
    public let party: PartyID
    public let name: String
    public let title: String
    public let role: DelegationRole
}

public struct TeamFormed: Hashable, Codable, Sendable {
    public let id: TeamID
    public let party: PartyID
    public let track: TrackID
    public let name: String
    public let members: [MemberID]
}

public struct AccountCreated: Hashable, Codable, Sendable {
    public let id: AccountID
    public let username: String
    public let party: PartyID
    public let role: Role
    public let member: MemberID?
}

public struct AccountRoleChanged: Hashable, Codable, Sendable {
    public let id: AccountID
    public let role: Role
}

public struct AccountDeactivated: Hashable, Codable, Sendable {
    public let id: AccountID
}
