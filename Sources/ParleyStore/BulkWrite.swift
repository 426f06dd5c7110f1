// Many rows into one table at once, for the writes a batch keeps until it ends (see
// PendingAppends) and for rebuild. On SQLite one prepared single-row statement is stepped per
// row, its values bound directly: no SQL text is built per row, and the statement is the same
// whatever the number of rows, so it stays prepared. On PostgreSQL, where every statement is a
// round trip to the server, the rows go as few multi-row statements.
import NIOCore
import SQLKit

/// A column value as the bulk writes bind it.
enum BulkValue: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case bytes([UInt8])
    case null

    init(_ text: String?) { self = text.map(BulkValue.text) ?? .null }
}

enum BulkWrite {
    /// Most rows in one PostgreSQL statement: eleven columns each stays far below its limit of
    /// 65,535 binds.
    static let rowsPerStatement = 500

    /// Inserts `rows` (values in `columns` order) into `table`; `tail` follows the VALUES (an
    /// ON CONFLICT clause, say). On PostgreSQL with `combined`, the statements are kept there to
    /// run with the batch's other writes (see CombinedWrite).
    static func insert(
        into table: String,
        columns: [String],
        rows: [[BulkValue]],
        tail: String = "",
        on db: any SQLDatabase,
        combining combined: CombinedWrite? = nil
    ) async throws {
        guard !rows.isEmpty else { return }
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        if let session = db as? SQLiteSession {
            let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            try session.runEach(head + placeholders + tail, rows: rows)
            return
        }
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
            var sql = SQLQueryString(stringLiteral: head)
            for (n, row) in chunk.enumerated() {
                sql.appendLiteral(n == 0 ? "(" : ", (")
                for (i, value) in row.enumerated() {
                    if i > 0 { sql.appendLiteral(", ") }
                    switch value {
                    case .text(let text): sql.appendInterpolation(bind: text)
                    case .integer(let number): sql.appendInterpolation(bind: number)
                    case .bytes(let bytes): sql.appendInterpolation(Blob.bind(bytes))
                    case .null: sql.appendLiteral("NULL")
                    }
                }
                sql.appendLiteral(")")
            }
            sql.appendLiteral(tail)
            if let combined {
                combined.add(sql, binds: chunk.count * columns.count)
            } else {
                try await db.raw(sql).run()
            }
            start += rowsPerStatement
        }
    }
}
