// The options every command that opens the database shares. Flags win over PARLEY_… variables,
// which win over defaults; this is the one place that reads the environment.
import ArgumentParser
import Foundation
import Logging
import ParleyCore
import ParleyRecord
import ParleyStore

struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "SQLite file, sqlite://PATH or postgres://USER@HOST:PORT/DB (env PARLEY_DATABASE_URL).",
            valueName: "url-or-path"
        )
    )
    var database: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The server's checkpoint signing key; created on first use (env PARLEY_KEY_FILE; default parley.key beside an SQLite database).",
            valueName: "file"
        )
    )
    var keyFile: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Name of a new server key, which names every log's checkpoints (env PARLEY_SERVER_NAME; default parley.localhost).",
            valueName: "name"
        )
    )
    var serverName: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The server secret (keys password hashes); created on first use (env PARLEY_SECRET_FILE; default parley.secret beside an SQLite database).",
            valueName: "file"
        )
    )
    var secretFile: String?

    static let environment = ProcessInfo.processInfo.environment

    func location() throws -> DatabaseLocation {
        do {
            return try DatabaseLocation(parsing: database ?? Self.environment["PARLEY_DATABASE_URL"])
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Opens the store, creating the database and the server key on first use.
    func open(migrate: Bool = false, logger: Logger = Logger(label: "parley")) async throws -> Store {
        let location = try location()
        let keyPath = keyFile ?? Self.environment["PARLEY_KEY_FILE"] ?? ServerKey.defaultPath(for: location)
        let name = serverName ?? Self.environment["PARLEY_SERVER_NAME"] ?? "parley.localhost"
        let signer = try ServerKey.loadOrCreate(path: keyPath, name: name)
        return try await Store.open(location, signer: signer, migrate: migrate, logger: logger)
    }

    /// Runs `body` with the store open, and closes it whatever happens.
    func withStore<T>(migrate: Bool = false, _ body: (Store) async throws -> T) async throws -> T {
        let store = try await open(migrate: migrate)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// The operator acting from the server's own machine through the `parley` tool.
let toolOperator = Actor(account: nil, party: nil, role: .operator)

extension StoreOptions {
    /// The server secret beside the key file, created on first use.
    func serverSecret() throws -> [UInt8] {
        let location = try location()
        let path = secretFile ?? Self.environment["PARLEY_SECRET_FILE"] ?? ServerSecret.defaultPath(for: location)
        return try ServerSecret.loadOrCreate(path: path)
    }
}
