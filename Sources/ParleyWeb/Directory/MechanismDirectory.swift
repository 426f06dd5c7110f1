// ParleyWeb: what the web layer reads about mechanisms. Implementations decide visibility with
// ParleyCore's policy (DESIGN.md "Access rules": the decision is made in one place) and answer
// nil for a mechanism that does not exist and for one the account may not see alike.

public import ParleyCore

/// One mechanism as lists show it.
public struct MechanismSummary: Sendable, Hashable, Codable {
    public var id: MechanismID
    public var title: String
    /// The sides' names, in the order they joined.
    public var sides: [String]
    /// The facilitators' names.
    public var facilitators: [String]

    public init(id: MechanismID, title: String, sides: [String], facilitators: [String]) {
        self.id = id
        self.title = title
        self.sides = sides
        self.facilitators = facilitators
    }
}

/// Mechanisms as one account may see them.
public protocol MechanismDirectory: Sendable {
    /// The mechanisms `account` may see, in the order to list them.
    func mechanisms(visibleTo account: Account) async throws -> [MechanismSummary]
    /// One mechanism, or nil when it does not exist or `account` may not see it.
    func mechanism(_ id: MechanismID, visibleTo account: Account) async throws -> MechanismSummary?
}
