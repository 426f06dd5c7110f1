// The store: the logs and their projections in one database. Writers go through one group-commit
// queue; readers use their own sessions and never wait for writers.
public import Logging
public import ParleyRecord
import SQLKit
import Synchronization

public final class Store: Sendable {
    let database: Database
    let queue: WriteQueue
    let signer: NoteSigner
    let logger: Logger
    /// Brings the SQLite search index up to date in the background (see SearchIndex).
    let indexer = Mutex<Task<Void, Never>?>(nil)

    /// The key that verifies this server's checkpoints (C2SP signed-note verifier key).
    public var serverKey: NoteVerifier { signer.verifier }

    private init(database: Database, signer: NoteSigner, logger: Logger) {
        self.database = database
        let dialect = database.dialect
        self.queue = WriteQueue(pool: database.writers, dialect: dialect) { db, batch in
            // One checkpoint per log a batch appended to, over the size the batch ends with.
            let writer = LogWriter(db: db, dialect: dialect, signer: signer, batch: batch)
            let outcome = batch.outcome
            for log in outcome.touched { outcome.checkpoints[log.id] = try await writer.checkpoint(log) }
        }
        self.signer = signer
        self.logger = logger
    }

    /// Opens (and on first use creates) the store. An existing database with pending migrations is
    /// refused unless `migrate` is set.
    public static func open(
        _ location: DatabaseLocation,
        signer: NoteSigner,
        migrate: Bool = false,
        readers: Int = 4,
        logger: Logger
    ) async throws -> Store {
        let database = try await Database.open(location, readers: max(1, readers), logger: logger)
        do {
            _ = try await database.writers.with { db in
                try await Migrations.run(on: db, dialect: database.dialect, mode: migrate ? .apply : .refusePending)
            }
        } catch {
            await database.close()
            throw error
        }
        let store = Store(database: database, signer: signer, logger: logger)
        store.startIndexing()
        return store
    }

    public func close() async {
        await stopIndexing()
        await database.close()
    }

    /// Runs a write job in the group-commit queue; returns once it is durable. A job that keeps
    /// the batch's state (an executed command) maintains it; one that `leavesBatchStateAlone`
    /// writes nothing it describes (the search index); any other may, so the batch forgets it
    /// afterwards.
    func write<T: Sendable>(
        keepingBatchState: Bool = false,
        leavesBatchStateAlone: Bool = false,
        _ job: @escaping @Sendable (LogWriter) async throws -> T
    ) async throws -> T {
        let signer = self.signer
        let dialect = database.dialect
        return try await queue.submit(decidesBeforeWriting: keepingBatchState) { db, batch in
            let result = try await job(LogWriter(db: db, dialect: dialect, signer: signer, batch: batch))
            if !keepingBatchState && !leavesBatchStateAlone { batch.forget() }
            return result
        }
    }

    func read<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.readers.with(body)
    }

    /// A read of one statement, with what it saw (see ReadStamp; nil on PostgreSQL).
    func stampedRead<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> (T, ReadStamp?) {
        try await database.readers.with { db in
            let value = try await body(db)
            return (value, try (db as? SQLiteSession)?.stamp())
        }
    }
}
