// SQLite's search index and its mark (Migrations+SearchWatermark): rows above the mark are
// indexed by their rowid without being noted; a change to a row at or below it is noted; a
// deleted row's reused rowid is indexed afresh. PostgreSQL has no such index.

import Foundation
import SQLKit
import Testing

@testable import ParleyStore

@Suite struct SearchMarkTests {
    @Test func rowsAboveTheMarkAreIndexedWithoutBeingNotedAndChangesBelowItAreNoted() async throws {
        try await withMigratedDatabase(.sqlite) { raw in
            try await raw.writers.with { db in
                func insert(_ id: String, _ title: String) async throws {
                    try await db.raw(
                        """
                        INSERT INTO items (kind, id, mechanism_id, title, search_text, updated_at, body)
                        VALUES ('irritant', \(bind: id), 'm1', \(bind: title), '', '2025-02-18T12:00:00Z', '{}')
                        """
                    ).run()
                }
                func state() async throws -> (mark: Int64, pending: [Int64]) {
                    let mark = try await db.raw("SELECT indexed_seq FROM search_progress").first()?
                        .decode(column: "indexed_seq", as: Int64.self)
                    let pending = try await db.raw("SELECT seq FROM items_fts_pending ORDER BY seq").all()
                        .map { try $0.decode(column: "seq", as: Int64.self) }
                    return (try #require(mark), pending)
                }
                func hits(_ word: String) async throws -> [String] {
                    try await db.raw(
                        """
                        SELECT items.id FROM items_fts JOIN items ON items.seq = items_fts.rowid
                        WHERE items_fts MATCH \(bind: word) ORDER BY items.id
                        """
                    ).all().map { try $0.decode(column: "id", as: String.self) }
                }

                // New rows: above the mark, nothing noted; a catch-up indexes them and moves it.
                try await insert("i1", "Consular staffing")
                try await insert("i2", "Property of missions")
                #expect(try await state() == (0, []))
                try await SearchIndex.catchUp(on: db, dialect: .sqlite)
                #expect(try await state() == (2, []))
                #expect(try await hits("missions") == ["i2"])

                // A change to an indexed row is noted, and indexed as it ends.
                try await db.raw("UPDATE items SET title = 'Consular quotas' WHERE id = 'i1'").run()
                #expect(try await state() == (2, [1]))
                // A row above the mark changed before the catch-up is not noted: it is indexed
                // as it ends, once.
                try await insert("i3", "Visa backlog")
                try await db.raw("UPDATE items SET title = 'Visa waivers' WHERE id = 'i3'").run()
                #expect(try await state() == (2, [1]))
                try await SearchIndex.catchUp(on: db, dialect: .sqlite)
                #expect(try await state() == (3, []))
                #expect(try await hits("staffing").isEmpty)
                #expect(try await hits("quotas") == ["i1"])
                #expect(try await hits("backlog").isEmpty)
                #expect(try await hits("waivers") == ["i3"])
                let count = try await db.raw("SELECT count(*) AS n FROM items_fts").first()?
                    .decode(column: "n", as: Int.self)
                #expect(count == 3)

                // The highest row deleted and its rowid taken again: both noted, the old words
                // gone, the new ones found.
                try await db.raw("DELETE FROM items WHERE id = 'i3'").run()
                try await insert("i4", "Embassy parking")
                let reused = try await db.raw("SELECT seq FROM items WHERE id = 'i4'").first()?
                    .decode(column: "seq", as: Int64.self)
                #expect(reused == 3)
                #expect(try await state() == (3, [3]))
                try await SearchIndex.catchUp(on: db, dialect: .sqlite)
                #expect(try await state() == (3, []))
                #expect(try await hits("waivers").isEmpty)
                #expect(try await hits("parking") == ["i4"])
            }
        }
    }

    @Test func theMarkStartsAboveEveryRowAndWhatWasNotedStaysNoted() async throws {
        try await withOlderSchema(.sqlite, migrations: 12) { db, _ in
            for (id, title) in [("i1", "Consular staffing"), ("i2", "Property of missions")] {
                try await db.raw(
                    """
                    INSERT INTO items (kind, id, mechanism_id, title, search_text, updated_at, body)
                    VALUES ('irritant', \(bind: id), 'm1', \(bind: title), '', '2025-02-18T12:00:00Z', '{}')
                    """
                ).run()
            }
        } then: { _, database in
            let migrated = try await database.open(migrate: true)
            let (mark, pending) = try await migrated.read { db in
                (
                    try await db.raw("SELECT indexed_seq FROM search_progress").first()?
                        .decode(column: "indexed_seq", as: Int64.self),
                    try await db.raw("SELECT count(*) AS n FROM items_fts_pending").first()?
                        .decode(column: "n", as: Int.self)
                )
            }
            #expect(mark == 2)
            // Both rows were noted under the old triggers (unless the indexer already ran).
            #expect(pending == 2 || pending == 0)
            try await migrated.catchUpSearchIndex()
            let found = try await migrated.read { db in
                try await db.raw(
                    """
                    SELECT items.id FROM items_fts JOIN items ON items.seq = items_fts.rowid
                    WHERE items_fts MATCH 'consular OR missions' ORDER BY items.id
                    """
                ).all().map { try $0.decode(column: "id", as: String.self) }
            }
            #expect(found == ["i1", "i2"])
            await migrated.close()
        }
    }
}
