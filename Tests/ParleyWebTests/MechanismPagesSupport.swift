// The store world of StoreWorld.swift, grown to what the mechanism pages show: a facilitator
// (Saudi Arabia) with an account, a track, the Riyadh meeting in a third country hosted by the
// facilitator, each side's readout of it, a US observer (reads only) and
// each side's lead. Helpers sign in the four kinds of viewer.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

struct PagesWorld {
    let world: StoreWorld
    let facilitator: PartyID
    static let usReadout = "US readout: the sides agreed to restore embassy staffing"
    static let ruReadout = "RU readout: the conversation was useful"

    var m: MechanismID { world.mechanism }
    var base: String { "/mechanisms/\(world.mechanism.rawValue)" }

    static func make() async throws -> PagesWorld {
        let world = try await StoreWorld.make()
        let store = world.store
        let op = world.operatorActor
        func created(_ result: ExecutionResult) throws -> String {
            let object =
                try JSONSerialization.jsonObject(with: JSONEncoder().encode(result.entries[0])) as? [String: Any]
            return ((object?["data"] as? [String: Any])?["id"] as? String) ?? ""
        }
        let sa = PartyID(
            try created(
                try await store.execute(
                    .addParty(
                        .init(
                            mechanism: world.mechanism,
                            name: "Saudi Arabia",
                            country: "SAU",
                            languages: ["ar"],
                            kind: .facilitator
                        )
                    ),
                    by: op
                )
            )
        )
        let account = AccountID(
            try created(
                try await store.execute(
                    .createAccount(
                        .init(mechanism: world.mechanism, party: sa, username: "sa-facilitator", role: .negotiator)
                    ),
                    by: op
                )
            )
        )
        let hash = try await PasswordHasher(secret: StoreWorld.secret, cost: 4).hash(StoreWorld.password)
        try await store.setCredential(hash, for: account)
        let observer = AccountID(
            try created(
                try await store.execute(
                    .createAccount(
                        .init(mechanism: world.mechanism, party: world.us, username: "us-observer", role: .observer)
                    ),
                    by: op
                )
            )
        )
        try await store.setCredential(hash, for: observer)
        for (party, username) in [(world.us, "us-lead"), (world.ru, "ru-lead")] {
            let lead = AccountID(
                try created(
                    try await store.execute(
                        .createAccount(
                            .init(mechanism: world.mechanism, party: party, username: username, role: .lead)
                        ),
                        by: op
                    )
                )
            )
            try await store.setCredential(hash, for: lead)
        }
        _ = try await store.execute(
            .addTrack(.init(mechanism: world.mechanism, title: "Operation of diplomatic missions")),
            by: op
        )
        let saActor = Actor(account: account, party: sa, role: .negotiator)
        _ = try await store.execute(
            .scheduleMeeting(
                .init(
                    mechanism: world.mechanism,
                    kind: .roundOfConsultations,
                    title: "Riyadh consultations",
                    start: Timestamp(secondsSince1970: 1_739_869_200),  // 2025-02-18 09:00 UTC
                    timeZone: "Asia/Riyadh",
                    durationMinutes: 270,
                    city: "Riyadh",
                    country: "SAU",
                    host: sa
                )
            ),
            by: saActor
        )
        let mtg = Reference(kind: .meeting, number: 1)
        for (username, body) in [("us-negotiator", usReadout), ("ru-negotiator", ruReadout)] {
            let actor = try #require(try await store.account(username: username)).actor
            _ = try await store.execute(
                .publishReadout(.init(mechanism: world.mechanism, event: mtg, body: body)),
                by: actor
            )
        }
        return PagesWorld(world: world, facilitator: sa)
    }

    /// The signed checkpoints of the shared log and both sides' private logs: unchanged exactly
    /// when nothing was appended to any of them.
    func record() async throws -> [String?] {
        var out: [String?] = []
        for log in [LogID.shared(m), .private(m, world.us), .private(m, world.ru)] {
            out.append(try await world.store.latestCheckpoint(log.description))
        }
        return out
    }
}

extension Browser {
    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers(cookie: cookieHeader))
    }

    /// POSTs a form, with this browser's CSRF token unless `csrf` is false.
    func post(
        _ client: some TestClientProtocol,
        _ uri: String,
        _ fields: [(String, String)] = [],
        csrf: Bool = true
    ) async throws -> TestResponse {
        try await client.execute(
            uri: uri,
            method: .post,
            headers: headers(cookie: cookieHeader, form: true),
            body: formBody((csrf ? [("csrf", self.csrf)] : []) + fields)
        )
    }
}

/// Signs in `username` with the store world's password.
func browser(_ client: some TestClientProtocol, _ username: String) async throws -> Browser {
    try #require(try await signIn(client, username: username, password: StoreWorld.password).browser)
}
