// SQLite keeps a table with a composite primary key as a rowid table plus a separate index: every
// entry, stored hash and checkpoint was written twice (the row and its key) and read through two
// B-trees. Rebuilt WITHOUT ROWID, each is one B-tree ordered by (log, index), so an append writes
// fewer pages per commit and `verify` reads a log in key order. PostgreSQL keeps its heap and
// primary-key index as they are: there is nothing to change there.
import SQLKit

extension Migrations {
    static func clusterLogTables(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        guard dialect == .sqlite else { return }
        let tables: [(name: String, key: String, value: String)] = [
            ("entries", "idx BIGINT NOT NULL", "body BLOB NOT NULL"),
            ("log_hashes", "idx BIGINT NOT NULL", "hash BLOB NOT NULL"),
            ("checkpoints", "size BIGINT NOT NULL", "note TEXT NOT NULL"),
        ]
        for table in tables {
            let key = String(table.key.prefix { $0 != " " })
            let value = String(table.value.prefix { $0 != " " })
            try await db.raw(
                """
                CREATE TABLE \(unsafeRaw: table.name)_clustered (
                    log_id TEXT NOT NULL REFERENCES logs (id), \(unsafeRaw: table.key), \(unsafeRaw: table.value),
                    PRIMARY KEY (log_id, \(unsafeRaw: key))
                ) WITHOUT ROWID
                """
            ).run()
            try await db.raw(
                """
                INSERT INTO \(unsafeRaw: table.name)_clustered (log_id, \(unsafeRaw: key), \(unsafeRaw: value))
                SELECT log_id, \(unsafeRaw: key), \(unsafeRaw: value) FROM \(unsafeRaw: table.name)
                """
            ).run()
            try await db.raw("DROP TABLE \(unsafeRaw: table.name)").run()
            try await db.raw("ALTER TABLE \(unsafeRaw: table.name)_clustered RENAME TO \(unsafeRaw: table.name)").run()
        }
    }
}
