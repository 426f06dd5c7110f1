// Writes the rows and counters a job changed, in the job's transaction: one multi-row upsert for
// the rows (the SQLite FTS5 triggers or PostgreSQL's generated tsvector follow by themselves) and
// one for the counters.
import ParleyCore
import SQLKit

enum ProjectionWriter {
    /// Rows per INSERT statement: 11 binds each stays far below SQLite's 32,766-bind limit.
    static let rowsPerStatement = 500

    static func write(_ cache: StateCache, on db: any SQLDatabase) async throws {
        try await upsert(Array(cache.writtenRows.values), on: db)
        let counters = cache.writtenCounters.map { key in
            (key.log.description, key.kind.rawValue, Int64(cache.counters[key.log]?[key.kind] ?? 0))
        }
        try await upsertCounters(counters, on: db)
        cache.clearWritten()
    }

    static func upsert(_ rows: [ProjectionRow], on db: any SQLDatabase) async throws {
        let stored = try rows.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }.map(StoredRow.init)
        var start = 0
        while start < stored.count {
            let chunk = stored[start..<min(start + rowsPerStatement, stored.count)]
            var insert = db.insert(into: "items").columns(StoredRow.columns)
            for row in chunk { insert = insert.values(row.binds) }
            try await insert.onConflict(with: ["kind", "id"]) { update in
                var update = update
                for column in StoredRow.columns.dropFirst(2) { update = update.set(excludedValueOf: column) }
                return update
            }.run()
            start += rowsPerStatement
        }
    }

    static func upsertCounters(_ counters: [(log: String, kind: String, last: Int64)], on db: any SQLDatabase)
        async throws
    {
        guard !counters.isEmpty else { return }
        var insert = db.insert(into: "counters").columns("log_id", "kind", "last")
        for c in counters.sorted(by: { ($0.log, $0.kind) < ($1.log, $1.kind) }) {
            insert = insert.values(SQLBind(c.log), SQLBind(c.kind), SQLBind(c.last))
        }
        try await insert.onConflict(with: ["log_id", "kind"]) { $0.set(excludedValueOf: "last") }.run()
    }
}
