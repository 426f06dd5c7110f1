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
    /// New sizes, latest checkpoints and reference counters of logs, by log id: one UPDATE for
    /// them all, since one statement may not change a row twice.
    private var logs: [String: LogChange] = [:]

    private struct LogChange {
        var size: Int64?
        var checkpoint: String?
        /// Set when the counters change; the inner nil when none is issued (a rebuild's start).
        var counters: String??
    }

    /// Bound values in one combined statement at most: PostgreSQL's protocol allows 65,535.
    static let bindLimit = 30_000

    var isEmpty: Bool { statements.isEmpty && logs.isEmpty }

    func setSize(of log: String, to size: Int64) { logs[log, default: LogChange()].size = size }

    func setCheckpoint(of log: String, to note: String) { logs[log, default: LogChange()].checkpoint = note }

    func setCounters(of log: String, to text: String?) { logs[log, default: LogChange()].counters = .some(text) }

    /// Keeps a statement (an INSERT, UPDATE or DELETE) with `binds` bound values for `run`.
    func add(_ sql: SQLQueryString, binds: Int) {
        statements.append((sql, binds))
    }

    /// Runs what was kept, as few statements as the bind limit allows, and empties itself.
    /// With `expecting`, the first statement also counts up the write version, from that
    /// version only, and fails (nothing of it done) if the version was another: someone else
    /// wrote since the batch state was kept (see WriteQueue, optimistic batches).
    func run(on db: any SQLDatabase, expecting version: Int64? = nil) async throws {
        if !logs.isEmpty { add(Self.logUpdate(logs), binds: 5 * logs.count) }
        logs = [:]
        var groups: [[SQLQueryString]] = []
        var binds = Self.bindLimit
        for statement in statements {
            if binds + statement.binds > Self.bindLimit {
                groups.append([])
                binds = 0
            }
            groups[groups.count - 1].append(statement.sql)
            binds += statement.binds
        }
        statements = []
        for (n, group) in groups.enumerated() {
            if n == 0, let version {
                try await db.raw(Self.checked(group, expecting: version)).run()
            } else {
                try await db.raw(Self.combined(group)).run()
            }
        }
        if groups.isEmpty, let version { try await db.raw(Self.checked([], expecting: version)).run() }
    }

    /// `WITH v AS (count up from version), w0 AS (first), … SELECT 1 / count(*) FROM v`: the
    /// division fails when the version was another, and the statement with it, whole.
    static func checked(_ group: [SQLQueryString], expecting version: Int64) -> SQLQueryString {
        var sql: SQLQueryString = "WITH v AS (UPDATE write_version SET version = version + 1 WHERE version = "
        sql.appendInterpolation(bind: version)
        sql.appendLiteral(" RETURNING version)")
        for (i, statement) in group.enumerated() {
            sql.appendLiteral(", w\(i) AS (")
            sql.appendInterpolation(statement)
            sql.appendLiteral(")")
        }
        sql.appendLiteral(" SELECT 1 / count(*) AS fresh FROM v")
        return sql
    }

    /// `UPDATE logs … FROM (VALUES …)`: each log's size, checkpoint and counters, where given.
    private static func logUpdate(_ logs: [String: LogChange]) -> SQLQueryString {
        var sql: SQLQueryString = "UPDATE logs SET size = COALESCE(v.size, logs.size), "
        sql.appendLiteral("checkpoint = COALESCE(v.checkpoint, logs.checkpoint), ")
        sql.appendLiteral("counters = CASE WHEN v.set_counters THEN v.counters ELSE logs.counters END FROM (VALUES ")
        for (n, (log, change)) in logs.sorted(by: { $0.key < $1.key }).enumerated() {
            sql.appendLiteral(n == 0 ? "(" : ", (")
            sql.appendInterpolation(bind: log)
            sql.appendLiteral("::text, ")
            sql.appendInterpolation(bind: change.size)
            sql.appendLiteral("::bigint, ")
            sql.appendInterpolation(bind: change.checkpoint)
            sql.appendLiteral("::text, ")
            sql.appendInterpolation(bind: change.counters != nil)
            sql.appendLiteral("::boolean, ")
            sql.appendInterpolation(bind: change.counters ?? nil)
            sql.appendLiteral("::text)")
        }
        sql.appendLiteral(") AS v (id, size, checkpoint, set_counters, counters) WHERE logs.id = v.id")
        return sql
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
