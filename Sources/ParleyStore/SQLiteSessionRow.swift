// A row read by an SQLiteSession: the statement's column names (shared by all its rows) and this
// row's values, decoded through SQLiteKit's own decoder so that every type reads exactly as it
// does over SQLiteNIO.
import SQLKit
import SQLiteKit

struct SQLiteSessionRow: SQLRow {
    /// Column names and their positions, made once per prepared statement.
    final class Columns: Sendable {
        let names: [String]
        let positions: [String: Int]

        init(_ names: [String]) {
            self.names = names
            var positions: [String: Int] = [:]
            // The first of two equal names wins, as in SQLiteNIO.
            for (i, name) in names.enumerated() where positions[name] == nil { positions[name] = i }
            self.positions = positions
        }
    }

    let columns: Columns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.positions[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let i = columns.positions[column] else { return true }
        return values[i] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let i = columns.positions[column] else { throw MissingSQLiteColumn(column: column) }
        return try SQLiteDataDecoder().decode(D.self, from: values[i])
    }
}

struct MissingSQLiteColumn: Error, CustomStringConvertible {
    let column: String
    var description: String { "no column \(column) in the result" }
}
