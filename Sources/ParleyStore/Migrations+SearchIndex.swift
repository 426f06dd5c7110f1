// SQLite's FTS5 writes the terms it holds in memory out as a new index segment whenever a
// savepoint opens, and every statement that writes to `items` through a trigger opens one: each
// projected row cost a segment of its own, and then the work of merging them (issue 4's append
// figures). Now the triggers only note which rows changed, in `items_fts_pending`, and those are
// indexed many at a time (SearchIndex.catchUp: a few times a second, and before any search; see
// Store+SearchIndex), so a search still sees every committed change. The index keeps no copy of
// the text (`items` has it) and is built with contentless_delete, so a changed row is taken out
// by its rowid alone. PostgreSQL's generated tsvector needs none of this.
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

/// Bringing the SQLite search index up to date: the rows noted since it last caught up, and
/// the rows above its mark (see Migrations+SearchWatermark).
enum SearchIndex {
    /// Whether anything is left to index: a read, so that an idle server takes no write turn.
    static let backlogQuery: SQLQueryString = """
        SELECT EXISTS (SELECT 1 FROM items_fts_pending)
            OR (SELECT COALESCE(MAX(seq), 0) FROM items) > (SELECT indexed_seq FROM search_progress) AS backlog
        """

    static func catchUp(on db: any SQLDatabase, dialect: Dialect) async throws {
        guard dialect == .sqlite else { return }
        guard
            let progress = try await db.raw(
                """
                SELECT (SELECT indexed_seq FROM search_progress) AS mark,
                    (SELECT COALESCE(MAX(seq), 0) FROM items) AS top
                """
            ).first()
        else { throw StoreError.database("the search_progress row is missing; run `parley migrate`") }
        let mark = try progress.decode(column: "mark", as: Int64.self)
        let top = try progress.decode(column: "top", as: Int64.self)
        let pending = try await db.raw("SELECT seq FROM items_fts_pending").all()
        guard !pending.isEmpty || top > mark else { return }
        // Each noted row out first, whether or not it is in: a contentless index does not refuse
        // a second entry under one rowid, and taking out an absent one changes nothing.
        for row in pending {
            try await db.raw(
                "DELETE FROM items_fts WHERE rowid = \(bind: try row.decode(column: "seq", as: Int64.self))"
            )
            .run()
        }
        // The noted rows (all at or below the mark), then every row above it, each once.
        try await db.raw(
            """
            INSERT INTO items_fts (rowid, title, search_text)
            SELECT items.seq, items.title, items.search_text FROM items_fts_pending JOIN items ON items.seq = items_fts_pending.seq
            WHERE items.seq <= \(bind: mark)
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO items_fts (rowid, title, search_text)
            SELECT seq, title, search_text FROM items WHERE seq > \(bind: mark)
            """
        ).run()
        try await db.raw("UPDATE search_progress SET indexed_seq = \(bind: max(mark, top))").run()
        try await db.raw("DELETE FROM items_fts_pending").run()
    }
}
