// The store conformance suite runs every test on each database (STYLE.md 6): a temporary SQLite
// file, and a fresh database on the PostgreSQL server named by PARLEY_TEST_POSTGRES_URL
// (scripts/test starts one). Without that variable the PostgreSQL cases fail under CI (CI set);
// elsewhere they are left out and `postgresRunWasDone` is reported as skipped with the reason —
// never passed silently.

import Foundation
import Logging
import ParleyRecord
import SQLKit
import Testing

@testable import ParleyStore

enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }

    static let postgresURL = ProcessInfo.processInfo.environment["PARLEY_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

    /// The backends every conformance test runs on: PostgreSQL whenever it is configured, and
    /// always under CI (where its absence then fails each case).
    static let available: [Backend] = postgresURL != nil || isCI ? [.sqlite, .postgres] : [.sqlite]
}

@Suite struct BackendTests {
    /// Shows as skipped, with the reason, when the PostgreSQL half of the suite did not run.
    @Test(
        .enabled(
            if: Backend.available.contains(.postgres),
            "PARLEY_TEST_POSTGRES_URL is not set: the store suite did NOT run on PostgreSQL"
        )
    )
    func postgresRunWasDone() async throws {
        let url = try #require(
            Backend.postgresURL,
            "CI is set but PARLEY_TEST_POSTGRES_URL is not: scripts/test must start PostgreSQL"
        )
        #expect(TestDatabase.replacingDatabase(in: url, with: "t_x").contains("/t_x"))
    }

    @Test func replacesTheDatabaseOfAURL() {
        #expect(
            TestDatabase.replacingDatabase(in: "postgres://postgres@127.0.0.1:5/postgres?tlsmode=disable", with: "t_1")
                == "postgres://postgres@127.0.0.1:5/t_1?tlsmode=disable"
        )
        #expect(TestDatabase.replacingDatabase(in: "postgres://u:p@h/db", with: "t_2") == "postgres://u:p@h/t_2")
    }
}

let quietLogger: Logger = {
    var logger = Logger(label: "parley.store.tests")
    logger.logLevel = .critical
    return logger
}()

/// A fresh, empty database of one backend, dropped by `destroy()`.
final class TestDatabase: Sendable {
    let backend: Backend
    let location: DatabaseLocation
    let signer: NoteSigner
    private let directory: String?
    private let adminURL: String?
    private let databaseName: String?

    private init(
        backend: Backend,
        location: DatabaseLocation,
        signer: NoteSigner,
        directory: String?,
        adminURL: String?,
        databaseName: String?
    ) {
        self.backend = backend
        self.location = location
        self.signer = signer
        self.directory = directory
        self.adminURL = adminURL
        self.databaseName = databaseName
    }

    static func make(_ backend: Backend) async throws -> TestDatabase {
        let signer = try NoteSigner.generate(name: "parley.test")
        switch backend {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parley-store-\(UUID().uuidString)")
                .path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            return TestDatabase(
                backend: .sqlite,
                location: .sqlite(path: dir + "/parley.sqlite"),
                signer: signer,
                directory: dir,
                adminURL: nil,
                databaseName: nil
            )
        case .postgres:
            guard let url = Backend.postgresURL else {
                Issue.record("PARLEY_TEST_POSTGRES_URL is not set under CI: scripts/test must start PostgreSQL")
                throw StoreError.database("PARLEY_TEST_POSTGRES_URL is not set")
            }
            let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await admin(url) { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            return TestDatabase(
                backend: .postgres,
                location: .postgres(url: replacingDatabase(in: url, with: name)),
                signer: signer,
                directory: nil,
                adminURL: url,
                databaseName: name
            )
        }
    }

    func open(migrate: Bool = false) async throws -> Store {
        try await Store.open(location, signer: signer, migrate: migrate, readers: 2, logger: quietLogger)
    }

    func destroy() async {
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
        if let adminURL, let databaseName {
            try? await Self.admin(adminURL) { db in
                try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: databaseName) WITH (FORCE)").run()
            }
        }
    }

    /// A path for a backup file in this database's temporary directory (or a new one).
    func scratchPath(_ name: String) throws -> String {
        let dir =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("parley-pg-\(databaseName ?? "x")").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/" + name
    }

    private static func admin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let database = try await Database.open(.postgres(url: url), readers: 1, logger: quietLogger)
        do {
            try await database.writers.with { db in try await body(db) }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let beforeQuery = rest.firstIndex(of: "?").map { rest[..<$0] } ?? rest
        let host = beforeQuery.firstIndex(of: "/").map { beforeQuery[..<$0] } ?? beforeQuery
        return url[..<scheme.upperBound] + host + "/" + name + query
    }
}

/// Runs `body` with a fresh store of `backend`, and removes the database afterwards.
func withStore<T>(_ backend: Backend, _ body: (Store, TestDatabase) async throws -> T) async throws -> T {
    let database = try await TestDatabase.make(backend)
    let store: Store
    do {
        store = try await database.open()
    } catch {
        await database.destroy()
        throw error
    }
    do {
        let result = try await body(store, database)
        await store.close()
        await database.destroy()
        return result
    } catch {
        await store.close()
        await database.destroy()
        throw error
    }
}

/// Runs `body` with a fresh database of `backend`, migrated, opened without a Store (so no
/// indexer runs beside the test) with `readers` reading connections; removes it afterwards.
func withMigratedDatabase(
    _ backend: Backend,
    readers: Int = 1,
    _ body: (Database) async throws -> Void
) async throws {
    let database = try await TestDatabase.make(backend)
    let raw = try await Database.open(database.location, readers: readers, logger: quietLogger)
    do {
        _ = try await raw.writers.with { db in try await Migrations.run(on: db, dialect: raw.dialect, mode: .apply) }
        try await body(raw)
    } catch {
        await raw.close()
        await database.destroy()
        throw error
    }
    await raw.close()
    await database.destroy()
}

/// Runs `body` with a database an older Parley made: the first `migrations` of the schema, and
/// the rows `seed` writes on it (its answer is handed to `body`). Removes the database afterwards.
func withOlderSchema<T: Sendable>(
    _ backend: Backend,
    migrations: Int,
    seed: (any SQLDatabase, Dialect) async throws -> T,
    then body: (T, TestDatabase) async throws -> Void
) async throws {
    let database = try await TestDatabase.make(backend)
    do {
        let raw = try await Database.open(database.location, readers: 1, logger: quietLogger)
        let seeded: T
        do {
            seeded = try await raw.writers.with { db in
                try await Migrations.run(
                    on: db,
                    dialect: raw.dialect,
                    mode: .apply,
                    list: Array(Migrations.all.prefix(migrations))
                )
                return try await seed(db, raw.dialect)
            }
        } catch {
            await raw.close()
            throw error
        }
        await raw.close()
        try await body(seeded, database)
    } catch {
        await database.destroy()
        throw error
    }
    await database.destroy()
}
