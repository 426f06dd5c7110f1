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
            try await db.raw(upsertStatement(chunk)).run()
            start += rowsPerStatement
        }
    }

    // Plain SQL (the same on SQLite and PostgreSQL): the builder's serialisation of an
    // eleven-column upsert costs more than running it.
    private static let upsertTail: String =
        " ON CONFLICT (kind, id) DO UPDATE SET "
        + StoredRow.columns.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    private static func upsertStatement(_ rows: ArraySlice<StoredRow>) -> SQLQueryString {
        var sql: SQLQueryString = "INSERT INTO items (\(unsafeRaw: StoredRow.columns.joined(separator: ", "))) VALUES "
        for (n, row) in rows.enumerated() {
            sql.appendLiteral(n == 0 ? "(" : ", (")
            for (i, value) in row.values.enumerated() {
                if i > 0 { sql.appendLiteral(", ") }
                sql.appendInterpolation(bind: value)
            }
            sql.appendLiteral(")")
        }
        sql.appendLiteral(upsertTail)
        return sql
    }

    static func upsertCounters(_ counters: [(log: String, kind: String, last: Int64)], on db: any SQLDatabase)
        async throws
    {
        guard !counters.isEmpty else { return }
        let rows: [SQLQueryString] = counters.sorted(by: { ($0.log, $0.kind) < ($1.log, $1.kind) }).map {
            "(\(bind: $0.log), \(bind: $0.kind), \(bind: $0.last))"
        }
        try await db.raw(
            "INSERT INTO counters (log_id, kind, last) VALUES " + rows.joined(separator: ", ")
                + " ON CONFLICT (log_id, kind) DO UPDATE SET last = excluded.last"
        ).run()
    }
}
