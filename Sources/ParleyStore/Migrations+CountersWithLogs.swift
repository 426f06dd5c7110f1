// Each log's reference counters move from the `counters` table into its own row of `logs` (see
// ReferenceCounters): one B-tree page less to write at every append that issues a reference.
// A counter of a log that has no row has no entry behind it (a log's row is made with its first
// entry, in the same transaction as any counter it moves), so it is not carried over.
import ParleyCore
import SQLKit

extension Migrations {
    static func keepReferenceCountersWithTheirLog(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        try await db.raw("ALTER TABLE logs ADD COLUMN counters TEXT").run()
        var byLog: [String: [ReferenceKind: Int]] = [:]
        for row in try await db.raw("SELECT log_id, kind, last FROM counters").all() {
            let log = try row.decode(column: "log_id", as: String.self)
            let kind = try row.decode(column: "kind", as: String.self)
            guard let parsed = ReferenceKind(rawValue: kind) else {
                throw StoreError.database(
                    "counters hold an unknown kind \(kind) for \(log); run `parley rebuild` first"
                )
            }
            byLog[log, default: [:]][parsed] = Int(try row.decode(column: "last", as: Int64.self))
        }
        for (log, values) in byLog.sorted(by: { $0.key < $1.key }) {
            try await db.raw(
                "UPDATE logs SET counters = \(bind: ReferenceCounters.text(values)) WHERE id = \(bind: log)"
            ).run()
        }
        try await db.raw("DROP TABLE counters").run()
    }
}
