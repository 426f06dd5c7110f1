// The access policy, in one place (DESIGN.md "Access rules", deny by default). decide asks it
// before every change; read paths ask it (or use its ReadScope) before every read.
//
// Order of answers: first whether the actor may know the target exists at all (`.notVisible`,
// answered exactly as for a missing item), then whether its role and kind of party allow the act.

/// What an actor wants to do.
public enum Action: Hashable, Sendable, CaseIterable {
    /// Read a shared or private record.
    case read
    /// Change the shared record as a side: irritants, steps, outcomes, summaries, commitments, readouts.
    case writeShared
    /// Schedule meetings and record contacts: sides and facilitators alike.
    case arrange
    /// Change the actor's own party's private record: notes, minutes.
    case writePrivate
    /// Confirm a resolution or fulfilment, or mark a lapse, for the actor's side.
    case confirmForSide
    /// Manage the actor's own party's members, teams, co-chairs and accounts.
    case manageDelegation
    /// Create mechanisms, parties, tracks and accounts: the operator's work.
    case administer
    /// Comment on a clause of a shared text: sides and facilitators alike.
    case comment
    /// Set the actor's side's own status on a clause of a text: a side's negotiators and lead.
    case holdAgreement
    /// Adopt or sign a text for the actor's side: that side's lead.
    case adoptForSide
}

/// What the action is done to.
public enum Target: Sendable {
    /// Nothing yet exists: creating a mechanism.
    case server
    /// A mechanism's shared log, or one party's private log in it.
    case record(Mechanism, LogID)
    /// One party's delegation (members, teams, accounts) in a mechanism.
    case delegation(Mechanism, PartyID)
}

/// The policy's answer.
public enum Access: Hashable, Sendable {
    case allowed
    case refused(String)
    /// Answer as for something that does not exist.
    case notVisible
}

/// The one access policy.
public enum Policy {
    public static func check(_ action: Action, by actor: Actor, on target: Target) -> Access {
        if actor.isOperator { return operatorAccess(action, target) }
        guard action != .administer else {
            return .refused("Only the operator creates mechanisms, parties and tracks")
        }
        // DESIGN.md: an account sees the shared record of its party's mechanisms and its own
        // party's private record. Nothing else.
        guard case let (mechanism, concerned)? = target.mechanismAndParty, let party = actor.party,
            let kind = mechanism.kind(of: party)
        else { return .notVisible }
        if case .record(let m, let log) = target, log.mechanism != m.id || (log.owner.map { $0 != party } ?? false) {
            return .notVisible
        }

        if action == .read { return .allowed }
        guard actor.role != .observer else { return .refused("Observers can read but not change the record") }
        switch action {
        case .read, .administer:
            return .allowed  // handled above
        case .writeShared:
            return kind == .side
                ? .allowed
                : .refused("Facilitators schedule meetings and record contacts; the sides keep the rest of the record")
        case .arrange, .writePrivate, .comment:
            return .allowed
        case .holdAgreement:
            return kind == .side ? .allowed : .refused("Facilitators hold no agreement state on texts")
        case .adoptForSide:
            guard kind == .side else { return .refused("Facilitators hold no agreement state on texts") }
            return actor.role == .lead ? .allowed : .refused("Only your side's lead can adopt and sign texts")
        case .confirmForSide:
            guard kind == .side else { return .refused("Facilitators confirm nothing for a side") }
            return actor.role == .lead ? .allowed : .refused("Only your side's lead can confirm for your side")
        case .manageDelegation:
            guard concerned == party else { return .refused("You can manage only your own party's delegation") }
            return actor.role == .lead ? .allowed : .refused("Only your party's lead can manage its delegation")
        }
    }

    /// Whether `actor` may read an item of `log` in `mechanism`.
    public static func canRead(_ log: LogID, in mechanism: Mechanism, by actor: Actor) -> Bool {
        check(.read, by: actor, on: .record(mechanism, log)) == .allowed
    }

    /// The rows `actor` may read, for the store to turn into a query. `party` is the actor's
    /// party as stored (nil for the operator).
    public static func readScope(for actor: Actor, party: Party?) -> ReadScope {
        guard !actor.isOperator, let party, party.id == actor.party else { return .nothing }
        return ReadScope(mechanisms: [party.mechanism], party: party.id)
    }

    // The operator manages mechanisms, parties and accounts and reads no content.
    private static func operatorAccess(_ action: Action, _ target: Target) -> Access {
        switch action {
        case .administer:
            return .allowed
        case .read, .writePrivate:
            return .notVisible
        case .writeShared, .arrange, .confirmForSide, .manageDelegation, .comment, .holdAgreement, .adoptForSide:
            if case .record(_, let log) = target, log.isPrivate { return .notVisible }
            return .refused("The operator runs the server and takes no part in the consultations")
        }
    }
}

extension Target {
    /// The mechanism and, for a private record or a delegation, the party concerned.
    var mechanismAndParty: (Mechanism, PartyID?)? {
        switch self {
        case .server: return nil
        case .record(let m, let log): return (m, log.owner)
        case .delegation(let m, let party): return (m, party)
        }
    }
}

/// The rows an actor may read: shared rows of `mechanisms` and private rows of `party`.
/// In SQL: `mechanism IN (:mechanisms) AND (owner IS NULL OR owner = :party)`.
public struct ReadScope: Hashable, Sendable {
    public let mechanisms: [MechanismID]
    public let party: PartyID?

    public init(mechanisms: [MechanismID], party: PartyID?) {
        self.mechanisms = mechanisms
        self.party = party
    }

    /// No content at all: the operator's scope, and anyone's whose party is unknown.
    public static let nothing = ReadScope(mechanisms: [], party: nil)

    public func includes(_ log: LogID) -> Bool {
        guard mechanisms.contains(log.mechanism) else { return false }
        guard let owner = log.owner else { return true }
        return owner == party
    }
}
