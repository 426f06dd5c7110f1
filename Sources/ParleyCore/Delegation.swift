// A party's people and logins (DESIGN.md "Who uses it"): members, teams and accounts.
// Accounts carry no password material: credentials are the web layer's business.

/// A person in a party's delegation.
public struct Member: Hashable, Codable, Sendable {
    public var id: MemberID
    public var party: PartyID
    public var name: String
    /// Their office, e.g. "Secretary of State".
    public var title: String
    public var role: DelegationRole

    public init(id: MemberID, party: PartyID, name: String, title: String, role: DelegationRole) {
        self.id = id
        self.party = party
        self.name = name
        self.title = title
        self.role = role
    }
}

/// A named group of one party's members for one track ("high-level team").
public struct Team: Hashable, Codable, Sendable {
    public var id: TeamID
    public var party: PartyID
    public var track: TrackID
    public var name: String
    public var members: [MemberID]

    public init(id: TeamID, party: PartyID, track: TrackID, name: String, members: [MemberID]) {
        self.id = id
        self.party = party
        self.track = track
        self.name = name
        self.members = members
    }
}

/// A login of a party (or of the operator, when `party` is nil).
public struct Account: Hashable, Codable, Sendable {
    public var id: AccountID
    public var username: String
    public var party: PartyID?
    public var role: Role
    /// The delegation member who holds this account, if any.
    public var member: MemberID?
    public var active: Bool

    public init(id: AccountID, username: String, party: PartyID?, role: Role, member: MemberID?, active: Bool = true) {
        self.id = id
        self.username = username
        self.party = party
        self.role = role
        self.member = member
        self.active = active
    }

    /// The actor this account acts as.
    public var actor: Actor { Actor(account: id, party: party, role: role) }
}
