// The search index kept apart from the appends, on both databases: an append writes its row and
// nothing more; the index takes in many rows at a time, a few times a second (Store+SearchIndex)
// and before every search, so a search sees every change committed before it.
import SQLKit

/// Bringing the search index up to date: the rows noted since it last caught up, and the rows
/// above its mark (see Migrations+SearchWatermark). SQLite: its FTS5 index (`catchUp`, in a write
/// transaction). PostgreSQL: the vectors in `items_search` (`catchUpVectors`, beside the
/// writers; see Migrations+SearchOffTheAppends).
enum SearchIndex {
    /// Whether anything is left to index: a read, so that an idle server takes no write turn.
    static let backlogQuery: SQLQueryString = """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM items_fts_pending)
            OR (SELECT COALESCE(MAX(seq), 0) FROM items) > (SELECT indexed_seq FROM search_progress)
            THEN 1 ELSE 0 END AS backlog
        """

    /// The index's mark and the highest row number there is.
    static func progress(on db: any SQLDatabase) async throws -> (mark: Int64, top: Int64) {
        guard
            let progress = try await db.raw(
                """
                SELECT (SELECT indexed_seq FROM search_progress) AS mark,
                    (SELECT COALESCE(MAX(seq), 0) FROM items) AS top
                """
            ).first()
        else { throw StoreError.database("the search_progress row is missing; run `parley migrate`") }
        return (try progress.decode(column: "mark", as: Int64.self), try progress.decode(column: "top", as: Int64.self))
    }

    static func catchUp(on db: any SQLDatabase, dialect: Dialect) async throws {
        guard dialect == .sqlite else { return }
        let (mark, top) = try await progress(on: db)
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
