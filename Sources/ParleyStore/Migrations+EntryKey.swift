// Every log gets a number, and `entries` is keyed by one integer made of its log's number and
// its index (see EntryKey): on SQLite a rowid table instead of a WITHOUT ROWID one keyed by
// (log id, index). Rows are copied as they are, bytes and stored hashes unchanged, so whatever
// `parley verify` would have named before it still names.
import SQLKit

extension Migrations {
    static func keyEntriesByLogNumberAndIndex(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        try await db.raw("ALTER TABLE logs ADD COLUMN num BIGINT").run()
        try await db.raw("UPDATE logs SET num = (SELECT COUNT(*) FROM logs AS o WHERE o.id <= logs.id)").run()
        try await db.raw("CREATE UNIQUE INDEX logs_by_num ON logs (num)").run()
        let (key, blob) = dialect == .sqlite ? ("INTEGER", "BLOB") : ("BIGINT", "BYTEA")
        try await db.raw(
            """
            CREATE TABLE entries_keyed (
                entry_key \(unsafeRaw: key) PRIMARY KEY,
                body \(unsafeRaw: blob) NOT NULL, hashes \(unsafeRaw: blob) NOT NULL
            )
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO entries_keyed (entry_key, body, hashes)
            SELECT l.num * \(literal: Int(EntryKey.indexLimit)) + e.idx, e.body, e.hashes
            FROM entries AS e JOIN logs AS l ON l.id = e.log_id ORDER BY 1
            """
        ).run()
        try await db.raw("DROP TABLE entries").run()
        try await db.raw("ALTER TABLE entries_keyed RENAME TO entries").run()
        if dialect == .postgres {
            try await db.raw("ALTER TABLE entries RENAME CONSTRAINT entries_keyed_pkey TO entries_pkey").run()
        }
    }
}
