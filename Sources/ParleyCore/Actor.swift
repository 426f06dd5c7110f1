// Who acts (DESIGN.md "Access rules"): an account of a party with a role, or the operator.
// The same value is recorded in every entry as `"actor": {account, party, role}`.

/// An account's role. `operator` belongs to no party and reads no content.
public enum Role: String, Codable, Sendable, CaseIterable {
    case lead
    case negotiator
    case observer
    case `operator`

    /// Roles an account of a party may hold (the operator is not a party role).
    public static let partyRoles: [Role] = [.lead, .negotiator, .observer]
}

/// The acting account, as recorded with each entry.
public struct Actor: Hashable, Codable, Sendable {
    /// Nil only for entries made by the system itself (none yet) — the operator has an account.
    public var account: AccountID?
    /// Nil for the operator.
    public var party: PartyID?
    public var role: Role

    public init(account: AccountID?, party: PartyID?, role: Role) {
        self.account = account
        self.party = party
        self.role = role
    }

    /// The operator acting through `account`.
    public static func `operator`(_ account: AccountID) -> Actor {
        Actor(account: account, party: nil, role: .operator)
    }

    public var isOperator: Bool { role == .operator }
}

/// Whether a party is a side (holds agreement state) or a facilitator (never confirms anything).
public enum PartyKind: String, Codable, Sendable, CaseIterable {
    case side
    case facilitator
}

/// A member's place in the delegation.
public enum DelegationRole: String, Codable, Sendable, CaseIterable {
    case head
    case deputy
    case member
    case expert
}
