// Writes the rows and counters a batch changed, in its transaction: one bulk upsert for the rows
// (the SQLite FTS5 triggers or PostgreSQL's generated tsvector follow by themselves) and one for
// the counters.
import ParleyCore
import SQLKit

enum ProjectionWriter {
    /// `encoded` holds rows already being encoded, each for the value `cache` holds now.
    static func write(
        _ cache: StateCache,
        on db: any SQLDatabase,
        encoded: [MemoryState.RowKey: Task<StoredRow, any Error>] = [:],
        combining combined: CombinedWrite? = nil
    ) async throws {
        var stored: [StoredRow] = []
        stored.reserveCapacity(cache.writtenRows.count)
        for (key, row) in cache.writtenRows {
            if let encoding = encoded[key] {
                stored.append(try await encoding.value)
            } else {
                stored.append(try StoredRow(row))
            }
        }
        try await upsert(stored, on: db, combining: combined)
        let counters = cache.writtenCounters.map { key in
            (key.log.description, key.kind.rawValue, Int64(cache.counters[key.log]?[key.kind] ?? 0))
        }
        try await upsertCounters(counters, on: db, combining: combined)
        cache.clearWritten()
    }

    static func upsert(_ rows: [StoredRow], on db: any SQLDatabase, combining combined: CombinedWrite? = nil)
        async throws
    {
        // In (kind, id) order, the same on every server, so two never wait for each other's rows.
        let sorted = rows.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        try await BulkWrite.insert(
            into: "items",
            columns: StoredRow.columns,
            rows: sorted.map(\.bulkValues),
            tail: upsertTail,
            on: db,
            combining: combined
        )
    }

    private static let upsertTail: String =
        " ON CONFLICT (id, kind) DO UPDATE SET "
        + StoredRow.columns.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    static func upsertCounters(
        _ counters: [(log: String, kind: String, last: Int64)],
        on db: any SQLDatabase,
        combining combined: CombinedWrite? = nil
    ) async throws {
        let rows = counters.sorted(by: { ($0.log, $0.kind) < ($1.log, $1.kind) }).map {
            [BulkValue.text($0.log), .text($0.kind), .integer($0.last)]
        }
        try await BulkWrite.insert(
            into: "counters",
            columns: ["log_id", "kind", "last"],
            rows: rows,
            tail: " ON CONFLICT (log_id, kind) DO UPDATE SET last = excluded.last",
            on: db,
            combining: combined
        )
    }
}
