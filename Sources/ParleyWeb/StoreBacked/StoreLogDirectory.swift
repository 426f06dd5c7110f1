// ParleyWeb over ParleyStore: the log API's reads. Whether an account may read a log is
// `ReadScope.includes` of ParleyCore's policy (DESIGN.md "Access rules"): the shared log of its
// party's mechanism and its own party's private log, nothing else — the operator nothing.

public import ParleyCore
import ParleyRecord
public import ParleyStore

/// `LogDirectory` backed by the store.
public struct StoreLogDirectory: LogDirectory {
    let store: Store

    public init(store: Store) { self.store = store }

    public func verifierKey() async throws -> String { store.serverKey.description }

    public func size(of log: LogID, visibleTo account: Account) async throws -> Int64? {
        guard try await visible(log, account) else { return nil }
        return try await store.logSize(log.description)
    }

    public func checkpoint(of log: LogID, visibleTo account: Account) async throws -> String? {
        guard try await visible(log, account) else { return nil }
        return try await store.latestCheckpoint(log.description)
    }

    public func entries(of log: LogID, start: Int64, end: Int64, visibleTo account: Account) async throws
        -> [LogEntryBytes]?
    {
        guard try await visible(log, account) else { return nil }
        return try await store.entries(log.description, start: start, end: end)
            .map { LogEntryBytes(index: $0.index, bytes: $0.bytes) }
    }

    public func inclusionProof(of log: LogID, index: Int64, size: Int64, visibleTo account: Account) async throws
        -> [[UInt8]]?
    {
        guard try await visible(log, account) else { return nil }
        return try await store.inclusionProof(log.description, index: index, size: size).map(\.bytes)
    }

    public func consistencyProof(of log: LogID, from: Int64, to: Int64, visibleTo account: Account) async throws
        -> [[UInt8]]?
    {
        guard try await visible(log, account) else { return nil }
        return try await store.consistencyProof(log.description, from: from, to: to).map(\.bytes)
    }

    private func visible(_ log: LogID, _ account: Account) async throws -> Bool {
        guard account.active else { return false }
        return try await store.readScope(for: account.actor).includes(log)
    }
}
