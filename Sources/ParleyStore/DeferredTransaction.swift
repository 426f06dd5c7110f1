// PostgreSQL: a write transaction that begins with its first statement rather than at once, so
// that a batch whose only statement is its last (an optimistic batch deciding on the kept state,
// see WriteQueue) sends that statement alone, committed by itself: one round trip where BEGIN,
// the statement and COMMIT took three. A statement alone is atomic and its commit as durable as
// COMMIT's (the server answers once its WAL is flushed), and the version check it carries holds
// the `write_version` row's lock to that commit, as a transaction would. One writer's append on
// PostgreSQL spent 172 µs in BEGIN and 422 µs in COMMIT beside 643 µs in its statement (issue 4).
import Logging
import NIOCore
import SQLKit
import Synchronization

final class DeferredTransaction: SQLDatabase {
    let base: any SQLDatabase
    private let state = Mutex(State.notBegun)

    private enum State { case notBegun, begun, committedAlone }

    init(_ base: any SQLDatabase) { self.base = base }

    /// BEGIN was sent: the transaction ends with COMMIT or ROLLBACK.
    var begun: Bool { state.withLock { $0 == .begun } }

    /// A statement was sent alone, and committed by itself.
    var committedAlone: Bool { state.withLock { $0 == .committedAlone } }

    /// Sends `sql` by itself, outside any transaction, if nothing was sent before it; answers
    /// false (sending nothing) otherwise. Nothing may be sent after it.
    func runAlone(_ sql: SQLQueryString) async throws -> Bool {
        let alone = state.withLock { s -> Bool in
            guard s == .notBegun else { return false }
            s = .committedAlone
            return true
        }
        if alone { try await base.raw(sql).run() }
        return alone
    }

    /// Sends BEGIN before the first statement.
    private func beginIfNeeded() async throws {
        let first = try state.withLock { s -> Bool in
            switch s {
            case .begun: return false
            case .notBegun:
                s = .begun
                return true
            case .committedAlone:
                throw StoreError.database("a statement followed the one a batch committed alone")
            }
        }
        if first { try await base.raw("BEGIN").run() }
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await beginIfNeeded()
        try await base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }
}
