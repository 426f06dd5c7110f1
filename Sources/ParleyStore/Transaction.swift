// Transactions and savepoints in plain SQL, which SQLite and PostgreSQL spell almost the same way.
import SQLKit

enum Transaction {
    /// Runs `body` in one writing transaction on one session: all of it commits, or none of it.
    /// SQLite takes the write lock at BEGIN (IMMEDIATE), so a transaction that reads first never
    /// fails later for want of the lock that another process took in between.
    static func run<T: Sendable>(
        on db: any SQLDatabase,
        dialect: Dialect,
        _ body: (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await within(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN", on: db, body)
    }

    /// Runs `body` in one read-only snapshot: every query sees the database as of its first read
    /// (SQLite WAL read transaction; PostgreSQL REPEATABLE READ), whatever commits meanwhile.
    static func snapshot<T: Sendable>(
        on db: any SQLDatabase,
        dialect: Dialect,
        _ body: (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await within(
            dialect == .sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
            on: db,
            body
        )
    }

    private static func within<T: Sendable>(
        _ begin: String,
        on db: any SQLDatabase,
        _ body: (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await db.raw("\(unsafeRaw: begin)").run()
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
        _ name: String,
        on db: any SQLDatabase,
        _ body: (any SQLDatabase) async throws -> T
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
