// ParleyWeb: how the web layer finds accounts and their password hashes. ParleyCore's `Account`
// carries no password material; the hash lives beside it in the store and only here is it read.

public import ParleyCore

/// An account with the hash of its password (made by `PasswordHasher.hash`).
public struct AccountCredentials: Sendable, Hashable {
    public var account: Account
    /// A bcrypt hash (`$2b$…`) of the HMAC-pre-hashed password.
    public var passwordHash: String

    public init(account: Account, passwordHash: String) {
        self.account = account
        self.passwordHash = passwordHash
    }
}

/// Read access to accounts for sign-in and for every authenticated request.
public protocol AccountDirectory: Sendable {
    /// The account whose username is `username` (exact, case-sensitive match), with its password
    /// hash; nil when there is none.
    func credentials(username: String) async throws -> AccountCredentials?
    /// The account with this id, or nil. Read on every request, so a disabled account or a
    /// changed role takes effect at once.
    func account(id: AccountID) async throws -> Account?
    /// Replace the password hash of the account with this id (change of password).
    func setPasswordHash(_ hash: String, for account: AccountID) async throws
}
