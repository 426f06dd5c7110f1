// PostgreSQL computed every row's full-text vector in the statement that wrote it (a generated
// column): `to_tsvector` was a fifth of the server's time in a 64-writer batch, all of it on the
// path each append waits for. With the vector computed apart, 64 writers appended 5,947 and
// 6,186 entries/s against 4,565 and 4,990 (issue 4's figures, two databases each). The vectors
// now live in `items_search`, filled the way SQLite's FTS5 index is (SearchIndex.catchUp): rows
// above the mark (`search_progress`) by their number, changed and deleted rows as a trigger
// notes them in `items_fts_pending`; a few times a second, and before every search.
import SQLKit

extension Migrations {
    static func computeSearchVectorsOffTheAppends(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        guard dialect == .postgres else { return }
        // Takes the GIN index on the column with it.
        try await db.raw("ALTER TABLE items DROP COLUMN search").run()
        try await db.raw("CREATE TABLE items_search (seq BIGINT PRIMARY KEY, search tsvector NOT NULL)").run()
        try await db.raw("CREATE INDEX items_search_words ON items_search USING GIN (search)").run()
        try await db.raw("CREATE TABLE items_fts_pending (seq BIGINT PRIMARY KEY)").run()
        try await db.raw(
            """
            CREATE TABLE search_progress (
                only_row INTEGER PRIMARY KEY CHECK (only_row = 1), indexed_seq BIGINT NOT NULL
            )
            """
        ).run()
        try await db.raw(
            "INSERT INTO items_search (seq, search) SELECT seq, \(SearchIndex.vector) FROM items"
        ).run()
        try await db.raw(
            "INSERT INTO search_progress (only_row, indexed_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM items"
        ).run()
        // A change to the searched text, or a deletion, is noted whatever the row's number: a
        // row above the mark may be indexed by a catch-up running beside the change, as it was
        // before it. Noting takes the pending row's lock (DO UPDATE, not DO NOTHING), so a
        // catch-up skips a row whose change is not yet committed rather than take it out of
        // `items_fts_pending` and index the text from before the change.
        try await db.raw(
            """
            CREATE FUNCTION items_note_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO items_fts_pending (seq) VALUES (OLD.seq)
                    ON CONFLICT (seq) DO UPDATE SET seq = EXCLUDED.seq;
                RETURN NULL;
            END
            $$
            """
        ).run()
        try await db.raw(
            """
            CREATE TRIGGER items_search_update AFTER UPDATE ON items FOR EACH ROW
                WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.search_text IS DISTINCT FROM NEW.search_text)
                EXECUTE FUNCTION items_note_search_change()
            """
        ).run()
        try await db.raw(
            """
            CREATE TRIGGER items_search_delete AFTER DELETE ON items FOR EACH ROW
                EXECUTE FUNCTION items_note_search_change()
            """
        ).run()
    }
}
