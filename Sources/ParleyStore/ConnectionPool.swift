// A fixed set of database connections handed out one at a time. SQLite connections are serial
// and PostgreSQL connections carry a session (transactions, advisory locks), so a caller holds
// one for the whole of its work.
import SQLKit

actor ConnectionPool {
    private var idle: [any SQLDatabase]
    private var waiters: [CheckedContinuation<any SQLDatabase, Never>] = []
    private let all: [any SQLDatabase]
    private let closeAll: @Sendable () async -> Void

    init(_ connections: [any SQLDatabase], close: @escaping @Sendable () async -> Void) {
        precondition(!connections.isEmpty)
        self.idle = connections
        self.all = connections
        self.closeAll = close
    }

    func checkout() async -> any SQLDatabase {
        if let db = idle.popLast() { return db }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func checkin(_ db: any SQLDatabase) {
        if waiters.isEmpty {
            idle.append(db)
        } else {
            waiters.removeFirst().resume(returning: db)
        }
    }

    func close() async { await closeAll() }
}

extension ConnectionPool {
    /// Runs `body` with one connection held throughout.
    nonisolated func with<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let db = await checkout()
        do {
            let result = try await body(db)
            await checkin(db)
            return result
        } catch {
            await checkin(db)
            throw error
        }
    }
}
