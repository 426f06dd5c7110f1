// Many rows into one table at once, for the writes a batch keeps until it ends (see
// PendingAppends) and for rebuild. On SQLite one prepared single-row statement is stepped per
// row, its values bound directly: no SQL text is built per row, and the statement is the same
// whatever the number of rows, so it stays prepared. On PostgreSQL, where every statement is a
// round trip to the server, the rows go in one statement, each column as one array that the
// server unnests (see BulkColumn): the statement's text is then short and the same whatever the
// number of rows. A VALUES list with a bind per value had the server parse, analyse and plan
// about 900 binds for a batch of 64 appends: 0.7 ms a batch, a quarter of the time the server
// spent on the batch's writes (issue 4, PostgreSQL's own statistics for 6,000 appends).
import NIOCore
import PostgresKit
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
    /// Most rows in one PostgreSQL statement, which bounds the size of its arrays (a rebuild
    /// writes many thousands of rows at once).
    static let rowsPerStatement = 2_000

    /// Inserts `rows` (values in `columns` order) into `table`; `tail` follows the rows (an
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
        let into = "INSERT INTO \(table) (\(columns.joined(separator: ", ")))"
        if let session = db as? SQLiteSession {
            let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            try session.runEach(into + " VALUES " + placeholders + tail, rows: rows)
            return
        }
        guard rows.allSatisfy({ $0.count == columns.count }) else {
            throw StoreError.database("bulk rows for \(table) do not all have \(columns.count) values")
        }
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
            var sql = SQLQueryString(stringLiteral: into + " SELECT * FROM unnest(")
            for (i, name) in columns.enumerated() {
                let column = try BulkColumn(chunk.map { $0[i] }, name: name, table: table)
                if i > 0 { sql.appendLiteral(", ") }
                sql.appendInterpolation(bind: column)
                sql.appendLiteral("::\(column.arrayType)")
            }
            sql.appendLiteral(") AS r" + tail)
            if let combined {
                combined.add(sql, binds: columns.count)
            } else {
                try await db.raw(sql).run()
            }
            start += rowsPerStatement
        }
    }
}

/// One column of bulk rows as a PostgreSQL array in the binary format (its element type taken
/// from the values: text, bigint or bytea; a column of nothing but NULLs goes as text), NULLs
/// included, which PostgresNIO's own arrays do not carry.
struct BulkColumn: PostgresThrowingDynamicTypeEncodable, Encodable, Sendable {
    private enum Element { case text, integer, bytes }

    private let values: [BulkValue]
    private let element: Element

    init(_ values: [BulkValue], name: String, table: String) throws {
        var element: Element?
        for value in values {
            let this: Element
            switch value {
            case .text: this = .text
            case .integer: this = .integer
            case .bytes: this = .bytes
            case .null: continue
            }
            guard element == nil || element == this else {
                throw StoreError.database("bulk column \(name) of \(table) mixes kinds of value")
            }
            element = this
        }
        self.values = values
        self.element = element ?? .text
    }

    /// The array's type as SQL spells it.
    var arrayType: String {
        switch element {
        case .text: "text[]"
        case .integer: "bigint[]"
        case .bytes: "bytea[]"
        }
    }

    var psqlType: PostgresDataType {
        switch element {
        case .text: .textArray
        case .integer: .int8Array
        case .bytes: .byteaArray
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    /// PostgreSQL's binary array (array_recv): dimensions, a has-NULLs flag, the element type,
    /// each dimension's length and lower bound, then each element as its length (-1: NULL) and
    /// its bytes.
    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer,
        context: PostgresEncodingContext<JSONEncoder>
    ) throws {
        buffer.writeInteger(Int32(values.isEmpty ? 0 : 1))
        buffer.writeInteger(Int32(values.contains(.null) ? 1 : 0))
        let elementType: PostgresDataType = element == .text ? .text : element == .integer ? .int8 : .bytea
        buffer.writeInteger(elementType.rawValue)
        guard !values.isEmpty else { return }
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))
        for value in values {
            switch value {
            case .null:
                buffer.writeInteger(Int32(-1))
            case .text(let text):
                let lengthAt = buffer.writerIndex
                buffer.writeInteger(Int32(-1))
                let written = buffer.writeString(text)
                buffer.setInteger(Int32(written), at: lengthAt)
            case .integer(let number):
                buffer.writeInteger(Int32(8))
                buffer.writeInteger(number)
            case .bytes(let bytes):
                buffer.writeInteger(Int32(bytes.count))
                buffer.writeBytes(bytes)
            }
        }
    }

    /// Never called: PostgresKit binds a value that encodes itself for PostgreSQL as such, and
    /// SQLite never sees this type.
    func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(
            values,
            .init(codingPath: encoder.codingPath, debugDescription: "a bulk column binds to PostgreSQL only")
        )
    }
}
