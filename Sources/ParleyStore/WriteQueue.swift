// Group commit: writers queue their jobs; the queue runs every job waiting at that moment in one
// transaction, each inside its own savepoint, and acknowledges them only after the COMMIT is
// durable. One fsync then serves many appends, and a failed job undoes only its own writes.
import SQLKit

actor WriteQueue {
    private struct Waiting {
        let job: @Sendable (any SQLDatabase) async throws -> any Sendable
        let done: CheckedContinuation<any Sendable, any Error>
    }

    private let pool: ConnectionPool
    private let dialect: Dialect
    private let maxBatch: Int
    private var waiting: [Waiting] = []
    private var draining = false
    /// Transactions run so far (committed or not): tests watch jobs share one.
    private(set) var batches = 0

    init(pool: ConnectionPool, dialect: Dialect, maxBatch: Int = 512) {
        self.pool = pool
        self.dialect = dialect
        self.maxBatch = maxBatch
    }

    /// Runs `job` inside a transaction shared with other waiting jobs; returns once committed.
    func submit<T: Sendable>(_ job: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let result = try await withCheckedThrowingContinuation { (done: CheckedContinuation<any Sendable, any Error>) in
            waiting.append(Waiting(job: { try await job($0) }, done: done))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
        guard let typed = result as? T else { preconditionFailure("write job returned \(type(of: result))") }
        return typed
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(maxBatch))
            waiting.removeFirst(batch.count)
            await run(batch)
        }
        draining = false
    }

    private func run(_ batch: [Waiting]) async {
        var outcomes: [Result<any Sendable, any Error>] = []
        batches += 1
        let dialect = self.dialect
        do {
            try await pool.with { db in
                try await Transaction.run(on: db, dialect: dialect) { tx in
                    outcomes = []
                    for (i, item) in batch.enumerated() {
                        do {
                            let value = try await Transaction.savepoint("job\(i)", on: tx) { try await item.job($0) }
                            outcomes.append(.success(value))
                        } catch {
                            outcomes.append(.failure(error))
                        }
                    }
                }
            }
        } catch {
            // Nothing of this batch is durable: every job fails, none is acknowledged.
            for item in batch { item.done.resume(throwing: error) }
            return
        }
        for (item, outcome) in zip(batch, outcomes) { item.done.resume(with: outcome) }
    }
}
