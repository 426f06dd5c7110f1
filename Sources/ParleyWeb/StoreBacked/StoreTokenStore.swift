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
        try await store.apiToken(hash: hash).map(APITokenRecord.init)
    }

    /// One statement for both when `accounts` reads this same store.
    public func token(hash: String, accounts: any AccountDirectory) async throws -> (APITokenRecord, Account?)? {
        guard let directory = accounts as? StoreAccountDirectory, directory.store === store else {
            return try await tokenThenAccount(hash: hash, accounts: accounts)
        }
        guard let (t, account, stamp) = try await store.apiTokenWithAccount(hash: hash) else { return nil }
        var record = APITokenRecord(t)
        record.readStamp = stamp
        return (record, account)
    }

    public func tokens(account: AccountID) async throws -> [APITokenRecord] {
        try await store.apiTokens(account: account).map(APITokenRecord.init)
    }

    public func delete(hash: String) async throws { try await store.deleteAPIToken(hash: hash) }
}

extension APITokenRecord {
    init(_ t: StoredAPIToken) {
        self.init(hash: t.hash, account: t.account, label: t.label, createdAt: t.createdAt)
    }
}
