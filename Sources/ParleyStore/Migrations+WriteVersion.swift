// On PostgreSQL the decision state (rows, counters, log tails) lived for one batch only: another
// server on the same database may have written since, and nothing said so. Reloading it cost a
// round trip per query, several per batch (issue 4's figures: 2.2 ms of a one-writer append's
// 6 ms). One counter row now says so, as SQLite's data version does: every write transaction
// counts it up first (see WriteQueue), and a writer keeps its state while the count is the one its
// own last commit left.
import SQLKit

extension Migrations {
    static func countWriteTransactions(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        guard dialect == .postgres else { return }
        try await db.raw(
            """
            CREATE TABLE write_version (
                only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row), version BIGINT NOT NULL
            )
            """
        ).run()
        try await db.raw("INSERT INTO write_version (only_row, version) VALUES (TRUE, 0)").run()
    }
}
