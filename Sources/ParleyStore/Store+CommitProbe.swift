// The yardstick for the store's append figures: how many durable commits per second the database
// itself manages on this disk, with the store's own settings (SQLite WAL + synchronous=FULL, or
// the PostgreSQL server as configured) and one small row per transaction.
import Foundation
import SQLKit

extension Store {
    /// Commits `rows` one-row transactions into a scratch table of the store's database and answers
    /// the rate in commits per second. The table is dropped afterwards; nothing else is touched.
    public func rawCommitRate(rows: Int) async throws -> Double {
        let dialect = database.dialect
        return try await database.writers.with { db in
            try await db.raw("DROP TABLE IF EXISTS commit_probe").run()
            try await db.raw("CREATE TABLE commit_probe (n BIGINT PRIMARY KEY, body TEXT NOT NULL)").run()
            let body = String(repeating: "x", count: 500)
            let started = Date()
            for n in 0..<rows {
                try await Transaction.run(on: db, dialect: dialect) { tx in
                    try await tx.raw("INSERT INTO commit_probe (n, body) VALUES (\(bind: n), \(bind: body))").run()
                }
            }
            let elapsed = Date().timeIntervalSince(started)
            try await db.raw("DROP TABLE commit_probe").run()
            return Double(rows) / max(elapsed, 1e-9)
        }
    }
}
