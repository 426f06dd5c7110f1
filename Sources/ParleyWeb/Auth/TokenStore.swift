// ParleyWeb: API bearer tokens (RFC 6750) for scripts. A token is shown once, when it is made;
// the store keeps only its SHA-256, so a copy of the store yields no usable token.

public import Foundation
public import ParleyCore
public import ParleyStore

/// One API token as the store keeps it.
public struct APITokenRecord: Sendable, Hashable {
    /// SHA-256 of the token, lowercase hex: the store's key.
    public var hash: String
    public var account: AccountID
    /// What the token is for, as its owner named it (e.g. "nightly mirror").
    public var label: String
    public var createdAt: Date
    /// What the store's read that found this record saw, when the store can tell; never saved.
    public var readStamp: ReadStamp?

    public init(hash: String, account: AccountID, label: String, createdAt: Date) {
        self.hash = hash
        self.account = account
        self.label = label
        self.createdAt = createdAt
    }
}

/// Where API tokens are kept.
public protocol TokenStore: Sendable {
    /// Keep a new token.
    func insert(_ token: APITokenRecord) async throws
    /// The token with this hash, or nil.
    func token(hash: String) async throws -> APITokenRecord?
    /// The token with this hash and its account as `accounts` has it (nil when gone), or nil.
    /// Every API request reads both; a default reads them one after the other.
    func token(hash: String, accounts: any AccountDirectory) async throws -> (APITokenRecord, Account?)?
    /// Every token of `account`, newest first.
    func tokens(account: AccountID) async throws -> [APITokenRecord]
    /// Revoke one token. Revoking a missing one is not an error.
    func delete(hash: String) async throws
}

extension TokenStore {
    public func token(hash: String, accounts: any AccountDirectory) async throws -> (APITokenRecord, Account?)? {
        try await tokenThenAccount(hash: hash, accounts: accounts)
    }

    /// The token, then its account: two reads.
    func tokenThenAccount(hash: String, accounts: any AccountDirectory) async throws -> (APITokenRecord, Account?)? {
        guard let record = try await token(hash: hash) else { return nil }
        return (record, try await accounts.account(id: record.account))
    }
}

/// Issues and resolves API tokens over any `TokenStore`.
struct APITokens: Sendable {
    let store: any TokenStore
    let clock: any WebClock

    /// Tokens carry a prefix so that a leaked one is recognisable (secret scanners, logs).
    static let prefix = "parley_"

    /// Make a token for `account`; the returned text is the only copy there will ever be.
    func issue(for account: AccountID, label: String) async throws -> String {
        let token = Self.prefix + SecureBytes.token()
        try await store.insert(
            APITokenRecord(hash: SecureBytes.sha256Hex(token), account: account, label: label, createdAt: clock.now())
        )
        return token
    }

    /// The presented token's record and its account as `accounts` has it (nil when the account
    /// is gone), or nil for no such token.
    func lookup(_ token: String, in accounts: any AccountDirectory) async throws -> (APITokenRecord, Account?)? {
        guard token.hasPrefix(Self.prefix), token.utf8.count == Self.prefix.utf8.count + 43 else { return nil }
        return try await store.token(hash: SecureBytes.sha256Hex(token), accounts: accounts)
    }
}
