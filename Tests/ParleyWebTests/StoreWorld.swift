// A web application over a real ParleyStore on a temporary SQLite file, with a small record:
// a mechanism with the United States and Russia, one shared irritant, and one private note of
// each side; and a second mechanism that neither side of the first belongs to.

import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ParleyCore
import ParleyRecord
import ParleyStore
import ParleyWeb

struct StoreWorld {
    let directory: URL
    let store: Store
    let mechanism: MechanismID
    let otherMechanism: MechanismID
    let us: PartyID
    let ru: PartyID
    let configuration: WebConfiguration
    /// The operator, to build more of the record in tests.
    let operatorActor: Actor

    static let secret = [UInt8](repeating: 9, count: 32)
    static let password = "correct horse battery staple"
    static let usNote = "US private note: only the United States reads this"
    static let ruNote = "RU private note: only Russia reads this"

    static func make() async throws -> StoreWorld {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var logger = Logger(label: "parley.store.test")
        logger.logLevel = .critical
        let signer = try ServerKey.loadOrCreate(
            path: directory.appendingPathComponent("k").path,
            name: "test.localhost"
        )
        let store = try await Store.open(
            try DatabaseLocation(parsing: directory.appendingPathComponent("p.sqlite").path),
            signer: signer,
            logger: logger
        )
        let hasher = PasswordHasher(secret: secret, cost: 4)
        let hash = try await hasher.hash(password)
        let operatorID = try await store.addOperator(username: "operator")
        try await store.setCredential(hash, for: operatorID)
        let op = Actor.operator(operatorID)

        func created(_ result: ExecutionResult) throws -> String {
            let object =
                try JSONSerialization.jsonObject(with: JSONEncoder().encode(result.entries[0])) as? [String: Any]
            return ((object?["data"] as? [String: Any])?["id"] as? String) ?? ""
        }
        let m = MechanismID(
            try created(try await store.execute(.createMechanism(.init(title: "US–Russia consultations")), by: op))
        )
        let us = PartyID(
            try created(
                try await store.execute(
                    .addParty(.init(mechanism: m, name: "United States", country: "USA", languages: ["en"])),
                    by: op
                )
            )
        )
        let ru = PartyID(
            try created(
                try await store.execute(
                    .addParty(.init(mechanism: m, name: "Russia", country: "RUS", languages: ["ru"])),
                    by: op
                )
            )
        )
        let other = MechanismID(
            try created(try await store.execute(.createMechanism(.init(title: "Another mechanism")), by: op))
        )
        let third = PartyID(
            try created(
                try await store.execute(
                    .addParty(.init(mechanism: other, name: "Norway", country: "NOR", languages: ["no"])),
                    by: op
                )
            )
        )
        var actors: [PartyID: Actor] = [:]
        for (party, mech, username) in [
            (us, m, "us-negotiator"), (ru, m, "ru-negotiator"), (third, other, "no-negotiator"),
        ] {
            let id = AccountID(
                try created(
                    try await store.execute(
                        .createAccount(.init(mechanism: mech, party: party, username: username, role: .negotiator)),
                        by: op
                    )
                )
            )
            try await store.setCredential(hash, for: id)
            actors[party] = Actor(account: id, party: party, role: .negotiator)
        }
        _ = try await store.execute(
            .raiseIrritant(.init(mechanism: m, title: "Operation of diplomatic missions", description: "Shared item")),
            by: actors[us]!
        )
        _ = try await store.execute(.writeNote(.init(mechanism: m, body: usNote)), by: actors[us]!)
        _ = try await store.execute(.writeNote(.init(mechanism: m, body: ruNote)), by: actors[ru]!)
        _ = try await store.execute(.writeNote(.init(mechanism: m, body: usNote + " (2)")), by: actors[us]!)
        _ = try await store.execute(.writeNote(.init(mechanism: other, body: "Norway's note")), by: actors[third]!)

        let configuration = WebConfiguration(serverSecret: secret, passwordCost: 4)
        return StoreWorld(
            directory: directory,
            store: store,
            mechanism: m,
            otherMechanism: other,
            us: us,
            ru: ru,
            configuration: configuration,
            operatorActor: op
        )
    }

    var services: WebServices {
        var logger = Logger(label: "parley.web.test")
        logger.logLevel = .critical
        return WebServices(
            accounts: StoreAccountDirectory(store: store),
            sessions: StoreSessionStore(store: store),
            tokens: StoreTokenStore(store: store),
            mechanisms: StoreMechanismDirectory(store: store),
            logs: StoreLogDirectory(store: store),
            logger: logger
        )
    }

    func application() async throws -> some ApplicationProtocol {
        try await buildApplication(configuration: configuration, services: services)
    }

    func close() async {
        await store.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
