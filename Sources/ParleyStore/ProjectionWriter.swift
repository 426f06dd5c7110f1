// Writes the rows and counters a batch changed, in its transaction: one bulk upsert for the rows
// (the SQLite FTS5 triggers or PostgreSQL's generated tsvector follow by themselves) and one for
// the counters.
import ParleyCore
import SQLKit

enum ProjectionWriter {
    static func write(_ cache: StateCache, on db: any SQLDatabase) async throws {
        try await upsert(Array(cache.writtenRows.values), on: db)
        let counters = cache.writtenCounters.map { key in
            (key.log.description, key.kind.rawValue, Int64(cache.counters[key.log]?[key.kind] ?? 0))
        }
        try await upsertCounters(counters, on: db)
        cache.clearWritten()
    }

    static func upsert(_ rows: [ProjectionRow], on db: any SQLDatabase) async throws {
        // In (kind, id) order, the same on every server, so two never wait for each other's rows.
        let stored = try rows.map(StoredRow.init).sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        try await BulkWrite.insert(
            into: "items",
            columns: StoredRow.columns,
            rows: stored.map(\.bulkValues),
            tail: upsertTail,
            on: db
        )
    }

    private static let upsertTail: String =
        " ON CONFLICT (kind, id) DO UPDATE SET "
        + StoredRow.columns.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    static func upsertCounters(_ counters: [(log: String, kind: String, last: Int64)], on db: any SQLDatabase)
        async throws
    {
        let rows = counters.sorted(by: { ($0.log, $0.kind) < ($1.log, $1.kind) }).map {
            [BulkValue.text($0.log), .text($0.kind), .integer($0.last)]
        }
        try await BulkWrite.insert(
            into: "counters",
            columns: ["log_id", "kind", "last"],
            rows: rows,
            tail: " ON CONFLICT (log_id, kind) DO UPDATE SET last = excluded.last",
            on: db
        )
    }
}
