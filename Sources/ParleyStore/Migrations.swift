// The schema, as one ordered list of migrations, each named for its effect. A new database gets
// them all on first open; an existing one with pending migrations is changed only when asked
// (`parley migrate`), because a schema change should follow a backup, not surprise one.
import SQLKit

struct Migration: Sendable {
    let name: String
    let apply: @Sendable (any SQLDatabase, Dialect) async throws -> Void
}

enum Migrations {
    static let all: [Migration] = [
        Migration(name: "0001-create-logs-entries-hashes-checkpoints", apply: createLogTables),
        Migration(name: "0002-create-items-counters-and-search", apply: createProjectionTables),
        Migration(name: "0003-create-credentials", apply: createCredentials),
        Migration(name: "0004-create-sessions-and-api-tokens", apply: createSessionsAndTokens),
        Migration(name: "0005-index-items-for-paged-lists", apply: indexItemsForPagedLists),
        Migration(name: "0006-cluster-log-tables-by-log-and-index", apply: clusterLogTables),
        Migration(name: "0007-index-search-once-per-transaction", apply: indexSearchOncePerTransaction),
        Migration(name: "0008-leaner-item-indexes", apply: leanerItemIndexes),
        Migration(name: "0009-store-hashes-with-their-entries", apply: storeHashesWithEntries),
        Migration(name: "0010-count-write-transactions", apply: countWriteTransactions),
        Migration(name: "0011-one-index-for-item-ids", apply: oneIndexForItemIDs),
        Migration(name: "0012-keep-the-latest-checkpoint-with-its-log", apply: keepTheLatestCheckpointWithItsLog),
        Migration(name: "0013-mark-how-far-search-is-indexed", apply: markHowFarSearchIsIndexed),
        Migration(name: "0014-keep-reference-counters-with-their-log", apply: keepReferenceCountersWithTheirLog),
        Migration(name: "0015-key-entries-by-log-number-and-index", apply: keyEntriesByLogNumberAndIndex),
        Migration(name: "0016-merge-the-search-index-less-often", apply: mergeTheSearchIndexLessOften),
        Migration(name: "0017-compute-search-vectors-off-the-appends", apply: computeSearchVectorsOffTheAppends),
    ]

    /// How an open treats pending migrations.
    enum Mode: Sendable {
        /// Create a new database; refuse an existing one with pending migrations.
        case refusePending
        /// Apply pending migrations (`parley migrate`).
        case apply
    }

    /// Brings the schema up to date as `mode` allows; returns the names applied.
    @discardableResult
    static func run(
        on db: any SQLDatabase,
        dialect: Dialect,
        mode: Mode,
        list: [Migration] = all
    ) async throws -> [String] {
        try await db.create(table: "parley_migrations").ifNotExists()
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("applied_at", type: .text, .notNull)
            .run()
        let applied = try await db.select().column("name").from("parley_migrations").all()
            .map { try $0.decode(column: "name", as: String.self) }
        let known = Set(list.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw StoreError.newerSchema(unknown: unknown) }
        let pending = list.filter { !applied.contains($0.name) }
        guard !pending.isEmpty else { return [] }
        // A database with no migration at all is new: creating it needs no permission.
        guard mode == .apply || applied.isEmpty else {
            throw StoreError.needsMigration(pending: pending.map(\.name))
        }
        for migration in pending {
            try await Transaction.run(on: db, dialect: dialect) { tx in
                try await migration.apply(tx, dialect)
                try await tx.insert(into: "parley_migrations")
                    .columns("name", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(StoreTime.now()))
                    .run()
            }
        }
        return pending.map(\.name)
    }

    /// Logs, their entries (canonical JSON bytes), stored interior hashes and signed checkpoints.
    static func createLogTables(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        try await db.create(table: "logs")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("origin", type: .text, .notNull, .unique)
            .column("mechanism_id", type: .text, .notNull)
            .column("party_id", type: .text)
            .column("size", type: .bigint, .notNull)
            .run()
        try await db.create(table: "entries")
            .column("log_id", type: .text, .notNull, .references("logs", "id"))
            .column("idx", type: .bigint, .notNull)
            .column("body", type: .blob, .notNull)
            .primaryKey("log_id", "idx")
            .run()
        try await db.create(table: "log_hashes")
            .column("log_id", type: .text, .notNull, .references("logs", "id"))
            .column("idx", type: .bigint, .notNull)
            .column("hash", type: .blob, .notNull)
            .primaryKey("log_id", "idx")
            .run()
        try await db.create(table: "checkpoints")
            .column("log_id", type: .text, .notNull, .references("logs", "id"))
            .column("size", type: .bigint, .notNull)
            .column("note", type: .text, .notNull)
            .primaryKey("log_id", "size")
            .run()
    }
}
