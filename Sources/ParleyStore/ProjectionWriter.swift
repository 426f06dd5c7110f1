// Writes the rows and counters a batch changed, in its transaction: one bulk upsert for the rows
// (the search index follows later: see SearchIndex), and the
// counters of each log in its row of `logs`.
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
        // Each log's counters whole: a command's logs have theirs loaded before it issues a
        // number (see Store+Execute), and a rebuild starts them from none.
        let logs = Set(cache.writtenCounters.map(\.log))
        let counters = logs.map { (log: $0.description, values: cache.counters[$0] ?? [:]) }
        try await writeCounters(counters, on: db, combining: combined)
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

    /// Stores each log's counters in its row of `logs` (see ReferenceCounters).
    static func writeCounters(
        _ counters: [(log: String, values: [ReferenceKind: Int])],
        on db: any SQLDatabase,
        combining combined: CombinedWrite? = nil
    ) async throws {
        for (log, values) in counters.sorted(by: { $0.log < $1.log }) {
            let text = ReferenceCounters.text(values)
            if let combined {
                combined.setCounters(of: log, to: text)
            } else {
                try await db.raw("UPDATE logs SET counters = \(bind: text) WHERE id = \(bind: log)").run()
            }
        }
    }
}
