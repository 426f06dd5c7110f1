// ParleyWeb over ParleyStore: API tokens (their SHA-256 only) in the database. Not record
// content: never in a log.

public import ParleyCore
public import ParleyStore

/// `TokenStore` backed by the store.
public struct StoreTokenStore: TokenStore {
    let store: Store

    public init(store: Store) { self.store = store }

    public func insert(_ token: APITokenRecord) async throws {
        try await store.insertAPIToken(
            StoredAPIToken(hash: token.hash, account: token.account, label: token.label, createdAt: token.createdAt)
        )
    }

    public func token(hash: String) async throws -> APITokenRecord? {
        guard let t = try await store.apiToken(hash: hash) else { return nil }
        return APITokenRecord(hash: t.hash, account: t.account, label: t.label, createdAt: t.createdAt)
    }

    /// One statement for both when `accounts` reads this same store.
    public func token(hash: String, accounts: any AccountDirectory) async throws -> (APITokenRecord, Account?)? {
        guard let directory = accounts as? StoreAccountDirectory, directory.store === store else {
            guard let record = try await token(hash: hash) else { return nil }
            return (record, try await accounts.account(id: record.account))
        }
        guard let (t, account) = try await store.apiTokenWithAccount(hash: hash) else { return nil }
        return (APITokenRecord(hash: t.hash, account: t.account, label: t.label, createdAt: t.createdAt), account)
    }

    public func tokens(account: AccountID) async throws -> [APITokenRecord] {
        try await store.apiTokens(account: account).map {
            APITokenRecord(hash: $0.hash, account: $0.account, label: $0.label, createdAt: $0.createdAt)
        }
    }

    public func delete(hash: String) async throws { try await store.deleteAPIToken(hash: hash) }
}
