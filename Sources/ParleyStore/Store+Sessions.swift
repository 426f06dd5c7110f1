// Page sessions and API tokens, kept in the database so that several `parley serve` instances
// share them (DESIGN.md "Stores"). Never in a log: they are not record content. The caller
// hashes the secrets; the store keeps the hashes it is given.
public import Foundation
public import ParleyCore
import SQLKit

/// A page session as the store keeps it.
public struct StoredSession: Sendable, Hashable {
    /// SHA-256 of the cookie's token, hex.
    public let id: String
    public let account: AccountID
    public let csrfToken: String
    public let createdAt: Date
    public let lastSeenAt: Date

    public init(id: String, account: AccountID, csrfToken: String, createdAt: Date, lastSeenAt: Date) {
        self.id = id
        self.account = account
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// An API token as the store keeps it.
public struct StoredAPIToken: Sendable, Hashable {
    /// SHA-256 of the token, hex.
    public let hash: String
    public let account: AccountID
    public let label: String
    public let createdAt: Date

    public init(hash: String, account: AccountID, label: String, createdAt: Date) {
        self.hash = hash
        self.account = account
        self.label = label
        self.createdAt = createdAt
    }
}

extension Store {
    // MARK: Sessions

    /// Inserts a session, or replaces the one with the same id.
    public func saveSession(_ session: StoredSession) async throws {
        try await write { writer in
            try await writer.db.insert(into: "sessions")
                .columns("id", "account_id", "csrf_token", "created_ms", "last_seen_ms")
                .values(
                    SQLBind(session.id),
                    SQLBind(session.account.rawValue),
                    SQLBind(session.csrfToken),
                    SQLBind(Self.millis(session.createdAt)),
                    SQLBind(Self.millis(session.lastSeenAt))
                )
                .onConflict(with: ["id"]) {
                    $0.set(excludedValueOf: "account_id").set(excludedValueOf: "csrf_token")
                        .set(excludedValueOf: "created_ms").set(excludedValueOf: "last_seen_ms")
                }
                .run()
        }
    }

    /// The session with this id, or nil.
    public func session(id: String) async throws -> StoredSession? {
        guard
            let row = try await read({ db in
                try await db.raw(
                    "SELECT account_id, csrf_token, created_ms, last_seen_ms FROM sessions WHERE id = \(bind: id)"
                ).first()
            })
        else { return nil }
        return StoredSession(
            id: id,
            account: AccountID(try row.decode(column: "account_id", as: String.self)),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: Self.date(try row.decode(column: "created_ms", as: Int64.self)),
            lastSeenAt: Self.date(try row.decode(column: "last_seen_ms", as: Int64.self))
        )
    }

    /// Removes one session; a missing one is not an error.
    public func deleteSession(id: String) async throws {
        try await write { writer in try await writer.db.raw("DELETE FROM sessions WHERE id = \(bind: id)").run() }
    }

    /// Removes every session of an account.
    public func deleteSessions(account: AccountID) async throws {
        try await write { writer in
            try await writer.db.raw("DELETE FROM sessions WHERE account_id = \(bind: account.rawValue)").run()
        }
    }

    /// Removes sessions last seen before `idleCutoff` or created before `createdCutoff`.
    public func deleteExpiredSessions(lastSeenBefore idleCutoff: Date, createdBefore createdCutoff: Date) async throws {
        try await write { writer in
            try await writer.db.raw(
                "DELETE FROM sessions WHERE last_seen_ms < \(bind: Self.millis(idleCutoff)) OR created_ms < \(bind: Self.millis(createdCutoff))"
            ).run()
        }
    }

    // MARK: API tokens

    /// Keeps a new API token (its hash).
    public func insertAPIToken(_ token: StoredAPIToken) async throws {
        try await write { writer in
            try await writer.db.insert(into: "api_tokens")
                .columns("hash", "account_id", "label", "created_ms")
                .values(
                    SQLBind(token.hash),
                    SQLBind(token.account.rawValue),
                    SQLBind(token.label),
                    SQLBind(Self.millis(token.createdAt))
                )
                .run()
        }
    }

    /// The token with this hash, or nil.
    public func apiToken(hash: String) async throws -> StoredAPIToken? {
        guard
            let row = try await read({ db in
                try await db.raw("SELECT account_id, label, created_ms FROM api_tokens WHERE hash = \(bind: hash)")
                    .first()
            })
        else { return nil }
        return StoredAPIToken(
            hash: hash,
            account: AccountID(try row.decode(column: "account_id", as: String.self)),
            label: try row.decode(column: "label", as: String.self),
            createdAt: Self.date(try row.decode(column: "created_ms", as: Int64.self))
        )
    }

    /// Every token of `account`, newest first (for its owner's account page).
    public func apiTokens(account: AccountID) async throws -> [StoredAPIToken] {
        try await read { db in
            try await db.raw(
                "SELECT hash, label, created_ms FROM api_tokens WHERE account_id = \(bind: account.rawValue) ORDER BY created_ms DESC, hash"
            ).all()
        }.map { row in
            StoredAPIToken(
                hash: try row.decode(column: "hash", as: String.self),
                account: account,
                label: try row.decode(column: "label", as: String.self),
                createdAt: Self.date(try row.decode(column: "created_ms", as: Int64.self))
            )
        }
    }

    /// Revokes one token; a missing one is not an error.
    public func deleteAPIToken(hash: String) async throws {
        try await write { writer in try await writer.db.raw("DELETE FROM api_tokens WHERE hash = \(bind: hash)").run() }
    }

    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}
