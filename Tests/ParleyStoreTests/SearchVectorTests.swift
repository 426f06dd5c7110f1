// PostgreSQL's search vectors, kept apart from the appends (Migrations+SearchOffTheAppends,
// SearchIndex+Vectors): new rows wait above the mark, a changed text or a deleted row is noted,
// a catch-up takes in both, never waits for a writer and never loses a change it skipped.
// SQLite's FTS5 index has its own tests (SearchMarkTests).

import Foundation
import SQLKit
import Testing

@testable import ParleyStore

@Suite struct SearchVectorTests {
    /// PostgreSQL only: no case at all where it is not configured (CI always configures it).
    static let postgres = Backend.available.filter { $0 == .postgres }

    @Test(arguments: postgres)
    func newRowsWaitAboveTheMarkAndChangedTextsAndDeletionsAreNoted(_ backend: Backend) async throws {
        try await withVectors { db, _ in
            try await Self.insert("i1", "Consular staffing", on: db)
            try await Self.insert("i2", "Property of missions", on: db)
            #expect(try await Self.state(db) == (0, []))
            #expect(try await Self.hits("missions", db).isEmpty)
            #expect(try await Self.catchUp(db) == false)
            #expect(try await Self.state(db) == (2, []))
            #expect(try await Self.hits("missions", db) == ["i2"])

            // A change that leaves the text alone is not noted; one to the text is.
            try await db.raw("UPDATE items SET status = 'resolved' WHERE id = 'i1'").run()
            #expect(try await Self.state(db) == (2, []))
            try await db.raw("UPDATE items SET title = 'Consular quotas' WHERE id = 'i1'").run()
            #expect(try await Self.state(db) == (2, [1]))
            // Above the mark too: a catch-up beside the change may have indexed the row before it.
            try await Self.insert("i3", "Visa backlog", on: db)
            try await db.raw("UPDATE items SET search_text = 'waivers' WHERE id = 'i3'").run()
            #expect(try await Self.state(db) == (2, [1, 3]))
            #expect(try await Self.catchUp(db) == false)
            #expect(try await Self.state(db) == (3, []))
            #expect(try await Self.hits("staffing", db).isEmpty)
            #expect(try await Self.hits("quotas", db) == ["i1"])
            #expect(try await Self.hits("waivers", db) == ["i3"])
            #expect(try await Self.count("items_search", db) == 3)

            // A deleted row is noted and its vector taken out.
            try await db.raw("DELETE FROM items WHERE id = 'i3'").run()
            #expect(try await Self.state(db) == (3, [3]))
            #expect(try await Self.catchUp(db) == false)
            #expect(try await Self.hits("waivers", db).isEmpty)
            #expect(try await Self.count("items_search", db) == 2)
        }
    }

    @Test(arguments: postgres)
    func aCatchUpSkipsAChangeNotYetCommittedAndTakesItInLater(_ backend: Backend) async throws {
        try await withVectors { writer, other in
            try await Self.insert("i1", "Consular staffing", on: writer)
            _ = try await Self.catchUp(other)
            try await writer.raw("UPDATE items SET title = 'Consular visas' WHERE id = 'i1'").run()
            #expect(try await Self.state(other) == (1, [1]))
            // A writer changes the text again and has not committed: its note holds the row.
            try await writer.raw("BEGIN").run()
            try await writer.raw("UPDATE items SET title = 'Consular quotas' WHERE id = 'i1'").run()
            // The catch-up does not wait for it, and leaves the note for later: taking it now
            // would index the committed text and lose the change to come.
            #expect(try await Self.catchUp(other) == false)
            #expect(try await Self.state(other) == (1, [1]))
            #expect(try await Self.hits("staffing", other) == ["i1"])
            try await writer.raw("COMMIT").run()
            #expect(try await Self.catchUp(other) == false)
            #expect(try await Self.state(other) == (1, []))
            #expect(try await Self.hits("quotas", other) == ["i1"])
            #expect(try await Self.hits("staffing", other).isEmpty)
            #expect(try await Self.hits("visas", other).isEmpty)
        }
    }

