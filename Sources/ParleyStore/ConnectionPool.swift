// A fixed set of database connections handed out one at a time. SQLite connections are serial
// and PostgreSQL connections carry a session (transactions, advisory locks), so a caller holds
// one for the whole of its work. A lock, not an actor: taking an idle connection and giving it
// back are then plain calls, not two hops through the executor on every query (issue 5's web
// figures); only a caller that finds none idle waits.
import SQLKit
import Synchronization

final class ConnectionPool: Sendable {
    private struct State {
        var idle: [any SQLDatabase]
        var waiters: [CheckedContinuation<any SQLDatabase, Never>] = []
    }

    private let state: Mutex<State>
    private let closeAll: @Sendable () async -> Void
    /// How many connections the pool holds.
    let count: Int

    init(_ connections: [any SQLDatabase], close: @escaping @Sendable () async -> Void) {
        precondition(!connections.isEmpty)
        self.count = connections.count
        self.state = Mutex(State(idle: connections))
        self.closeAll = close
    }

    func checkout() async -> any SQLDatabase {
        if let db = state.withLock({ $0.idle.popLast() }) { return db }
        return await withCheckedContinuation { waiter in
            // Given back between the first look and now: take it at once.
            let db: (any SQLDatabase)? = state.withLock { s in
                if let db = s.idle.popLast() { return db }
                s.waiters.append(waiter)
                return nil
            }
            if let db { waiter.resume(returning: db) }
        }
    }

    func checkin(_ db: any SQLDatabase) {
        let waiter = state.withLock { s -> CheckedContinuation<any SQLDatabase, Never>? in
            if s.waiters.isEmpty {
                s.idle.append(db)
                return nil
            }
            return s.waiters.removeFirst()
        }
        waiter?.resume(returning: db)
    }

    func close() async { await closeAll() }

    /// Runs `body` with one connection held throughout.
    func with<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let db = await checkout()
        do {
            let result = try await body(db)
            checkin(db)
            return result
        } catch {
            checkin(db)
            throw error
        }
    }
}
