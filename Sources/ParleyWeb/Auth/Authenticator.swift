// ParleyWeb: checking a username and password, for the sign-in page and for API token
// requests alike: throttle first, then the password, with the same work and the same answer
// for an unknown name, a wrong password and a disabled account.

import Foundation
import ParleyCore

/// The outcome of a sign-in attempt.
enum SignInOutcome: Sendable {
    case signedIn(Account)
    /// Username or password wrong, or the account disabled (the person is not told which).
    case rejected
    /// Too many failures: try again after this long.
    case throttled(Duration)
}

struct Authenticator: Sendable {
    let accounts: any AccountDirectory
    let hasher: PasswordHasher
    let throttle: SignInThrottle
    /// A hash no password matches, verified against when the username is unknown.
    let decoyHash: String

    func signIn(username: String, password: String, client: String) async throws -> SignInOutcome {
        let accountKey = ThrottleKey.account(named: username)
        let keys = [accountKey, ThrottleKey.client(client)]
        if let wait = await throttle.wait(for: keys) { return .throttled(wait) }

        let credentials = try await accounts.credentials(username: username)
        let matches = try await hasher.verify(password, against: credentials?.passwordHash ?? decoyHash)
        guard matches, let account = credentials?.account, account.active else {
            await throttle.recordFailure(keys)
            return .rejected
        }
        await throttle.recordSuccess(accountKey)
        return .signedIn(account)
    }

    /// A person-readable wait: "30 seconds", "2 minutes".
    static func describe(_ wait: Duration) -> String {
        let seconds = Int(wait.seconds.rounded(.up))
        if seconds < 60 { return seconds == 1 ? "1 second" : "\(seconds) seconds" }
        let minutes = (seconds + 59) / 60
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }
}
