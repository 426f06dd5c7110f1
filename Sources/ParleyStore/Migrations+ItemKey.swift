// `items` had two indexes that lead with an item's id: the (kind, id) key and, for lookups by id
// alone, an index on id. Every projected row wrote both (issue 4's append figures: each index of
// `items` is a page of every commit). One unique index on (id, kind) serves the key, the upsert's
// conflict target and lookups by id alone. SQLite cannot drop a table's own UNIQUE clause, so
// there the table is rebuilt, rows and `seq` (the search index's rowid) as they were, with its
// indexes and search triggers made again.
import SQLKit

extension Migrations {
    static func oneIndexForItemIDs(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        guard dialect == .sqlite else {
            try await db.raw("ALTER TABLE items DROP CONSTRAINT items_kind_id_key").run()
            try await db.raw("CREATE UNIQUE INDEX items_key ON items (id, kind)").run()
            try await db.raw("DROP INDEX items_by_id").run()
            return
        }
        try await db.raw(
            """
            CREATE TABLE items_keyed (
                seq INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                id TEXT NOT NULL,
                mechanism_id TEXT NOT NULL,
                owner_party TEXT,
                reference TEXT,
                about TEXT,
                status TEXT,
                title TEXT NOT NULL,
                search_text TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                body TEXT NOT NULL
            )
            """
        ).run()
        try await db.raw("INSERT INTO items_keyed SELECT * FROM items").run()
        // Dropping the table drops its indexes and triggers; the search index keeps its rows.
        try await db.raw("DROP TABLE items").run()
        try await db.raw("ALTER TABLE items_keyed RENAME TO items").run()
        try await db.raw("CREATE UNIQUE INDEX items_key ON items (id, kind)").run()
        try await db.raw("CREATE INDEX items_by_reference ON items (mechanism_id, reference)").run()
        try await db.raw("CREATE INDEX items_in_order ON items (mechanism_id, kind, seq, owner_party)").run()
        try await db.raw("CREATE INDEX items_by_status ON items (mechanism_id, kind, status, seq, owner_party)").run()
        try await db.raw("CREATE INDEX items_by_title ON items (title) WHERE kind = 'account'").run()
        try await db.raw("CREATE INDEX items_by_about ON items (about) WHERE about IS NOT NULL").run()
        try await createSearchTriggers(db)
    }
}
