// PostgreSQL answers every statement with a round trip, several hundred microseconds on a loopback
// connection (issue 4's figures: one writer's append took 13 of them against the raw commit's 3).
// A batch's writes (entries with their hashes, projection rows, counters, log sizes, checkpoints)
// touch different tables or different rows and none needs to see another's effect, so they are
// sent as one statement: all but the last as data-modifying common table expressions (PostgreSQL
// manual §7.8.4, "Data-Modifying Statements in WITH"), which run together on one snapshot.
// SQLite has no round trips to save; its writes run as they come (see BulkWrite).
import SQLKit

final class CombinedWrite: @unchecked Sendable {
    private var statements: [(sql: SQLQueryString, binds: Int)] = []

    /// Bound values in one combined statement at most: PostgreSQL's protocol allows 65,535.
    static let bindLimit = 30_000

    var isEmpty: Bool { statements.isEmpty }

    /// Keeps a statement (an INSERT, UPDATE or DELETE) with `binds` bound values for `run`.
    func add(_ sql: SQLQueryString, binds: Int) {
        statements.append((sql, binds))
    }

    /// Runs what was kept, as few statements as the bind limit allows, and empties itself.
    func run(on db: any SQLDatabase) async throws {
        var group: [SQLQueryString] = []
        var binds = 0
        for statement in statements {
            if !group.isEmpty, binds + statement.binds > Self.bindLimit {
                try await db.raw(Self.combined(group)).run()
                (group, binds) = ([], 0)
            }
            group.append(statement.sql)
            binds += statement.binds
        }
        statements = []
        if !group.isEmpty { try await db.raw(Self.combined(group)).run() }
    }

    /// `WITH w0 AS (first), w1 AS (second), … last`.
    static func combined(_ group: [SQLQueryString]) -> SQLQueryString {
        guard group.count > 1, let last = group.last else { return group.first ?? "" }
        var sql: SQLQueryString = "WITH "
        for (i, statement) in group.dropLast().enumerated() {
            sql.appendLiteral(i == 0 ? "w\(i) AS (" : ", w\(i) AS (")
            sql.appendInterpolation(statement)
            sql.appendLiteral(")")
        }
        sql.appendLiteral(" ")
        sql.appendInterpolation(last)
        return sql
    }
}
