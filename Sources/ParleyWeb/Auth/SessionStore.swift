// ParleyWeb: server-side sessions (OWASP Session Management Cheat Sheet). The browser holds only
// an opaque random token; the store holds the SHA-256 of that token, so a copy of the store
// cannot be replayed as a cookie. Expiry rules live in `Sessions`, not in the store.

public import Foundation
public import ParleyCore
public import ParleyStore

/// One signed-in session as the store keeps it.
public struct SessionRecord: Sendable, Hashable {
    /// SHA-256 of the cookie's token, lowercase hex: the store's key.
    public var id: String
    public var account: AccountID
    /// The per-session CSRF token embedded in every form (random, base64url).
    public var csrfToken: String
    public var createdAt: Date
    /// The last time a request used this session (updated at most once a minute).
    public var lastSeenAt: Date
    /// What the store's read that found this record saw, when the store can tell; never saved.
    public var readStamp: ReadStamp?

    public init(id: String, account: AccountID, csrfToken: String, createdAt: Date, lastSeenAt: Date) {
        self.id = id
        self.account = account
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// Where sessions are kept. ParleyStore implements it over the database so that several
/// `parley serve` instances share sessions; `MemorySessionStore` serves one process.
public protocol SessionStore: Sendable {
    /// Insert a new session, or replace the one with the same `id` (used to record `lastSeenAt`).
    func save(_ session: SessionRecord) async throws
    /// The session with this id, or nil. Expired records may still be returned; the caller
    /// checks expiry.
    func session(id: String) async throws -> SessionRecord?
    /// The session with this id and its account as `accounts` has it (nil when gone), or nil.
    /// Every signed-in page request reads both; a default reads them one after the other.
    func session(id: String, accounts: any AccountDirectory) async throws -> (SessionRecord, Account?)?
    /// Remove one session (sign-out). Removing a missing one is not an error.
    func delete(id: String) async throws
    /// Remove every session of an account (account disabled, password changed).
    func deleteAll(account: AccountID) async throws
    /// Remove sessions last seen before `idleCutoff` or created before `createdCutoff`.
    func deleteExpired(lastSeenBefore idleCutoff: Date, createdBefore createdCutoff: Date) async throws
}

extension SessionStore {
    public func session(id: String, accounts: any AccountDirectory) async throws -> (SessionRecord, Account?)? {
        try await sessionThenAccount(id: id, accounts: accounts)
    }

    /// The session, then its account: two reads.
    func sessionThenAccount(id: String, accounts: any AccountDirectory) async throws -> (SessionRecord, Account?)? {
        guard let record = try await session(id: id) else { return nil }
        return (record, try await accounts.account(id: record.account))
    }
}

/// Sessions in this process's memory: lost on restart, not shared between instances.
public actor MemorySessionStore: SessionStore {
    private var records: [String: SessionRecord] = [:]

    public init() {}

    public func save(_ session: SessionRecord) { records[session.id] = session }
    public func session(id: String) -> SessionRecord? { records[id] }
    public func delete(id: String) { records[id] = nil }
    public func deleteAll(account: AccountID) { records = records.filter { $0.value.account != account } }
    public func deleteExpired(lastSeenBefore idleCutoff: Date, createdBefore createdCutoff: Date) {
        records = records.filter { $0.value.lastSeenAt >= idleCutoff && $0.value.createdAt >= createdCutoff }
    }
    /// How many sessions are held (tests).
    public var count: Int { records.count }
}
