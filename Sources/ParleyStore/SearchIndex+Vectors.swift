// PostgreSQL's search vectors (Migrations+SearchOffTheAppends), brought up to date in short
// transactions of their own while writers go on: the catch-up never waits for a writer (it skips
// a noted row whose change is not yet committed), and a writer waits for it only to note a row
// again that it has just taken out of `items_fts_pending`. Rows reach the table in the order of
// their numbers: every write of `items` holds the `write_version` row's lock to its commit (see
// WriteQueue), so no row can commit below a number already committed.
import SQLKit

extension SearchIndex {
    /// The vector a row is searched by: its title and text in the 'simple' configuration (no
    /// stemming, so any language).
    static let vector: SQLQueryString = "to_tsvector('simple', title || ' ' || search_text)"

    /// Rows above the mark, and noted rows, indexed in one transaction at most, so that none
    /// runs long (a rebuild notes every row it deletes).
    static let vectorsPerTransaction: Int64 = 2_000

    /// Catch-ups from every server take turns on this advisory lock.
    private static let catchUpLock: Int64 = 0x7061_726C_6579_5F73  // "parley_s"

    /// Indexes up to `vectorsPerTransaction` noted rows and as many rows above the mark, in the
    /// caller's transaction; answers whether rows are left for another.
    static func catchUpVectors(on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT pg_advisory_xact_lock(\(literal: catchUpLock))").run()
        let noted = try await db.raw(
            """
            DELETE FROM items_fts_pending WHERE seq IN (
                SELECT seq FROM items_fts_pending LIMIT \(literal: Int(vectorsPerTransaction)) FOR UPDATE SKIP LOCKED
            ) RETURNING seq
            """
        ).all().map { try $0.decode(column: "seq", as: Int64.self) }
        let (mark, top) = try await progress(on: db)
        if !noted.isEmpty {
            // Taken out whether or not the row is still there; the ones at or below the mark put
            // back as they are now (those above it come with the rest above it).
            try await db.raw("DELETE FROM items_search WHERE seq = ANY(\(bind: noted))").run()
            try await db.raw(
                """
                INSERT INTO items_search (seq, search)
                SELECT seq, \(vector) FROM items WHERE seq = ANY(\(bind: noted)) AND seq <= \(bind: mark)
                """
            ).run()
        }
        let moreNoted = noted.count == vectorsPerTransaction
        let upTo = min(top, mark + vectorsPerTransaction)
        guard upTo > mark else { return moreNoted }
        try await db.raw(
            """
            INSERT INTO items_search (seq, search)
            SELECT seq, \(vector) FROM items WHERE seq > \(bind: mark) AND seq <= \(bind: upTo)
            ON CONFLICT (seq) DO UPDATE SET search = EXCLUDED.search
            """
        ).run()
        try await db.raw("UPDATE search_progress SET indexed_seq = \(bind: upTo)").run()
        return upTo < top || moreNoted
    }
}
