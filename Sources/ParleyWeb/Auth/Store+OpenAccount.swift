// ParleyWeb over ParleyStore: opening a party's account with a password, the one path that
// `parley account create`, the operator's page and a lead's delegation page share. ParleyCore
// decides who may (the operator, or the party's own lead) through `Store.execute`; the password
// hash is kept outside every log (ParleyStore's credentials table).

public import ParleyCore
public import ParleyStore

extension Store {
    /// Opens the account `command` describes, acting as `actor`, with `password` as its password.
    ///
    /// The password is hashed before anything is appended, so a refusal (ParleyCore's `Refusal`,
    /// thrown as it is) or a hashing failure leaves the record unchanged.
    /// - Returns: the new account's id.
    public func openAccount(
        _ command: CreateAccount,
        by actor: Actor,
        password: String,
        hasher: PasswordHasher
    ) async throws -> AccountID {
        let hash = try await hasher.hash(password)
        let result = try await execute(.createAccount(command), by: actor)
        for entry in result.entries {
            if case .accountCreated(let created) = entry.data {
                try await setCredential(hash, for: created.id)
                return created.id
            }
        }
        throw StoreError.database(
            "the account \(command.username) was decided but no account.created entry was appended"
        )
    }
}
