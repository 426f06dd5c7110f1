// SQLite: every row a commit inserted into `items` was also noted in `items_fts_pending` for the
// search index, one more B-tree page written and synced per append (issue 4's WAL frames). A new
// row's `seq` is above every row the index already holds, so the index now keeps how far it has
// indexed (`search_progress`), and the rows above that mark are found by their rowid alone. The
// triggers note only a change to a row at or below the mark: one the index already holds, or a
// deleted row's reused rowid.
import SQLKit

extension Migrations {
    static func markHowFarSearchIsIndexed(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        guard dialect == .sqlite else { return }
        try await db.raw(
            """
            CREATE TABLE search_progress (
                only_row INTEGER PRIMARY KEY CHECK (only_row = 1), indexed_seq INTEGER NOT NULL
            )
            """
        ).run()
        // Every row there is now is at or below the mark: those not yet indexed are already noted.
        try await db.raw(
            "INSERT INTO search_progress (only_row, indexed_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM items"
        ).run()
        for trigger in ["items_fts_insert", "items_fts_update", "items_fts_delete"] {
            try await db.raw("DROP TRIGGER \(unsafeRaw: trigger)").run()
        }
        try await createSearchTriggers(db, atOrBelowMark: true)
    }
}
