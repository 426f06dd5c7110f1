// ParleyWeb over ParleyStore: page sessions in the database, so every `parley serve` instance
// sharing it knows them (DESIGN.md "Stores"). Not record content: never in a log.

public import Foundation
public import ParleyCore
public import ParleyStore

/// `SessionStore` backed by the store.
public struct StoreSessionStore: SessionStore {
    let store: Store

    public init(store: Store) { self.store = store }

    public func save(_ session: SessionRecord) async throws {
        try await store.saveSession(
            StoredSession(
                id: session.id,
                account: session.account,
                csrfToken: session.csrfToken,
                createdAt: session.createdAt,
                lastSeenAt: session.lastSeenAt
            )
        )
    }

    public func session(id: String) async throws -> SessionRecord? {
        try await store.session(id: id).map(SessionRecord.init)
    }

    /// One statement for both when `accounts` reads this same store.
    public func session(id: String, accounts: any AccountDirectory) async throws -> (SessionRecord, Account?)? {
        guard let directory = accounts as? StoreAccountDirectory, directory.store === store else {
            return try await sessionThenAccount(id: id, accounts: accounts)
        }
        guard let (s, account, stamp) = try await store.sessionWithAccount(id: id) else { return nil }
        var record = SessionRecord(s)
        record.readStamp = stamp
        return (record, account)
    }

    public func delete(id: String) async throws { try await store.deleteSession(id: id) }

    public func deleteAll(account: AccountID) async throws { try await store.deleteSessions(account: account) }

    public func deleteExpired(lastSeenBefore idleCutoff: Date, createdBefore createdCutoff: Date) async throws {
        try await store.deleteExpiredSessions(lastSeenBefore: idleCutoff, createdBefore: createdCutoff)
    }
}

extension SessionRecord {
    init(_ s: StoredSession) {
        self.init(
            id: s.id,
            account: s.account,
            csrfToken: s.csrfToken,
            createdAt: s.createdAt,
            lastSeenAt: s.lastSeenAt
        )
    }
}
