// The open database: one writer and a few readers over the same file (SQLite in WAL mode), or
// a few sessions to one PostgreSQL server. Every query is SQLKit, so one code path serves both;
// `dialect` names the few places (full-text search, locks) where the SQL differs.
import Logging
import NIOPosix
import PostgresKit
import SQLKit

enum Dialect: Sendable { case sqlite, postgres }

final class Database: Sendable {
    let dialect: Dialect
    /// Sessions for writing transactions. SQLite allows one writer at a time, so it has one.
    let writers: ConnectionPool
    /// Sessions for reads, which never block the writer (SQLite WAL, PostgreSQL MVCC).
    let readers: ConnectionPool

    private init(dialect: Dialect, writers: ConnectionPool, readers: ConnectionPool) {
        self.dialect = dialect
        self.writers = writers
        self.readers = readers
    }

    static func open(_ location: DatabaseLocation, readers: Int = 4, logger: Logger) async throws -> Database {
        switch location {
        case .sqlite(let path): return try await openSQLite(path: path, readers: readers, logger: logger)
        case .postgres(let url): return try await openPostgres(url: url, sessions: readers + 2, logger: logger)
        }
    }

    func close() async {
        await writers.close()
        await readers.close()
    }

    private static func openSQLite(path: String, readers count: Int, logger: Logger) async throws -> Database {
        var sessions: [SQLiteSession] = []
        do {
            for _ in 0..<(count + 1) {
                let session = try SQLiteSession(path: path, logger: logger)
                sessions.append(session)
                // WAL: readers never wait for the writer. synchronous=FULL: a commit is on disk
                // before it is acknowledged, so nothing acknowledged is lost on a crash.
                try await session.raw("PRAGMA busy_timeout = 10000").run()
                try await session.raw("PRAGMA journal_mode = WAL").run()
                try await session.raw("PRAGMA synchronous = FULL").run()
                try await session.raw("PRAGMA foreign_keys = ON").run()
                // Savepoints (one per job of a group commit) journal into memory, not a temp file.
                try await session.raw("PRAGMA temp_store = MEMORY").run()
            }
        } catch {
            for session in sessions { session.close() }
            throw StoreError.database("cannot open SQLite database \(path): \(error)")
        }
        let writer = sessions[0]
        let rest = Array(sessions.dropFirst())
        return Database(
            dialect: .sqlite,
            writers: ConnectionPool([writer]) { writer.close() },
            readers: ConnectionPool(rest) { for session in rest { session.close() } }
        )
    }

    private static func openPostgres(url: String, sessions: Int, logger: Logger) async throws -> Database {
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError.database("cannot read the PostgreSQL URL: \(error)")
        }
        let source = PostgresConnectionSource(sqlConfiguration: configuration)
        var connections: [PostgresConnection] = []
        do {
            for _ in 0..<sessions {
                let loop = MultiThreadedEventLoopGroup.singleton.any()
                connections.append(try await source.makeConnection(logger: logger, on: loop).get())
            }
        } catch {
            for c in connections { try? await c.close() }
            throw StoreError.database("cannot connect to PostgreSQL: \(String(reflecting: error))")
        }
        let dbs = connections.map { $0.sql(queryLogLevel: nil) as any SQLDatabase }
        let writing = Array(connections.prefix(2))
        let reading = Array(connections.dropFirst(2))
        return Database(
            dialect: .postgres,
            writers: ConnectionPool(Array(dbs.prefix(2))) { for c in writing { try? await c.close() } },
            readers: ConnectionPool(Array(dbs.dropFirst(2))) { for c in reading { try? await c.close() } }
        )
    }
}
