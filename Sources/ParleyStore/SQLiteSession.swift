// One SQLite connection that SQLKit drives directly, on the calling thread, with its prepared
// statements kept. SQLiteNIO sends every query to a thread pool, prepares it afresh and hands
// each row to an event loop: some tens of microseconds a query, which an append of a dozen
// statements pays many times over (DESIGN.md's "append + project" speed). This session calls
// the very SQLite library SQLiteNIO carries (its VaporCSQLite module), so the process keeps one
// copy of SQLite and its POSIX file locks stay coherent across every connection to the file.
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization
import VaporCSQLite

final class SQLiteSession: SQLDatabase, @unchecked Sendable {
    // Guarded by `lock`: SQLite's handle is used by one caller at a time, as the pools ensure;
    // the lock makes that true even if a caller misbehaves.
    private let lock = NIOLock()
    private var handle: OpaquePointer?
    private var statements: [String: PreparedStatement] = [:]

    let logger: Logger
    let eventLoop: any EventLoop
    let path: String
    /// This connection's number in the process (see ReadStamp).
    let serial = SQLiteSession.serials.add(1, ordering: .relaxed).newValue
    var dialect: any SQLDialect { SQLiteDialect() }
    var version: (any SQLDatabaseReportedVersion)? { SQLiteLibraryVersion.current }
    var queryLogLevel: Logger.Level? { nil }

    /// Statements kept prepared at most; the rest (multi-row inserts of many sizes) are dropped.
    static let statementCacheLimit = 256

    init(path: String, logger: Logger) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close_v2(handle)
            throw SQLiteFailure(code: status, message: message, sql: nil)
        }
        self.handle = handle
        self.path = path
        self.logger = logger
        self.eventLoop = MultiThreadedEventLoopGroup.singleton.any()
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    func close() {
        lock.withLock {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.pointer) }
            statements = [:]
            sqlite_nio_sqlite3_close_v2(handle)
            handle = nil
        }
    }

    deinit { close() }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        try stepping(query) { statement in
            onRow(SQLiteSessionRow(columns: statement.columns, values: readRow(statement)))
            return true
        }
    }

    /// SQLite's data version of the main database as of this connection's latest read
    /// (SQLITE_FCNTL_DATA_VERSION): a counter, not a read, so it costs no lock.
    func dataVersion() throws -> UInt32 {
        try lock.withLock {
            guard let handle else { throw SQLiteFailure(code: SQLITE_MISUSE, message: "connection closed", sql: nil) }
            var version: UInt32 = 0
            let status = sqlite_nio_sqlite3_file_control(handle, "main", SQLITE_FCNTL_DATA_VERSION, &version)
            guard status == SQLITE_OK else { throw failure(status, handle, "file control: data version") }
            return version
        }
    }

    /// Runs a query whose result columns are an integer and two BLOBs and hands each row to
    /// `body` in place, without SQLKit's rows and decoders or a copy, until it answers false:
    /// `verify` reads every entry and its stored hashes this way. The bytes are valid only
    /// during the call.
    func forEachIndexedBlobPair(
        _ query: SQLQueryString,
        _ body: (Int64, UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool
    ) throws {
        try stepping(query) { statement in
            let p = statement.pointer
            // column_blob before column_bytes, as SQLite advises; an empty BLOB reads as NULL.
            func blob(_ column: Int32) -> UnsafeRawBufferPointer {
                let start = sqlite_nio_sqlite3_column_blob(p, column)
                let count = Int(sqlite_nio_sqlite3_column_bytes(p, column))
                return UnsafeRawBufferPointer(start: count > 0 ? start : nil, count: count)
            }
            return body(sqlite_nio_sqlite3_column_int64(p, 0), blob(1), blob(2))
        }
    }

    /// Runs one statement (which answers no rows) once for each set of values, prepared once and
    /// bound directly: the bulk writes (see BulkWrite).
    func runEach(_ sql: String, rows: [[BulkValue]]) throws {
        try lock.withLock {
            guard let handle else { throw SQLiteFailure(code: SQLITE_MISUSE, message: "connection closed", sql: sql) }
            let statement = try prepared(sql, on: handle).pointer
            defer { sqlite_nio_sqlite3_reset(statement) }
            for values in rows {
                sqlite_nio_sqlite3_reset(statement)
                for (offset, value) in values.enumerated() {
                    let status = bind(value, at: Int32(offset + 1), to: statement)
                    guard status == SQLITE_OK else { throw failure(status, handle, sql) }
                }
                let status = sqlite_nio_sqlite3_step(statement)
                guard status == SQLITE_DONE else { throw failure(status, handle, sql) }
            }
        }
    }

    private func bind(_ value: BulkValue, at i: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let n): return sqlite_nio_sqlite3_bind_int64(statement, i, n)
        case .text(let s): return Self.bindText(s, at: i, to: statement)
        case .bytes(let bytes): return bytes.withUnsafeBytes { Self.bindBlob($0, at: i, to: statement) }
        case .null: return sqlite_nio_sqlite3_bind_null(statement, i)
        }
    }

    // withCString: a valid pointer even for "" (a NULL pointer would bind SQL NULL).
    private static func bindText(_ s: String, at i: Int32, to statement: OpaquePointer) -> Int32 {
        let length = UInt64(s.utf8.count)
        return s.withCString { sqlite_nio_sqlite3_bind_text64(statement, i, $0, length, transient, UInt8(SQLITE_UTF8)) }
    }

    private static func bindBlob(_ bytes: UnsafeRawBufferPointer, at i: Int32, to statement: OpaquePointer) -> Int32 {
        sqlite_nio_sqlite3_bind_blob64(statement, i, bytes.baseAddress ?? emptyBlob, UInt64(bytes.count), transient)
    }

    /// Prepares (or reuses) the statement, binds the query's values and hands each row to `row`
    /// until it answers false.
    private func stepping(_ query: any SQLExpression, _ row: (PreparedStatement) -> Bool) throws {
        let (sql, binds) = serialize(query)
        let values = try binds.map(Self.value(of:))
        try lock.withLock {
            guard let handle else { throw SQLiteFailure(code: SQLITE_MISUSE, message: "connection closed", sql: sql) }
            let statement = try prepared(sql, on: handle)
            // Reset, but no sqlite3_clear_bindings: every use binds every parameter anyway, and
            // clearing marks a statement whose plan looked at a parameter (an equality the index
            // does not cover) as expired, so SQLite parsed and planned it again on every use.
            defer { sqlite_nio_sqlite3_reset(statement.pointer) }
            try bind(values, to: statement.pointer, handle: handle, sql: sql)
            while true {
                let status = sqlite_nio_sqlite3_step(statement.pointer)
                if status == SQLITE_DONE { return }
                guard status == SQLITE_ROW else { throw failure(status, handle, sql) }
                guard row(statement) else { return }
            }
        }
    }

    /// A bound value as SQLite takes it. The store binds text, integers and byte buffers almost
    /// always: those are taken as they are, and the rest as SQLiteKit encodes them, which looks
    /// up a protocol conformance for every value first.
    private static func value(of bind: any Encodable & Sendable) throws -> SQLiteData {
        switch bind {
        case let text as String: .text(text)
        case let number as Int64: .integer(SQLiteInt64(number))
        case let number as Int: .integer(SQLiteInt64(number))
        case let buffer as ByteBuffer: .blob(buffer)
        default: try SQLiteDataEncoder().encode(bind)
        }
    }

    private func prepared(_ sql: String, on handle: OpaquePointer) throws -> PreparedStatement {
        if let kept = statements[sql] { return kept }
        var pointer: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard status == SQLITE_OK, let pointer else { throw failure(status, handle, sql) }
        let count = sqlite_nio_sqlite3_column_count(pointer)
        let columns = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(pointer, $0)) }
        let statement = PreparedStatement(pointer: pointer, columns: SQLiteSessionRow.Columns(columns))
        if statements.count >= Self.statementCacheLimit {
            for kept in statements.values { sqlite_nio_sqlite3_finalize(kept.pointer) }
            statements = [:]
        }
        statements[sql] = statement
        return statement
    }

    private func bind(_ values: [SQLiteData], to statement: OpaquePointer, handle: OpaquePointer, sql: String) throws {
        for (offset, value) in values.enumerated() {
            let i = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let n): status = sqlite_nio_sqlite3_bind_int64(statement, i, Int64(n))
            case .float(let d): status = sqlite_nio_sqlite3_bind_double(statement, i, d)
            case .text(let s): status = Self.bindText(s, at: i, to: statement)
            case .blob(let buffer): status = buffer.withUnsafeReadableBytes { Self.bindBlob($0, at: i, to: statement) }
            case .null: status = sqlite_nio_sqlite3_bind_null(statement, i)
            }
            guard status == SQLITE_OK else { throw failure(status, handle, sql) }
        }
    }

    private func readRow(_ statement: PreparedStatement) -> [SQLiteData] {
        let p = statement.pointer
        return (0..<Int32(statement.columns.names.count)).map { i in
            switch sqlite_nio_sqlite3_column_type(p, i) {
            case SQLITE_INTEGER: return .integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(p, i)))
            case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(p, i))
            case SQLITE_TEXT:
                let count = Int(sqlite_nio_sqlite3_column_bytes(p, i))
                guard let text = sqlite_nio_sqlite3_column_text(p, i) else { return .text("") }
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
            case SQLITE_BLOB:
                let count = Int(sqlite_nio_sqlite3_column_bytes(p, i))
                guard count > 0, let blob = sqlite_nio_sqlite3_column_blob(p, i) else { return .blob(ByteBuffer()) }
                return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: blob, count: count)))
            default: return .null
            }
        }
    }

    private func failure(_ status: Int32, _ handle: OpaquePointer, _ sql: String) -> SQLiteFailure {
        SQLiteFailure(code: status, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)), sql: sql)
    }
}