    @Test(arguments: postgres)
    func aLongBacklogIsTakenInSeveralShortTransactions(_ backend: Backend) async throws {
        try await withVectors { db, _ in
            let rows = SearchIndex.vectorsPerTransaction + 500
            try await db.raw(
                """
                INSERT INTO items (kind, id, mechanism_id, title, search_text, updated_at, body)
                SELECT 'irritant', 'i' || n, 'm1', 'Irritant ' || n, 'missions', '2025-02-18T12:00:00Z', '{}'
                FROM generate_series(1, \(literal: Int(rows))) AS n
                """
            ).run()
            #expect(try await Self.catchUp(db) == true)
            #expect(try await Self.state(db).mark == SearchIndex.vectorsPerTransaction)
            #expect(try await Self.catchUp(db) == false)
            #expect(try await Self.state(db).mark == rows)
            #expect(try await Self.count("items_search", db) == Int(rows))
            // As many noted rows (a rebuild deletes every row) likewise.
            try await db.raw("DELETE FROM items").run()
            #expect(try await Self.count("items_fts_pending", db) == Int(rows))
            #expect(try await Self.catchUp(db) == true)
            #expect(try await Self.count("items_fts_pending", db) == 500)
            #expect(try await Self.catchUp(db) == false)
            #expect(try await Self.count("items_fts_pending", db) == 0)
            #expect(try await Self.count("items_search", db) == 0)
        }
    }

    @Test(arguments: postgres)
    func migratingComputesTheVectorOfEveryRowThereIs(_ backend: Backend) async throws {
        try await withOlderSchema(backend, migrations: 16) { db, _ in
            for (id, title) in [("i1", "Consular staffing"), ("i2", "Property of missions")] {
                try await Self.insert(id, title, on: db)
            }
        } then: { _, database in
            let migrated = try await database.open(migrate: true)
            do {
                try await migrated.read { db in
                    #expect(try await Self.state(db) == (2, []))
                    #expect(try await Self.hits("consular", db) == ["i1"])
                    #expect(try await Self.hits("missions", db) == ["i2"])
                    let column = try await db.raw(
                        "SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'search'"
                    ).first()?.decode(column: "n", as: Int.self)
                    #expect(column == 0)
                }
            } catch {
                await migrated.close()
                throw error
            }
            await migrated.close()
        }
    }

    // MARK: - Helpers

    /// A migrated PostgreSQL database, and two of its connections (the second to act beside the
    /// first). The store's own indexer does not run here: nothing is opened as a Store.
    private func withVectors(_ body: (any SQLDatabase, any SQLDatabase) async throws -> Void) async throws {
        try await withMigratedDatabase(.postgres, readers: 2) { raw in
            try await raw.readers.with { first in
                try await raw.readers.with { second in try await body(first, second) }
            }
        }
    }

    private static func insert(_ id: String, _ title: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO items (kind, id, mechanism_id, title, search_text, updated_at, body)
            VALUES ('irritant', \(bind: id), 'm1', \(bind: title), '', '2025-02-18T12:00:00Z', '{}')
            """
        ).run()
    }

    private static func catchUp(_ db: any SQLDatabase) async throws -> Bool {
        try await Transaction.run(on: db, dialect: .postgres) { try await SearchIndex.catchUpVectors(on: $0) }
    }

    private static func state(_ db: any SQLDatabase) async throws -> (mark: Int64, pending: [Int64]) {
        let mark = try await db.raw("SELECT indexed_seq FROM search_progress").first()?
            .decode(column: "indexed_seq", as: Int64.self)
        let pending = try await db.raw("SELECT seq FROM items_fts_pending ORDER BY seq").all()
            .map { try $0.decode(column: "seq", as: Int64.self) }
        return (try #require(mark), pending)
    }

    private static func hits(_ word: String, _ db: any SQLDatabase) async throws -> [String] {
        try await db.raw(
            """
            SELECT items.id FROM items_search JOIN items ON items.seq = items_search.seq
            WHERE items_search.search @@ to_tsquery('simple', \(bind: word)) ORDER BY items.id
            """
        ).all().map { try $0.decode(column: "id", as: String.self) }
    }

    private static func count(_ table: String, _ db: any SQLDatabase) async throws -> Int {
        try #require(
            try await db.raw("SELECT count(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self)
        )
    }
}
