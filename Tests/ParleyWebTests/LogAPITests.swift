// The log API over a real store (DESIGN.md "Interfaces", "Access rules"): exact entry bytes,
// checkpoints and proofs as the store holds them, 400 for bad ranges, and 404 with identical
// bytes for a missing mechanism, a foreign one, the operator, and any private log but the
// caller's own.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyCore
import ParleyRecord
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct LogAPITests {
    static func token(_ client: some TestClientProtocol, _ username: String) async throws -> String {
        let response = try await client.execute(
            uri: "/api/v1/auth/token",
            method: .post,
            headers: [.contentType: "application/json"],
            body: ByteBuffer(
                bytes: try JSONSerialization.data(withJSONObject: [
                    "username": username, "password": StoreWorld.password,
                ])
            )
        )
        #expect(response.status == .created)
        let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        return try #require(object?["token"] as? String)
    }

    static func get(_ client: some TestClientProtocol, _ uri: String, _ token: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"])
    }

    static func hashes(_ response: TestResponse) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        return try #require(object?["hashes"] as? [String])
    }

    @Test func servesTheVerifierKeyWithoutAToken() async throws {
        let world = try await StoreWorld.make()
        let app = try await world.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/log/key", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(response.text == world.store.serverKey.description + "\n")
        }
        await world.close()
    }

    @Test func servesTheSharedCheckpointAndExactEntryBytes() async throws {
        let world = try await StoreWorld.make()
        let app = try await world.application()
        let log = LogID.shared(world.mechanism).description
        try await app.test(.router) { client in
            let token = try await Self.token(client, "ru-negotiator")
            let base = "/api/v1/mechanisms/\(world.mechanism.rawValue)/log"
            let checkpoint = try await Self.get(client, base + "/checkpoint", token)
            #expect(checkpoint.status == .ok)
            #expect(checkpoint.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(checkpoint.text == (try await world.store.latestCheckpoint(log)))

            let size = try #require(try await world.store.logSize(log))
            let response = try await Self.get(client, base + "/entries?start=0&end=\(size)", token)
            #expect(response.status == .ok)
            let items = try #require(
                try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]]
            )
            let stored = try await world.store.entries(log, start: 0, end: size)
            #expect(items.count == stored.count)
            for (item, entry) in zip(items, stored) {
                #expect((item["index"] as? Int).map(Int64.init) == entry.index)
                #expect(Array(((item["entry"] as? String) ?? "").utf8) == entry.bytes)
            }
            // The shared log holds no private note.
            #expect(!response.text.contains("private note"))

            let tail = try await Self.get(client, base + "/entries?start=\(size - 1)&end=\(size)", token)
            let tailItems = try JSONSerialization.jsonObject(with: Data(tail.text.utf8)) as? [[String: Any]]
            #expect(tailItems?.count == 1)
        }
        await world.close()
    }

    @Test func servesProofsAsTheStoreComputesThem() async throws {
        let world = try await StoreWorld.make()
        let app = try await world.application()
        let log = LogID.shared(world.mechanism).description
        try await app.test(.router) { client in
            let token = try await Self.token(client, "us-negotiator")
            let base = "/api/v1/mechanisms/\(world.mechanism.rawValue)/log/proof"
            let size = try #require(try await world.store.logSize(log))
            let inclusion = try await Self.get(client, base + "/inclusion?index=1&size=\(size)", token)
            #expect(inclusion.status == .ok)
            let expected = try await world.store.inclusionProof(log, index: 1, size: size)
                .map { Data($0.bytes).base64EncodedString() }
            #expect(try Self.hashes(inclusion) == expected)
            #expect(!expected.isEmpty)

            let consistency = try await Self.get(client, base + "/consistency?from=2&to=\(size)", token)
            #expect(consistency.status == .ok)
            let expectedConsistency = try await world.store.consistencyProof(log, from: 2, to: size)
                .map { Data($0.bytes).base64EncodedString() }
            #expect(try Self.hashes(consistency) == expectedConsistency)
        }
        await world.close()
    }

    @Test func refusesBadParametersWith400() async throws {
        let world = try await StoreWorld.make()
        let app = try await world.application()
        let size = try #require(try await world.store.logSize(LogID.shared(world.mechanism).description))
        try await app.test(.router) { client in
            let token = try await Self.token(client, "us-negotiator")
            let base = "/api/v1/mechanisms/\(world.mechanism.rawValue)/log"
            for query in [
                "/entries", "/entries?start=0", "/entries?start=abc&end=1", "/entries?start=-1&end=1",
                "/entries?start=2&end=1", "/entries?start=0&end=\(size + 1)", "/entries?start=+1&end=2",
                "/proof/inclusion?index=0", "/proof/inclusion?index=\(size)&size=\(size)",
                "/proof/inclusion?index=0&size=0", "/proof/inclusion?index=0&size=\(size + 1)",
                "/proof/consistency?from=0&to=1", "/proof/consistency?from=3&to=2",
                "/proof/consistency?from=1&to=\(size + 1)", "/proof/consistency?to=1",
            ] {
                let response = try await Self.get(client, base + query, token)
                #expect(response.status == .badRequest, "\(query)")
                let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                #expect((object?["error"] as? [String: Any])?["code"] as? String == "bad_request", "\(query)")
            }
        }
        await world.close()
    }

    @Test func foreignMissingAndOperatorAnswerTheSameNotFound() async throws {
        let world = try await StoreWorld.make()
        let app = try await world.application()
        try await app.test(.router) { client in
            let us = try await Self.token(client, "us-negotiator")
            let op = try await Self.token(client, "operator")
            let mine = "/api/v1/mechanisms/\(world.mechanism.rawValue)"
            let foreign = "/api/v1/mechanisms/\(world.otherMechanism.rawValue)"
            let missing = "/api/v1/mechanisms/00000000-0000-4000-8000-000000000000"
            for suffix in [
                "/log/checkpoint", "/log/entries?start=0&end=1", "/log/proof/inclusion?index=0&size=1",
                "/log/proof/consistency?from=1&to=1", "/private-log/checkpoint", "/private-log/entries?start=0&end=1",
            ] {
                let a = try await Self.get(client, foreign + suffix, us)
                let b = try await Self.get(client, missing + suffix, us)
                let c = try await Self.get(client, mine + suffix, op)
                #expect(a.status == .notFound, "\(suffix)")
                #expect(a.status == b.status && a.status == c.status, "\(suffix)")
                #expect(a.text == b.text && a.text == c.text, "\(suffix)")
                #expect(Array(a.headers) == Array(b.headers), "\(suffix)")
            }
            let unauthenticated = try await client.execute(uri: mine + "/log/checkpoint", method: .get)
            #expect(unauthenticated.status == .unauthorized)
        }
        await world.close()
    }

    @Test func servesOnlyTheCallersOwnPrivateLog() async throws {
        let world = try await StoreWorld.make()
        let app = try await world.application()
        let usLog = LogID.private(world.mechanism, world.us).description
        let ruLog = LogID.private(world.mechanism, world.ru).description
        try await app.test(.router) { client in
            let us = try await Self.token(client, "us-negotiator")
            let ru = try await Self.token(client, "ru-negotiator")
            let base = "/api/v1/mechanisms/\(world.mechanism.rawValue)/private-log"

            let usCheckpoint = try await Self.get(client, base + "/checkpoint", us)
            #expect(usCheckpoint.status == .ok)
            #expect(usCheckpoint.text == (try await world.store.latestCheckpoint(usLog)))
            let ruCheckpoint = try await Self.get(client, base + "/checkpoint", ru)
            #expect(ruCheckpoint.text == (try await world.store.latestCheckpoint(ruLog)))
            #expect(usCheckpoint.text != ruCheckpoint.text)
            #expect(!ruCheckpoint.text.contains(usLog))

            // Each private log: the account's creation, then the notes (US two, Russia one).
            let usEntries = try await Self.get(client, base + "/entries?start=0&end=3", us)
            #expect(usEntries.status == .ok)
            #expect(usEntries.text.contains(StoreWorld.usNote))
            #expect(!usEntries.text.contains(StoreWorld.ruNote))
            // Russia's private log has two entries: asking for US's three is out of its range,
            // and nothing of the US log can be reached with Russia's token.
            let ruEntries = try await Self.get(client, base + "/entries?start=0&end=2", ru)
            #expect(ruEntries.text.contains(StoreWorld.ruNote))
            #expect(!ruEntries.text.contains(StoreWorld.usNote))
            let ruTooFar = try await Self.get(client, base + "/entries?start=0&end=3", ru)
            #expect(ruTooFar.status == .badRequest)
            #expect(!ruTooFar.text.contains(StoreWorld.usNote))
        }
        await world.close()
    }

    @Test func storeBackedSessionsAndTokensRoundTrip() async throws {
        let world = try await StoreWorld.make()
        let shared = LogID.shared(world.mechanism).description
        let sizeBefore = try await world.store.logSize(shared)
        let sessions = StoreSessionStore(store: world.store)
        let start = Date(timeIntervalSince1970: 1_740_000_000)
        let record = SessionRecord(
            id: "abc",
            account: AccountID("a"),
            csrfToken: "c",
            createdAt: start,
            lastSeenAt: start
        )
        try await sessions.save(record)
        #expect(try await sessions.session(id: "abc") == record)
        var later = record
        later.lastSeenAt = start.addingTimeInterval(60)
        try await sessions.save(later)
        #expect(try await sessions.session(id: "abc") == later)
        try await sessions.deleteExpired(lastSeenBefore: start.addingTimeInterval(61), createdBefore: start)
        #expect(try await sessions.session(id: "abc") == nil)
        try await sessions.save(record)
        try await sessions.deleteAll(account: AccountID("a"))
        #expect(try await sessions.session(id: "abc") == nil)

        let tokens = StoreTokenStore(store: world.store)
        let token = APITokenRecord(hash: "h", account: AccountID("a"), label: "mirror", createdAt: start)
        try await tokens.insert(token)
        #expect(try await tokens.token(hash: "h") == token)
        try await tokens.delete(hash: "h")
        #expect(try await tokens.token(hash: "h") == nil)
        // Neither is record content: no log grew.
        #expect(try await world.store.logSize(shared) == sizeBefore)
        await world.close()
    }

    /// A shared log of `size` entries `{"n":i}` that every account may read.
    struct LargeLog: LogDirectory {
        let size: Int64
        func verifierKey() async throws -> String { "k" }
        func size(of log: LogID, visibleTo account: Account) async throws -> Int64? { log.isPrivate ? nil : size }
        func checkpoint(of log: LogID, visibleTo account: Account) async throws -> String? { nil }
        func entries(of log: LogID, start: Int64, end: Int64, visibleTo account: Account) async throws
            -> [LogEntryBytes]?
        {
            (start..<end).map { LogEntryBytes(index: $0, bytes: Array("{\"n\":\($0)}".utf8)) }
        }
        func inclusionProof(of log: LogID, index: Int64, size: Int64, visibleTo account: Account) async throws
            -> [[UInt8]]?
        { nil }
        func consistencyProof(of log: LogID, from: Int64, to: Int64, visibleTo account: Account) async throws
            -> [[UInt8]]?
        { nil }
    }

    @Test func returnsAtMostAThousandEntriesPerCall() async throws {
        let world = try await TestWorld()
        var services = world.services
        services.logs = LargeLog(size: 2500)
        let app = try await buildApplication(configuration: world.configuration, services: services)
        try await app.test(.router) { client in
            let token = try await APITests.token(client, username: "us-negotiator")
            let response = try await Self.get(client, "/api/v1/mechanisms/m/log/entries?start=1200&end=2500", token)
            #expect(response.status == .ok)
            let items = try #require(
                try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]]
            )
            #expect(items.count == 1000)
            #expect(items.first?["index"] as? Int == 1200)
            #expect(items.last?["index"] as? Int == 2199)
            #expect(items.last?["entry"] as? String == #"{"n":2199}"#)
        }
    }
}
