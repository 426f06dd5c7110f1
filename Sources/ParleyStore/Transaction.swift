// Transactions and savepoints in plain SQL, which SQLite and PostgreSQL spell the same way.
import SQLKit

enum Transaction {
    /// Runs `body` in one transaction on one session: all of it commits, or none of it.
    static func run<T: Sendable>(on db: any SQLDatabase, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await db.raw("BEGIN").run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Runs `body` inside a savepoint of the current transaction: on error only its own writes are
    /// undone, so one refused job in a group commit leaves the others intact.
    static func savepoint<T: Sendable>(
        _ name: String, on db: any SQLDatabase, _ body: (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await db.raw("SAVEPOINT \(unsafeRaw: name)").run()
        do {
            let result = try await body(db)
            try await db.raw("RELEASE SAVEPOINT \(unsafeRaw: name)").run()
            return result
        } catch {
            try await db.raw("ROLLBACK TO SAVEPOINT \(unsafeRaw: name)").run()
            try await db.raw("RELEASE SAVEPOINT \(unsafeRaw: name)").run()
            throw error
        }
    }
}
