// The store-backed session and token stores read a session (or token) and its account in one
// statement. These tests hold that read to the two-step one it replaces, for a party's account,
// an operator, an account that does not exist, and a session or token that does not exist.

import Foundation
import ParleyCore
import ParleyStore
import ParleyWeb
import Testing

@Suite struct SignedInReadTests {
    /// A directory that is not the store-backed one, so the stores take the two-step path.
    struct OtherDirectory: AccountDirectory {
        let inner: StoreAccountDirectory
        func credentials(username: String) async throws -> AccountCredentials? {
            try await inner.credentials(username: username)
        }
        func account(id: AccountID) async throws -> Account? { try await inner.account(id: id) }
        func setPasswordHash(_ hash: String, for account: AccountID) async throws {
            try await inner.setPasswordHash(hash, for: account)
        }
    }

    @Test func oneStatementReadsTheSameAsTwo() async throws {
        let world = try await StoreWorld.make()
        defer { Task { await world.close() } }
        let directory = StoreAccountDirectory(store: world.store)
        let other = OtherDirectory(inner: directory)
        let sessions = StoreSessionStore(store: world.store)
        let tokens = StoreTokenStore(store: world.store)

        let negotiator = try #require(try await directory.credentials(username: "us-negotiator")).account
        let op = try #require(try await directory.credentials(username: "operator")).account
        let nobody = AccountID("00000000-0000-4000-8000-000000000000")
        let now = Date(timeIntervalSince1970: 1_800_000_000)

        for (n, holder) in [negotiator.id, op.id, nobody].enumerated() {
            let record = SessionRecord(
                id: "session-\(n)",
                account: holder,
                csrfToken: "csrf-\(n)",
                createdAt: now,
                lastSeenAt: now
            )
            try await sessions.save(record)
            let joined = try #require(try await sessions.session(id: record.id, accounts: directory))
            let apart = try #require(try await sessions.session(id: record.id, accounts: other))
            // The one-statement read also says what it saw (the web's kept answers use it).
            #expect(joined.0.readStamp != nil)
            #expect(unstamped(joined.0) == record && apart.0 == record)
            #expect(joined.1 == apart.1)

            let token = APITokenRecord(hash: "token-\(n)", account: holder, label: "t", createdAt: now)
            try await tokens.insert(token)
            let joinedToken = try #require(try await tokens.token(hash: token.hash, accounts: directory))
            let apartToken = try #require(try await tokens.token(hash: token.hash, accounts: other))
            #expect(joinedToken.0.readStamp != nil)
            #expect(unstamped(joinedToken.0) == token && apartToken.0 == token)
            #expect(joinedToken.1 == apartToken.1)
        }
        #expect(try await sessions.session(id: "session-0", accounts: directory)?.1 == negotiator)
        #expect(try await sessions.session(id: "session-1", accounts: directory)?.1 == op)
        let gone = try #require(try await sessions.session(id: "session-2", accounts: directory))
        #expect(gone.0.account == nobody && gone.1 == nil)
        #expect(try await sessions.session(id: "missing", accounts: directory) == nil)
        #expect(try await tokens.token(hash: "missing", accounts: directory) == nil)
    }
}

/// A record as stored, without what the read that found it saw.
private func unstamped(_ record: SessionRecord) -> SessionRecord {
    var record = record
    record.readStamp = nil
    return record
}

private func unstamped(_ record: APITokenRecord) -> APITokenRecord {
    var record = record
    record.readStamp = nil
    return record
}
