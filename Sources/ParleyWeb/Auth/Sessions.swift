// ParleyWeb: the session rules over any `SessionStore` — token creation, idle and absolute
// expiry, and the cookie that carries the token (OWASP Session Management Cheat Sheet).

import Foundation
import ParleyCore
import Synchronization

/// A live session, as handlers see it.
struct Session: Sendable {
    var record: SessionRecord
    var account: AccountID { record.account }
    var csrfToken: String { record.csrfToken }
}

/// Creates, finds and ends sessions.
struct Sessions: Sendable {
    let store: any SessionStore
    let clock: any WebClock
    let idleTimeout: Duration
    let lifetime: Duration

    /// When expired sessions were last removed from the store; shared by copies of this value.
    let lastPurge = PurgeMark()

    /// `lastSeenAt` is written back at most this often, so reads do not each cost a write.
    static let touchInterval: TimeInterval = 60
    /// Expired sessions are removed from the store at most this often, on sign-in.
    static let purgeInterval: TimeInterval = 15 * 60

    /// Start a session for `account`; returns the token for the cookie (never stored).
    func create(for account: AccountID) async throws -> (token: String, session: Session) {
        let token = SecureBytes.token()
        let now = clock.now()
        let record = SessionRecord(
            id: SecureBytes.sha256Hex(token),
            account: account,
            csrfToken: SecureBytes.token(),
            createdAt: now,
            lastSeenAt: now
        )
        try await store.save(record)
        if lastPurge.claim(now: now, interval: Self.purgeInterval) {
            try await store.deleteExpired(
                lastSeenBefore: now.addingTimeInterval(-idleTimeout.seconds),
                createdBefore: now.addingTimeInterval(-lifetime.seconds)
            )
        }
        return (token, Session(record: record))
    }

    /// The live session for a cookie's token and its account as `accounts` has it (nil when the
    /// account is gone), or nil when there is no live session.
    func lookup(token: String, accounts: any AccountDirectory) async throws -> (Session, Account?)? {
        guard let id = Self.id(token), let (record, account) = try await store.session(id: id, accounts: accounts),
            let session = try await live(record)
        else { return nil }
        return (session, account)
    }

    /// The store key of a cookie's token. A token is 43 base64url characters; anything else is
    /// not worth a store read.
    private static func id(_ token: String) -> String? {
        token.utf8.count == 43 ? SecureBytes.sha256Hex(token) : nil
    }

    /// `record` as a session, unless it has expired (then it is deleted); records the use at most
    /// once a `touchInterval`.
    private func live(_ record: SessionRecord) async throws -> Session? {
        var record = record
        let now = clock.now()
        if now.timeIntervalSince(record.lastSeenAt) >= idleTimeout.seconds
            || now.timeIntervalSince(record.createdAt) >= lifetime.seconds
        {
            try await store.delete(id: record.id)
            return nil
        }
        if now.timeIntervalSince(record.lastSeenAt) >= Self.touchInterval {
            record.lastSeenAt = now
            try await store.save(record)
        }
        return Session(record: record)
    }

    /// End a session.
    func delete(_ session: Session) async throws {
        try await store.delete(id: session.record.id)
    }

    /// End every session of `session`'s account but `session` itself (after a change of
    /// password, so that whoever knew the old one is signed out everywhere else).
    func endOthers(than session: Session) async throws {
        try await store.deleteAll(account: session.account)
        try await store.save(session.record)
    }
}

/// The time of the last purge of expired sessions.
final class PurgeMark: Sendable {
    private let last = Mutex<Date?>(nil)

    /// True (and the mark moves to `now`) when no purge happened within `interval`.
    func claim(now: Date, interval: TimeInterval) -> Bool {
        last.withLock { last in
            if let previous = last, now.timeIntervalSince(previous) < interval { return false }
            last = now
            return true
        }
    }
}

extension Duration {
    /// This duration in seconds, as `TimeInterval`.
    var seconds: TimeInterval {
        let (s, attoseconds) = components
        return TimeInterval(s) + TimeInterval(attoseconds) / 1e18
    }
}
