// Bulk inserts as both databases take them: SQLite steps one prepared row statement, PostgreSQL
// sends each column as one array (BulkColumn). What goes in comes back value for value, NULLs,
// empty texts and bytes, non-ASCII text and large integers included, across the statement limit.

import Foundation
import SQLKit
import Testing

@testable import ParleyStore

@Suite struct BulkWriteTests {
    static let columns = ["n", "label", "note", "data"]

    /// Row `i`: every third note NULL, every fifth label empty, bytes of varying length.
    static func row(_ i: Int) -> [BulkValue] {
        [
            .integer(Int64(i) * 1_000_000_007 - 3),
            .text(i % 5 == 0 ? "" : "Überprüfung \(i) — “quoted” \\ and \u{1F91D}"),
            i % 3 == 0 ? .null : .text("note \(i)"),
            .bytes((0..<(i % 7)).map { UInt8(($0 * 37 + i) & 0xFF) }),
        ]
    }

    @Test(arguments: Backend.available)
    func rowsComeBackValueForValueAcrossTheStatementLimit(_ backend: Backend) async throws {
        try await withMigratedDatabase(backend) { database in
            try await database.writers.with { db in
                let blob = backend == .postgres ? "bytea" : "BLOB"
                try await db.raw(
                    "CREATE TABLE bulk_probe (n BIGINT PRIMARY KEY, label TEXT NOT NULL, note TEXT, data \(unsafeRaw: blob) NOT NULL)"
                ).run()
                let count = BulkWrite.rowsPerStatement + 500
                let rows = (0..<count).map(Self.row)
                try await BulkWrite.insert(into: "bulk_probe", columns: Self.columns, rows: rows, on: db)
                let read = try await db.raw("SELECT n, label, note, data FROM bulk_probe ORDER BY n").all()
                #expect(read.count == count)
                for (i, stored) in read.enumerated() {
                    let back: [BulkValue] = [
                        .integer(try stored.decode(column: "n", as: Int64.self)),
                        .text(try stored.decode(column: "label", as: String.self)),
                        BulkValue(try stored.decode(column: "note", as: String?.self)),
                        .bytes(try stored.bytes("data")),
                    ]
                    #expect(back == Self.row(i), "row \(i)")
                }
            }
        }
    }

    @Test(arguments: Backend.available)
    func anUpsertTailAppliesToEveryRow(_ backend: Backend) async throws {
        try await withMigratedDatabase(backend) { database in
            try await database.writers.with { db in
                try await db.raw("CREATE TABLE bulk_probe (n BIGINT PRIMARY KEY, label TEXT, note TEXT)").run()
                let first: [[BulkValue]] = [
                    [.integer(1), .text("one"), .null], [.integer(2), .text("two"), .text("b")],
                ]
                let second: [[BulkValue]] = [
                    [.integer(2), .null, .text("changed")], [.integer(3), .text("three"), .null],
                ]
                let tail = " ON CONFLICT (n) DO UPDATE SET label = excluded.label, note = excluded.note"
                for rows in [first, second] {
                    try await BulkWrite.insert(
                        into: "bulk_probe",
                        columns: ["n", "label", "note"],
                        rows: rows,
                        tail: tail,
                        on: db
                    )
                }
                let read = try await db.raw("SELECT n, label, note FROM bulk_probe ORDER BY n").all()
                let values = try read.map {
                    [
                        BulkValue.integer(try $0.decode(column: "n", as: Int64.self)),
                        BulkValue(try $0.decode(column: "label", as: String?.self)),
                        BulkValue(try $0.decode(column: "note", as: String?.self)),
                    ]
                }
                #expect(values == [first[0], second[0], second[1]])
            }
        }
    }

    @Test func aColumnMixingKindsOfValueIsRefused() throws {
        #expect(throws: StoreError.self) {
            try BulkColumn([.text("a"), .integer(1)], name: "n", table: "bulk_probe")
        }
        // A column of nothing but NULLs goes as text.
        #expect(try BulkColumn([.null, .null], name: "note", table: "bulk_probe").arrayType == "text[]")
    }
}
