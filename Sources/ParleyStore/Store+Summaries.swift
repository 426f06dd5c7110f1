// Summaries the dashboard shows without loading every row: how many rows of a kind are in each
// status (counted in SQL, GROUP BY), and the readouts of several events in one query. Both
// apply the reader's ReadScope in SQL, as every query does (Store+Queries.swift), so another
// party's private rows are neither loaded nor counted. And the version of a set of logs, which
// changes whenever anything read from them may have.
public import ParleyCore
import SQLKit

extension Store {
    /// How many rows of `kind` in `mechanism` that `scope` may read are in each status; a
    /// status with no row is absent. Rows without a status are not counted.
    public func statusCounts(_ kind: RowKind, in mechanism: MechanismID, scope: ReadScope) async throws -> [String: Int]
    {
        guard scope.mechanisms.contains(mechanism) else { return [:] }
        let rows = try await read { db in
            try await db.raw(
                """
                SELECT status, COUNT(*) AS n FROM items
                WHERE mechanism_id = \(bind: mechanism.rawValue) AND kind = \(bind: kind.rawValue)
                AND status IS NOT NULL AND \(Self.visible(scope))
                GROUP BY status
                """
            ).all()
        }
        var counts: [String: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "status", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// The readouts of each of `events` that `scope` may read, oldest first, in one query.
    public func readouts(of events: [Reference], in mechanism: MechanismID, scope: ReadScope) async throws
        -> [Reference: [Readout]]
    {
        guard scope.mechanisms.contains(mechanism), !events.isEmpty else { return [:] }
        let rows = try await read { db in
            try await Self.rows(
                db,
                """
                mechanism_id = \(bind: mechanism.rawValue) AND kind = 'readout' \
                AND about IN (\(binds: events.map(\.description))) AND \(Self.visible(scope))
                """
            )
        }
        var found: [Reference: [Readout]] = [:]
        for row in rows {
            if case .item(.readout(let r)) = row.value { found[r.event, default: []].append(r) }
        }
        return found
    }

    /// A text that changes whenever any of `logs` grows or gets a newer signed checkpoint: every
    /// projection row is written in the transaction that appends its entry, so a page built only
    /// from these logs' rows and checkpoints is the same for as long as this text is. A log
    /// with no entry yet is left out (its version is "empty"). With the read's stamp.
    public func version(of logs: [LogID]) async throws -> (version: String, stamp: ReadStamp?) {
        guard !logs.isEmpty else { return ("", nil) }
        let (rows, stamp) = try await stampedRead { db in
            try await db.raw(
                """
                SELECT id, size, CASE WHEN checkpoint IS NULL THEN NULL ELSE size END AS signed
                FROM logs WHERE id IN (\(binds: logs.map(\.description)))
                """
            ).all()
        }
        var parts: [String] = []
        for row in rows {
            let signed = try row.decodeNil(column: "signed") ? -1 : row.decode(column: "signed", as: Int64.self)
            parts.append(
                try row.decode(column: "id", as: String.self) + "="
                    + String(try row.decode(column: "size", as: Int64.self)) + "/" + String(signed)
            )
        }
        return (parts.sorted().joined(separator: ";"), stamp)
    }
}
