// The store kept every log's latest checkpoint as a row of `checkpoints`, inserted and the one
// before it pruned at every commit: one B-tree more to write per commit (issue 4's figures: a
// page of every append). The latest now sits in the log's own row, beside the size it signs and
// written with it; `checkpoints` keeps the history only, the first checkpoint at or after every
// 1,024 entries, which a commit adds to once in a thousand.
import SQLKit

extension Migrations {
    static func keepTheLatestCheckpointWithItsLog(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        try await db.raw("ALTER TABLE logs ADD COLUMN checkpoint TEXT").run()
        try await db.raw(
            """
            UPDATE logs SET checkpoint = (
                SELECT note FROM checkpoints c WHERE c.log_id = logs.id ORDER BY c.size DESC LIMIT 1
            )
            """
        ).run()
        let spacing = LogWriter.checkpointSpacing
        try await db.raw(
            """
            DELETE FROM checkpoints WHERE size > (
                SELECT MIN(f.size) FROM checkpoints f
                WHERE f.log_id = checkpoints.log_id AND f.size / \(literal: spacing) = checkpoints.size / \(literal: spacing)
            )
            """
        ).run()
    }
}