/// SQLite copies bound values (SQLITE_TRANSIENT), so the Swift buffers need not outlive the call.
nonisolated(unsafe) private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
/// A zero-length BLOB needs a non-NULL pointer, or SQLite binds NULL.
nonisolated(unsafe) private let emptyBlob = UnsafeRawPointer(
    UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
)

private struct PreparedStatement {
    let pointer: OpaquePointer
    let columns: SQLiteSessionRow.Columns
}

/// An error SQLite reported, with the statement it was reported for.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let sql: String?

    var description: String {
        "SQLite error \(code): \(message)" + (sql.map { " (in: \($0.prefix(200)))" } ?? "")
    }
}

/// The SQLite library's version, which SQLKit's dialect consults for optional features.
struct SQLiteLibraryVersion: SQLDatabaseReportedVersion {
    let intValue: Int
    static let current = SQLiteLibraryVersion(intValue: Int(sqlite_nio_sqlite3_libversion_number()))

    var majorVersion: Int { intValue / 1_000_000 }
    var minorVersion: Int { intValue % 1_000_000 / 1_000 }
    var patchVersion: Int { intValue % 1_000 }
    var stringValue: String { "\(majorVersion).\(minorVersion).\(patchVersion)" }

    func isEqual(to other: any SQLDatabaseReportedVersion) -> Bool {
        (other as? Self)?.intValue == intValue
    }

    func isOlder(than other: any SQLDatabaseReportedVersion) -> Bool {
        guard let other = other as? Self else { return false }
        return intValue < other.intValue
    }
}
