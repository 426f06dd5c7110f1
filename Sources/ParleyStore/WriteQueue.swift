// Group commit: writers queue their jobs; the queue runs every job waiting at that moment in one
// transaction and acknowledges them only after the COMMIT is durable. One fsync then serves many
// appends, and a failed job undoes only its own writes: a job that may fail after writing runs
// inside its own savepoint; a command (which is refused, if at all, before it writes) runs
// without one, since a savepoint costs two statements and makes SQLite's full-text index write
// a segment at every release. Should a command fail after all once it has written, the batch is
// rolled back and run again with a savepoint for every job. What commands append is kept by the
// batch and written in bulk before it commits (see PendingAppends). The jobs of a batch share a
// WriteBatch; `finish` runs after the last of them, in the same transaction (it signs the
// checkpoints of the logs they appended to).
import SQLKit

actor WriteQueue {
    private struct Waiting {
        let job: @Sendable (any SQLDatabase, WriteBatch) async throws -> any Sendable
        let done: Reply
        /// The job fails before it writes, or sets `WriteBatch.jobWrote` first.
        let decidesBeforeWriting: Bool
    }

    private let pool: ConnectionPool
    private let dialect: Dialect
    private let maxBatch: Int
    private let finish: @Sendable (any SQLDatabase, WriteBatch) async throws -> Void
    private var waiting: [Waiting] = []
    private var draining = false
    /// What the jobs share, from one batch to the next while it stays valid.
    private let shared = WriteBatch()
    /// Jobs in the batch run last, and how many turns of the executor a new batch waits at most
    /// for that many jobs to gather.
    private var lastBatchSize = 0
    static let turnsToGather = 16
    /// Transactions run so far (committed or not): tests watch jobs share one.
    private(set) var batches = 0
    /// Time spent in each phase of the batches that committed (see WritePhases).
    private(set) var phases = WritePhases()
    /// Jobs waiting for the next batch: tests hold a batch until the ones they sent are here.
    var waitingJobs: Int { waiting.count }
    /// How many times the batches' decision state was made afresh (see WriteBatch).
    var statesMade: Int { shared.statesMade }

    init(
        pool: ConnectionPool,
        dialect: Dialect,
        maxBatch: Int = 512,
        finish: @escaping @Sendable (any SQLDatabase, WriteBatch) async throws -> Void
    ) {
        self.pool = pool
        self.dialect = dialect
        self.maxBatch = maxBatch
        self.finish = finish
    }

    /// Runs `job` inside a transaction shared with other waiting jobs; returns once committed.
    ///
    /// A job that finds the queue idle leads: its own task runs the batch (every job waiting by
    /// then with it) and, if more are waiting after, hands the queue on to a task of its own.
    /// One writer's append then never crosses to another thread and back, which costs more in
    /// waking a thread than SQLite takes to write the rows (issue 4's one-writer figures); the
    /// jobs that arrive while a batch runs wait to be resumed, as before.
    func submit<T: Sendable>(
        decidesBeforeWriting: Bool = false,
        _ job: @escaping @Sendable (any SQLDatabase, WriteBatch) async throws -> T
    ) async throws -> T {
        let wrapped: @Sendable (any SQLDatabase, WriteBatch) async throws -> any Sendable = { try await job($0, $1) }
        let result: any Sendable
        // A cancelled task does not lead: the batch it would run holds other writers' jobs too.
        if draining || Task.isCancelled {
            result = try await withCheckedThrowingContinuation { (done: CheckedContinuation<any Sendable, any Error>) in
                waiting.append(
                    Waiting(job: wrapped, done: .resume(done), decidesBeforeWriting: decidesBeforeWriting)
                )
                if !draining {
                    draining = true
                    Task { await self.drain() }
                }
            }
        } else {
            draining = true
            let own = LeaderReply()
            waiting.append(Waiting(job: wrapped, done: .leader(own), decidesBeforeWriting: decidesBeforeWriting))
            while own.result == nil { await runNextBatch() }
            if waiting.isEmpty {
                draining = false
            } else {
                Task { await self.drain() }
            }
            guard let outcome = own.result else { preconditionFailure("the leading job has no result") }
            result = try outcome.get()
        }
        guard let typed = result as? T else { preconditionFailure("write job returned \(type(of: result))") }
        return typed
    }

    private func drain() async {
        while !waiting.isEmpty { await runNextBatch() }
        draining = false
    }

    /// Runs the jobs waiting now (at most `maxBatch`) as one batch.
    private func runNextBatch() async {
        // The writers the last batch acknowledged are on their way back with their next job:
        // give them a moment to join this batch rather than start it with only the first.
        let gathering = ContinuousClock.now
        var turns = 0
        while waiting.count < lastBatchSize && turns < Self.turnsToGather {
            await Task.yield()
            turns += 1
        }
        phases.gathering += .now - gathering
        let batch = Array(waiting.prefix(maxBatch))
        lastBatchSize = batch.count
        waiting.removeFirst(batch.count)
        await run(batch)
    }

    /// A job without a savepoint failed after writing: its writes cannot be undone alone.
    private struct FailedAfterWriting: Error {}

    /// Batches run optimistically on PostgreSQL (see `run`), and those of them that found
    /// another writer had committed first and ran again: tests watch both.
    private(set) var optimisticBatches = 0
    private(set) var staleBatches = 0

    /// Runs a batch in one transaction. On PostgreSQL a batch of commands whose state the queue
    /// kept runs optimistically: rather than counting up the write version first (a round trip,
    /// and its lock held while deciding), the batch decides on the kept state and counts the
    /// version up in the statement that writes, from the version its last commit left only; if
    /// another writer committed since, that statement fails and the batch runs again, from a
    /// fresh state with the version counted first.
    private func run(_ batch: [Waiting], savepointEveryJob: Bool = false, optimistic allowed: Bool = true) async {
        var outcomes: [Result<any Sendable, any Error>] = []
        batches += 1
        let (dialect, finish, shared) = (self.dialect, self.finish, self.shared)
        var marks = WritePhases.Marks()
        var version: (before: Int64?, after: Int64?) = (nil, nil)
        let expected =
            allowed && dialect == .postgres && !savepointEveryJob && batch.allSatisfy(\.decidesBeforeWriting)
            ? shared.keptVersion : nil
        if expected != nil { optimisticBatches += 1 }
        var bodyDone = false
        do {
            try await pool.with { db in
                // From here: a wait for the connection (held by the commit-rate probe, a backup
                // or a migration) is not the batch's own time.
                marks.started = .now
                try await Transaction.run(on: db, dialect: dialect) { tx in
                    marks.begun = .now
                    outcomes = []
                    if let expected {
                        version = (expected, expected + 1)
                    } else {
                        version = try await Self.writeVersion(tx)
                    }
                    shared.begin(dataVersion: version.before, jobs: batch.count)
                    // Writing what the batch kept fails the batch, never one job: what is kept
                    // belongs to jobs that succeeded. Without savepoints, the batch then runs
                    // again with one for every job, where each job writes what it kept itself.
                    func flushKept(deferring: Bool = false) async throws {
                        do {
                            try await shared.flush(on: tx, deferring: deferring)
                        } catch {
                            if savepointEveryJob { throw error }
                            throw FailedAfterWriting()
                        }
                    }
                    for (i, item) in batch.enumerated() {
                        let inSavepoint = !item.decidesBeforeWriting || savepointEveryJob
                        // What earlier jobs kept is written outside this job's savepoint, and
                        // this job's own inside it, undone with it.
                        if inSavepoint { try await flushKept() }
                        do {
                            let value: any Sendable
                            if !inSavepoint {
                                shared.jobWrote = false
                                do {
                                    value = try await item.job(tx, shared)
                                } catch  where shared.jobWrote {
                                    throw FailedAfterWriting()
                                }
                            } else {
                                value = try await Transaction.savepoint("job\(i)", on: tx) {
                                    let value = try await item.job($0, shared)
                                    try await shared.flush(on: $0)
                                    return value
                                }
                            }
                            outcomes.append(.success(value))
                        } catch let error as FailedAfterWriting {
                            throw error
                        } catch {
                            // A job refused before writing kept nothing: what is kept is the
                            // earlier jobs', and stays. In a savepoint, what is kept is the
                            // failed job's own, rolled back.
                            if !inSavepoint { try await flushKept() }
                            shared.forget()
                            outcomes.append(.failure(error))
                        }
                    }
                    marks.decided = .now
                    // PostgreSQL: the writes wait to go in one statement with the checkpoints.
                    try await flushKept(deferring: true)
                    marks.written = .now
                    try await finish(tx, shared)
                    do {
                        try await shared.runCombined(on: tx, expecting: expected)
                    } catch {
                        if savepointEveryJob || expected != nil { throw error }
                        throw FailedAfterWriting()
                    }
                    marks.checkpointed = .now
                    bodyDone = true
                }
                marks.committed = .now
                shared.committed(dataVersion: try version.after ?? Self.dataVersion(db))
            }
            phases.add(marks, jobs: batch.count)
        } catch is FailedAfterWriting {
            // Rolled back whole: nothing of it was acknowledged. Again, each job undoable alone.
            shared.forget()
            await run(batch, savepointEveryJob: true)
            return
        } catch  where expected != nil && !bodyDone {
            // Before COMMIT, so nothing of it is durable: decided on a state someone else's
            // commit had made stale, or failed for a reason the next run will meet again and
            // report. Either way, again from a fresh state, the version counted first.
            staleBatches += 1
            shared.forget()
            await run(batch, optimistic: false)
            return
        } catch {
            // Nothing of this batch is durable: every job fails, none is acknowledged.
            shared.forget()
            for item in batch { item.done.resume(with: .failure(error)) }
            return
        }
        for (item, outcome) in zip(batch, outcomes) { item.done.resume(with: outcome) }
    }

    /// Where a job's outcome goes: the continuation its task waits on, or, for the job whose own
    /// task runs the batch, a place that task reads once the batch is over.
    private enum Reply {
        case resume(CheckedContinuation<any Sendable, any Error>)
        case leader(LeaderReply)

        func resume(with outcome: Result<any Sendable, any Error>) {
            switch self {
            case .resume(let continuation): continuation.resume(with: outcome)
            case .leader(let reply): reply.result = outcome
            }
        }
    }

    /// Who wrote last, read at the start of a write transaction: the version the batch state was
    /// kept for must be the one found, or the state is reloaded. SQLite: its data version (the
    /// version after COMMIT is read then). PostgreSQL: the `write_version` row, which every write
    /// transaction counts up as its first statement, so that it also holds the row's lock to its
    /// end: write transactions, from every server on the database, take turns.
    private static func writeVersion(_ tx: any SQLDatabase) async throws -> (before: Int64?, after: Int64?) {
        guard tx is SQLiteSession else {
            guard
                let row = try await tx.raw("UPDATE write_version SET version = version + 1 RETURNING version").first()
            else { throw StoreError.database("the write_version row is missing; run `parley migrate`") }
            let after = try row.decode(column: "version", as: Int64.self)
            return (after - 1, after)
        }
        return (try dataVersion(tx), nil)
    }

    /// SQLite's count of the commits this connection has noticed, its own and others' (see
    /// ReadStamp); nil on PostgreSQL. Read without a statement, right after BEGIN IMMEDIATE
    /// began reading and right after COMMIT.
    private static func dataVersion(_ db: any SQLDatabase) throws -> Int64? {
        (try (db as? SQLiteSession)?.dataVersion()).map(Int64.init)
    }
}

/// The outcome of the job whose own task runs its batch; set and read on the queue's actor only.
private final class LeaderReply: @unchecked Sendable {
    var result: Result<any Sendable, any Error>?
}
