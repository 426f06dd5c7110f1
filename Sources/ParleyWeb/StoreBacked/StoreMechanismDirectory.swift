// ParleyWeb over ParleyStore: mechanisms as an account may see them. Visibility is ParleyCore's
// `Policy.readScope` (through `Store.readScope`), so a mechanism of another party's and one that
// does not exist are both nil (DESIGN.md "Access rules"); the operator reads no content and sees
// none here.

public import ParleyCore
public import ParleyStore

/// `MechanismDirectory` backed by the store.
public struct StoreMechanismDirectory: MechanismDirectory {
    let store: Store

    public init(store: Store) { self.store = store }

    public func mechanisms(visibleTo account: Account) async throws -> [MechanismSummary] {
        let scope = try await store.readScope(for: account.actor)
        var summaries: [MechanismSummary] = []
        for id in scope.mechanisms {
            if let summary = try await summary(id, scope: scope) { summaries.append(summary) }
        }
        return summaries
    }

    public func mechanism(_ id: MechanismID, visibleTo account: Account) async throws -> MechanismSummary? {
        let scope = try await store.readScope(for: account.actor)
        guard scope.mechanisms.contains(id) else { return nil }
        return try await summary(id, scope: scope)
    }

    private func summary(_ id: MechanismID, scope: ReadScope) async throws -> MechanismSummary? {
        guard let structure = try await store.structure(of: id, in: scope) else { return nil }
        return MechanismSummary(
            id: structure.mechanism.id,
            title: structure.mechanism.title,
            sides: structure.parties.filter { $0.kind == .side }.map(\.name),
            facilitators: structure.parties.filter { $0.kind == .facilitator }.map(\.name)
        )
    }
}
