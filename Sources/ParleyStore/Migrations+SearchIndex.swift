// SQLite's FTS5 writes the terms it holds in memory out as a new index segment whenever a
// savepoint opens, and every statement that writes to `items` through a trigger opens one: each
// projected row cost a segment of its own, and then the work of merging them (issue 4's append
// figures). Now the triggers only note which rows changed, in `items_fts_pending`, and those are
// indexed many at a time (SearchIndex.catchUp: a few times a second, and before any search; see
// Store+SearchIndex), so a search still sees every committed change. The index keeps no copy of
// the text (`items` has it) and is built with contentless_delete, so a changed row is taken out
// by its rowid alone. PostgreSQL keeps its vectors the same way (see Migrations+SearchOffTheAppends).
import SQLKit

extension Migrations {
    static func indexSearchOncePerTransaction(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        guard dialect == .sqlite else { return }
        for trigger in ["items_fts_insert", "items_fts_update", "items_fts_delete"] {
            try await db.raw("DROP TRIGGER \(unsafeRaw: trigger)").run()
        }
        try await db.raw("DROP TABLE items_fts").run()
        try await db.raw(
            """
            CREATE VIRTUAL TABLE items_fts USING fts5(
                title, search_text, content='', contentless_delete=1,
                tokenize='unicode61 remove_diacritics 2')
            """
        ).run()
        try await db.raw("CREATE TABLE items_fts_pending (seq INTEGER PRIMARY KEY)").run()
        try await createSearchTriggers(db)
        try await db.raw("INSERT INTO items_fts (rowid, title, search_text) SELECT seq, title, search_text FROM items")
            .run()
    }
}

extension Migrations {
    /// The triggers that note each changed row of `items` for the search index; with
    /// `atOrBelowMark`, only a row at or below the index's mark (see Migrations+SearchWatermark).
    static func createSearchTriggers(_ db: any SQLDatabase, atOrBelowMark: Bool = false) async throws {
        // Not INSERT OR IGNORE: an upsert's own conflict clause overrides those of its triggers.
        let triggers = [
            ("items_fts_insert", "AFTER INSERT", "new.seq"),
            ("items_fts_update", "AFTER UPDATE", "old.seq"),
            ("items_fts_delete", "AFTER DELETE", "old.seq"),
        ]
        for (name, event, seq) in triggers {
            let when: SQLQueryString =
                atOrBelowMark ? " WHEN \(unsafeRaw: seq) <= (SELECT indexed_seq FROM search_progress)" : ""
            try await db.raw(
                """
                CREATE TRIGGER \(unsafeRaw: name) \(unsafeRaw: event) ON items\(when) BEGIN
                    INSERT INTO items_fts_pending (seq) SELECT \(unsafeRaw: seq)
                    WHERE NOT EXISTS (SELECT 1 FROM items_fts_pending WHERE seq = \(unsafeRaw: seq));
                END
                """
            ).run()
        }
    }
}
