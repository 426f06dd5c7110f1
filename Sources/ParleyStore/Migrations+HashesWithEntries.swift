// The hashes an append stores (the leaf's own and one per perfect subtree it completes, on average
// two) were rows of `log_hashes`, one B-tree more to write per commit and one more row per hash
// for `verify` to read (issue 4's figures: 1.6 of a commit's 16 pages, and a sixth of verify's
// time). Now they sit end to end in the entry's own row, in the same storage order, so an append
// writes one row per entry and `verify` reads each entry with its hashes in one step. The
// Merkle layout (which hash has which storage index) is unchanged: `Merkle.storedHashOwner`
// says in which entry's row a stored hash lives.
//
// Existing hashes are carried over as they are, not recomputed: a hash that was altered or
// missing stays so, and `parley verify` still names it.
import ParleyRecord
import SQLKit

extension Migrations {
    static func storeHashesWithEntries(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        let blob = dialect == .sqlite ? "BLOB" : "BYTEA"
        let clustered = dialect == .sqlite ? " WITHOUT ROWID" : ""
        try await db.raw(
            """
            CREATE TABLE entries_with_hashes (
                log_id TEXT NOT NULL REFERENCES logs (id), idx BIGINT NOT NULL,
                body \(unsafeRaw: blob) NOT NULL, hashes \(unsafeRaw: blob) NOT NULL,
                PRIMARY KEY (log_id, idx)
            )\(unsafeRaw: clustered)
            """
        ).run()
        let logs = try await db.raw("SELECT DISTINCT log_id FROM entries ORDER BY log_id").all()
            .map { try $0.decode(column: "log_id", as: String.self) }
        for log in logs {
            var start: Int64 = 0
            while let rows = try await entriesWithHashes(log, from: start, on: db) {
                try await BulkWrite.insert(
                    into: "entries_with_hashes",
                    columns: ["log_id", "idx", "body", "hashes"],
                    rows: rows.map { [.text(log), .integer($0.index), .bytes($0.body), .bytes($0.hashes)] },
                    on: db
                )
                start = rows.last!.index + 1
            }
        }
        try await db.raw("DROP TABLE entries").run()
        try await db.raw("DROP TABLE log_hashes").run()
        try await db.raw("ALTER TABLE entries_with_hashes RENAME TO entries").run()
        if dialect == .postgres {
            try await db.raw("ALTER TABLE entries RENAME CONSTRAINT entries_with_hashes_pkey TO entries_pkey").run()
        }
    }

    /// Up to a thousand entries of `log` from index `start` on, each with the `log_hashes` rows
    /// its append stored, end to end; nil past the last entry.
    private static func entriesWithHashes(_ log: String, from start: Int64, on db: any SQLDatabase) async throws
        -> [(index: Int64, body: [UInt8], hashes: [UInt8])]?
    {
        let entries = try await db.raw(
            """
            SELECT idx, body FROM entries WHERE log_id = \(bind: log) AND idx >= \(bind: start)
            ORDER BY idx LIMIT 1000
            """
        ).all().map { (index: try $0.decode(column: "idx", as: Int64.self), body: try $0.bytes("body")) }
        guard let first = entries.first?.index, let last = entries.last?.index else { return nil }
        var hashes: [Int64: [UInt8]] = [:]
        for row in try await db.raw(
            """
            SELECT idx, hash FROM log_hashes WHERE log_id = \(bind: log)
            AND idx >= \(bind: Merkle.storedHashCount(forSize: first))
            AND idx < \(bind: Merkle.storedHashCount(forSize: last + 1)) ORDER BY idx
            """
        ).all() {
            let owner = Merkle.storedHashOwner(try row.decode(column: "idx", as: Int64.self))
            hashes[owner.leaf, default: []] += try row.bytes("hash")
        }
        return entries.map { ($0.index, $0.body, hashes[$0.index] ?? []) }
    }
}
