// Sign-in state that is not record content (DESIGN.md "The record is the source of truth": only
// record changes are entries): page sessions, API tokens and the operators who sign in to run the
// server. None of it is ever in a log, so none of it is mirrored, exported or verified.
import SQLKit

extension Migrations {
    /// Sessions and API tokens are keyed by the SHA-256 of the secret the client holds (OWASP
    /// Session Management Cheat Sheet): a copy of the database yields nothing usable. Times are
    /// milliseconds since 1970, so that expiry is one integer comparison on both dialects.
    static func createSessionsAndTokens(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        try await db.raw(
            """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL,
                csrf_token TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                last_seen_ms BIGINT NOT NULL
            )
            """
        ).run()
        try await db.raw("CREATE INDEX sessions_account ON sessions (account_id)").run()
        try await db.raw(
            """
            CREATE TABLE api_tokens (
                hash TEXT PRIMARY KEY,
                account_id TEXT NOT NULL,
                label TEXT NOT NULL,
                created_ms BIGINT NOT NULL
            )
            """
        ).run()
        // The operator belongs to no party, so ParleyCore's CreateAccount (which needs one) cannot
        // make them; they sign in with a row here and a password in `credentials`.
        try await db.raw(
            """
            CREATE TABLE operators (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            )
            """
        ).run()
    }
}
