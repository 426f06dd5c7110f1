// PostgreSQL's deferred write transaction (DeferredTransaction): a lone last statement commits by
// itself; once anything else was sent, everything runs in one transaction that commits or rolls
// back whole; nothing may follow a statement sent alone.

import Foundation
import SQLKit
import Testing

@testable import ParleyStore

@Suite struct DeferredTransactionTests {
    /// PostgreSQL only: no case at all where it is not configured (CI always configures it).
    static let postgres = Backend.available.filter { $0 == .postgres }

    @Test(arguments: postgres)
    func aLoneStatementCommitsByItselfAndNothingMayFollowIt(_ backend: Backend) async throws {
        try await withProbe(backend) { writer, reader in
            try await Transaction.deferred(on: writer) { (tx: DeferredTransaction) async throws -> Void in
                #expect(try await tx.runAlone("INSERT INTO deferred_probe (n) VALUES (1)"))
                #expect(tx.committedAlone && !tx.begun)
                // Already visible to another session: it committed.
                #expect(try await Self.count(reader) == 1)
                await #expect(throws: StoreError.self) { try await tx.raw("SELECT 1").run() }
            }
            #expect(try await Self.count(reader) == 1)
        }
    }

    @Test(arguments: postgres)
    func afterAnotherStatementTheLastRunsInTheTransaction(_ backend: Backend) async throws {
        try await withProbe(backend) { writer, reader in
            try await Transaction.deferred(on: writer) { (tx: DeferredTransaction) async throws -> Void in
                try await tx.raw("INSERT INTO deferred_probe (n) VALUES (1)").run()
                #expect(tx.begun)
                #expect(try await tx.runAlone("INSERT INTO deferred_probe (n) VALUES (2)") == false)
                try await tx.raw("INSERT INTO deferred_probe (n) VALUES (2)").run()
                // Not yet visible: the transaction has not committed.
                #expect(try await Self.count(reader) == 0)
            }
            #expect(try await Self.count(reader) == 2)
        }
    }

    @Test(arguments: postgres)
    func aFailureAfterBeginRollsBackEverything(_ backend: Backend) async throws {
        try await withProbe(backend) { writer, reader in
            await #expect(throws: (any Error).self) {
                try await Transaction.deferred(on: writer) { (tx: DeferredTransaction) async throws -> Void in
                    try await tx.raw("INSERT INTO deferred_probe (n) VALUES (1)").run()
                    try await tx.raw("INSERT INTO deferred_probe (n) VALUES (1)").run()
                }
            }
            #expect(try await Self.count(reader) == 0)
            // The connection is usable again: the transaction was rolled back.
            try await writer.raw("INSERT INTO deferred_probe (n) VALUES (3)").run()
            #expect(try await Self.count(reader) == 1)
        }
    }

    private static func count(_ db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT count(*) AS n FROM deferred_probe").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    /// A migrated database with a probe table; a writing and a reading connection.
    private func withProbe(
        _ backend: Backend,
        _ body: (any SQLDatabase, any SQLDatabase) async throws -> Void
    ) async throws {
        try await withMigratedDatabase(backend) { database in
            try await database.writers.with { writer in
                try await writer.raw("CREATE TABLE deferred_probe (n BIGINT PRIMARY KEY)").run()
                try await database.readers.with { reader in try await body(writer, reader) }
            }
        }
    }
}
