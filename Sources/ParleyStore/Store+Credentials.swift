// Accounts' password material, kept outside every log (DESIGN.md: logs are mirrored by every
// party; a password hash must never be). The caller hashes; the store keeps the text it is given.
public import Foundation
public import ParleyCore
import SQLKit

/// An account's stored password hash.
public struct Credential: Sendable, Hashable {
    public let account: AccountID
    /// The hash in the caller's own text format (e.g. a bcrypt string).
    public let passwordHash: String
    public let createdAt: Timestamp
    public let updatedAt: Timestamp
}

extension Store {
    /// Sets (or replaces) the password hash of an existing account.
    public func setCredential(_ passwordHash: String, for account: AccountID, now: Date = Date()) async throws {
        let at = Timestamp(now).description
        try await write { writer in
            let isAccount =
                try await writer.db.raw(
                    "SELECT 1 AS found FROM items WHERE kind = 'account' AND id = \(bind: account.rawValue)"
                ).first() != nil
            let isOperator =
                try await writer.db.raw("SELECT 1 AS found FROM operators WHERE id = \(bind: account.rawValue)")
                .first() != nil
            let exists = isAccount || isOperator
            guard exists else { throw StoreError.unknownAccount(account.rawValue) }
            try await writer.db.insert(into: "credentials")
                .columns("account_id", "password_hash", "created_at", "updated_at")
                .values(SQLBind(account.rawValue), SQLBind(passwordHash), SQLBind(at), SQLBind(at))
                .onConflict(with: ["account_id"]) {
                    $0.set(excludedValueOf: "password_hash").set(excludedValueOf: "updated_at")
                }
                .run()
        }
    }

    /// The account's stored password hash, or nil when none was set.
    public func credential(for account: AccountID) async throws -> Credential? {
        guard
            let row = try await read({ db in
                try await db.raw(
                    "SELECT password_hash, created_at, updated_at FROM credentials WHERE account_id = \(bind: account.rawValue)"
                ).first()
            })
        else { return nil }
        let created = try row.decode(column: "created_at", as: String.self)
        let updated = try row.decode(column: "updated_at", as: String.self)
        guard let createdAt = Timestamp(created), let updatedAt = Timestamp(updated) else {
            throw StoreError.database("the credential of \(account) has an unreadable time")
        }
        return Credential(
            account: account,
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            createdAt: createdAt,
            updatedAt: updatedAt
        )
    }
}
