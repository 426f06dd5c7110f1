// `parley backup`: a consistent copy taken while the server runs. One code path for both
// databases: inside one read snapshot of the live database (SQLite WAL read transaction,
// PostgreSQL REPEATABLE READ) every table is copied into a new SQLite file made by the same
// migrations, so the copy opens with `--database FILE` like any store. The server key is a
// separate file (ServerKey): keep a copy of it with the backup.
import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteKit

extension Store {
    /// Copies the whole database into a new SQLite file at `path`; refuses an existing file.
    /// Returns the number of rows copied.
    @discardableResult
    public func backup(to path: String) async throws -> Int64 {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.backup("\(path) already exists; choose a new file name (a backup never overwrites)")
        }
        if let problem = createExclusively(path) { throw StoreError.backup("cannot create \(path): \(problem)") }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.backup("cannot open \(path): \(error)")
        }
        let target = connection.sql(queryLogLevel: nil)
        do {
            try await Migrations.run(on: target, dialect: .sqlite, mode: .refusePending)
            let copied = try await read { source in
                try await Transaction.snapshot(on: source, dialect: database.dialect) { source in
                    try await Transaction.run(on: target, dialect: .sqlite) { target in
                        var copied: Int64 = 0
                        for table in BackupTable.all { copied += try await table.copy(from: source, to: target) }
                        return copied
                    }
                }
            }
            try await connection.close()
            return copied
        } catch {
            try? await connection.close()
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}

/// Creates an empty file, failing if one exists (O_EXCL), so two backups cannot share one file.
private func createExclusively(_ path: String) -> String? {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    close(fd)
    return nil
}

/// One table as a backup copies it: its columns with their kinds, and its key for paging.
struct BackupTable: Sendable {
    enum Kind: Sendable { case text, optionalText, integer, blob }

    let name: String
    let columns: [(name: String, kind: Kind)]
    let key: [String]

    static let all: [BackupTable] = [
        BackupTable(
            name: "logs",
            columns: [
                ("id", .text), ("origin", .text), ("mechanism_id", .text), ("party_id", .optionalText),
                ("size", .integer), ("checkpoint", .optionalText), ("counters", .optionalText), ("num", .integer),
            ],
            key: ["id"]
        ),
        BackupTable(
            name: "entries",
            columns: [("entry_key", .integer), ("body", .blob), ("hashes", .blob)],
            key: ["entry_key"]
        ),
        BackupTable(
            name: "checkpoints",
            columns: [("log_id", .text), ("size", .integer), ("note", .text)],
            key: ["log_id", "size"]
        ),
        BackupTable(
            name: "items",
            columns: [("seq", .integer)]
                + StoredRow.columns.map {
                    ($0, ["owner_party", "reference", "about", "status"].contains($0) ? .optionalText : .text)
                },
            key: ["seq"]
        ),
        BackupTable(
            name: "credentials",
            columns: [("account_id", .text), ("password_hash", .text), ("created_at", .text), ("updated_at", .text)],
            key: ["account_id"]
        ),
    ]

    static let rowsPerPage = 500

    /// Copies every row, a page at a time in key order (keyset paging: `(key) > (last key)`).
    func copy(from source: any SQLDatabase, to target: any SQLDatabase) async throws -> Int64 {
        let columnList = columns.map(\.name).joined(separator: ", ")
        let keyList = key.joined(separator: ", ")
        var after: [any SQLExpression]?
        var copied: Int64 = 0
        while true {
            var sql: SQLQueryString = "SELECT \(unsafeRaw: columnList) FROM \(ident: name)"
            if let after { sql += " WHERE (\(unsafeRaw: keyList)) > (\(SQLList(after)))" }
            sql += " ORDER BY \(unsafeRaw: keyList) LIMIT \(literal: Self.rowsPerPage)"
            let rows = try await source.raw(sql).all()
            guard !rows.isEmpty else { return copied }
            var insert = target.insert(into: name).columns(columns.map(\.name))
            var last: [any SQLExpression] = []
            for row in rows {
                var values: [any SQLExpression] = []
                for column in columns { values.append(try value(of: column, in: row)) }
                insert = insert.values(values)
                last = key.map { k in values[columns.firstIndex { $0.name == k }!] }
            }
            try await insert.run()
            copied += Int64(rows.count)
            if rows.count < Self.rowsPerPage { return copied }
            after = last
        }
    }

    private func value(of column: (name: String, kind: Kind), in row: any SQLRow) throws -> any SQLExpression {
        switch column.kind {
        case .text: return SQLBind(try row.decode(column: column.name, as: String.self))
        case .optionalText:
            return SQLBind(
                try row.decodeNil(column: column.name) ? nil : try row.decode(column: column.name, as: String.self)
            )
        case .integer: return SQLBind(try row.decode(column: column.name, as: Int64.self))
        case .blob: return Blob.bind(try row.bytes(column.name))
        }
    }
}
