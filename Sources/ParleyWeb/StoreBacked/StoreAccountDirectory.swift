// ParleyWeb over ParleyStore: accounts for sign-in. Party accounts are projections of the record
// (`account.created` entries); operators live in the store's own table; password hashes in its
// credentials table — neither in any log.

public import ParleyCore
public import ParleyStore

/// `AccountDirectory` backed by the store.
public struct StoreAccountDirectory: AccountDirectory {
    let store: Store

    public init(store: Store) { self.store = store }

    public func credentials(username: String) async throws -> AccountCredentials? {
        guard let account = try await accountNamed(username),
            let credential = try await store.credential(for: account.id)
        else { return nil }
        return AccountCredentials(account: account, passwordHash: credential.passwordHash)
    }

    public func account(id: AccountID) async throws -> Account? {
        if let account = try await store.account(id) { return account }
        return try await store.operatorAccount(id)
    }

    public func setPasswordHash(_ hash: String, for account: AccountID) async throws {
        try await store.setCredential(hash, for: account)
    }

    private func accountNamed(_ username: String) async throws -> Account? {
        if let account = try await store.account(username: username) { return account }
        return try await store.operatorAccount(username: username)
    }
}
