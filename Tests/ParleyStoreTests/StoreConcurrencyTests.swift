// The store conformance suite, part 3: concurrent writers on one log, and group commit (many
// jobs in one transaction, a failing job undoing only its own writes).

import Foundation
import ParleyCore
import ParleyRecord
import SQLKit
import Synchronization
import Testing

@testable import ParleyStore

@Suite struct StoreConcurrencyTests {
    /// A job that finds the queue idle runs its batch in its own task; one from a cancelled task
    /// does not (its batch could hold other writers' jobs), yet it is run and acknowledged all
    /// the same, and the queue goes on serving both kinds.
    @Test(arguments: Backend.available)
    func aLoneWritersJobAndACancelledTasksJobAreBothCommittedAndAcknowledged(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let (mechanism, actor) = (w.mechanism, w.usNegotiator)
            func raise(_ title: String) async throws -> Entry {
                try await store.execute(
                    .raiseIrritant(.init(mechanism: mechanism, title: title, description: "Visas.")),
                    by: actor
                ).entries[0]
            }
            let alone = try await raise("Alone")
            let cancelled = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await raise("Cancelled")
            }
            let fromCancelled = try await cancelled.value
            let after = try await raise("After")
            #expect([alone.index + 1, alone.index + 2] == [fromCancelled.index, after.index])
            let titles = try await store.projectionRows().compactMap { row -> String? in
                guard case .item(.irritant(let irritant)) = row.value else { return nil }
                return irritant.title
            }
            #expect(Set(titles) == ["Alone", "Cancelled", "After"])
            #expect(try await store.verify().isClean)
        }
    }

    @Test(arguments: Backend.available)
    func concurrentWritersGetGaplessUniqueIndexes(_ backend: Backend) async throws {
        let database = try await TestDatabase.make(backend)
        do {
            let store = try await database.open()
            let w = try await StoreWorld(store)
            let log = LogID.shared(w.mechanism)
            let before = try #require(try await store.logSize(log.description))
            let (mechanism, actors) = (w.mechanism, [w.usNegotiator, w.ruNegotiator, w.usLead, w.ruLead])
            let perTask = 6
            let indexes = try await withThrowingTaskGroup(of: [UInt64].self) { group in
                for task in 0..<8 {
                    group.addTask {
                        var mine: [UInt64] = []
                        for i in 0..<perTask {
                            let command = Command.raiseIrritant(
                                .init(mechanism: mechanism, title: "Task \(task) item \(i)", description: "x")
                            )
                            mine += try await store.execute(command, by: actors[task % actors.count]).entries.map(
                                \.index
                            )
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let expected = Array(UInt64(before)..<UInt64(before) + UInt64(8 * perTask))
            #expect(indexes.sorted() == expected)
            await store.close()

            // After reopening, every entry is there, in order, and the record verifies.
            let reopened = try await database.open()
            #expect(try await reopened.logSize(log.description) == before + Int64(8 * perTask))
            let entries = try await reopened.entries(log.description, start: before, end: before + Int64(8 * perTask))
            #expect(entries.map(\.index) == expected.map(Int64.init))
            let references = try await reopened.items(
                .irritant,
                in: mechanism,
                scope: try await reopened.readScope(for: actors[0]),
                limit: 100
            )
            .rows.compactMap(\.reference?.number)
            #expect(references.sorted() == Array(1...(8 * perTask)))
            #expect(try await reopened.verify().isClean)
            await reopened.close()
        } catch {
            await database.destroy()
            throw error
        }
        await database.destroy()
    }

    @Test(arguments: Backend.available)
    func groupCommitSharesOneTransactionAndIsolatesAFailingJob(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let (mechanism, actor) = (w.mechanism, w.usNegotiator)
            let account = try #require(w.usLead.account)
            // The background search indexer writes through the queue too; its batches would be
            // counted here.
            await store.stopIndexing()
            let batchesBefore = await store.queue.batches

            struct Deliberate: Error {}
            // A first job holds the queue until the following ones wait, so they run as one batch.
            let holder = await Self.holdQueue(of: store, until: 9)

            let failing = Task {
                try await store.write { writer in
                    try await writer.db.raw(
                        Self.credentialRow(for: account)
                    ).run()
                    throw Deliberate()
                }
            }
            let results = try await Self.raiseEight(store, in: mechanism, by: actor)
            try await holder.value
            await #expect(throws: Deliberate.self) { try await failing.value }

            #expect(results.count == 8)
            #expect(
                await store.queue.batches == batchesBefore + 2,
                "the eight appends and the failing job should share one transaction"
            )
            #expect(try await store.credential(for: account) == nil, "the failing job's write was not undone")
            #expect(
                try await store.items(.irritant, in: mechanism, scope: try await store.readScope(for: actor)).rows.count
                    == 8
            )
            #expect(try await store.verify().isClean)
        }
    }

    /// Commands run without a savepoint each. One that is refused writes nothing and leaves the
    /// batch alone; a job without a savepoint that fails after writing makes the whole batch roll
    /// back and run again with a savepoint for every job, so only its own writes are lost.
    @Test(arguments: Backend.available)
    func aJobWithoutSavepointThatFailsAfterWritingRerunsTheBatch(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let (mechanism, actor) = (w.mechanism, w.usNegotiator)
            let account = try #require(w.usLead.account)
            // The background search indexer writes through the queue too; its batches would be
            // counted here.
            await store.stopIndexing()
            let batchesBefore = await store.queue.batches

            struct Deliberate: Error {}
            let holder = await Self.holdQueue(of: store, until: 10)

            let refused = Task {
                try await store.execute(
                    .raiseIrritant(.init(mechanism: mechanism, title: " ", description: "x")),
                    by: actor
                )
            }
            let failing = Task {
                try await store.queue.submit(decidesBeforeWriting: true) { db, batch in
                    batch.jobWrote = true
                    try await db.raw(
                        Self.credentialRow(for: account)
                    ).run()
                    throw Deliberate()
                }
            }
            let results = try await Self.raiseEight(store, in: mechanism, by: actor)
            try await holder.value
            await #expect(throws: Deliberate.self) { try await failing.value }
            await #expect(throws: Refusal.self) { try await refused.value }

            #expect(results.count == 8)
            #expect(
                await store.queue.batches == batchesBefore + 3,
                "the waiting jobs should run as one batch, then once more with savepoints"
            )
            #expect(try await store.credential(for: account) == nil, "the failing job's write was not undone")
            let irritants = try await store.items(
                .irritant,
                in: mechanism,
                scope: try await store.readScope(for: actor)
            )
            #expect(irritants.rows.count == 8)
            let indexes = results.map(\.index).sorted()
            #expect(indexes == Array(indexes.first!..<(indexes.first! + 8)), "indexes with gaps: \(indexes)")
            #expect(try await store.verify().isClean)
        }
    }

    /// A batch keeps what its commands append and project until it ends (PendingAppends). What
    /// the commands before a refused one kept must survive the refusal, and what they kept before
    /// a job in a savepoint must not be undone when that job fails and its savepoint rolls back.
    @Test(arguments: Backend.available)
    func keptWritesSurviveARefusalAndAFailingJobInTheSameBatch(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let (mechanism, actor) = (w.mechanism, w.usNegotiator)
            await store.stopIndexing()
            let batchesBefore = await store.queue.batches
            let live = try await store.projectionDigest()

            struct Deliberate: Error {}
            let holder = await Self.holdQueue(of: store, until: 10)

            // In this order in one batch: two commands, a job in a savepoint that fails, two
            // commands, a refused command, four commands.
            func raise(_ title: String) -> Task<Entry, any Error> {
                Task {
                    try await store.execute(
                        .raiseIrritant(.init(mechanism: mechanism, title: title, description: "x")),
                        by: actor
                    ).entries[0]
                }
            }
            var raised: [Task<Entry, any Error>] = []
            for i in 0..<2 {
                raised.append(raise("First \(i)"))
                try await Self.untilWaiting(raised.count, in: store.queue)
            }
            let failing = Task { try await store.write { _ in throw Deliberate() } }
            try await Self.untilWaiting(3, in: store.queue)
            for i in 0..<2 {
                raised.append(raise("Second \(i)"))
                try await Self.untilWaiting(raised.count + 1, in: store.queue)
            }
            let refused = raise(" ")
            try await Self.untilWaiting(6, in: store.queue)
            for i in 0..<4 { raised.append(raise("Third \(i)")) }
            try await holder.value

            var entries: [Entry] = []
            for task in raised { entries.append(try await task.value) }
            await #expect(throws: Refusal.self) { try await refused.value }
            await #expect(throws: Deliberate.self) { try await failing.value }
            #expect(await store.queue.batches == batchesBefore + 2, "the jobs should have shared one batch")

            let indexes = entries.map(\.index).sorted()
            #expect(indexes == Array(indexes[0]..<indexes[0] + 8), "indexes with gaps or repeats: \(indexes)")
            let irritants = try await store.items(
                .irritant,
                in: mechanism,
                scope: try await store.readScope(for: actor)
            )
            #expect(
                Set(irritants.rows.map(\.title))
                    == Set(
                        (0..<2).map { "First \($0)" } + (0..<2).map { "Second \($0)" } + (0..<4).map { "Third \($0)" }
                    )
            )
            let references = irritants.rows.compactMap(\.reference?.number)
            #expect(references.count == 8 && Set(references).count == 8, "references: \(references)")
            #expect(try await store.verify().isClean)
            let kept = try await store.projectionDigest()
            #expect(kept != live)
            _ = try await store.rebuild()
            #expect(try await store.projectionDigest() == kept, "the live rows differ from the entries' replay")
        }
    }

    /// In a batch of several jobs a row's encoding starts on another core as soon as a job changed
    /// it. A row changed again by a later job of the same batch must be stored as it ends, not as
    /// the first job left it.
    @Test(arguments: Backend.available)
    func aRowChangedByTwoJobsOfOneBatchIsStoredAsItEnds(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let mechanism = w.mechanism
            await store.stopIndexing()
            let batchesBefore = await store.queue.batches
            let holder = await Self.holdQueue(of: store, until: 3)

            // The irritant's id is known before it is raised, so the next jobs can name it.
            let id = RandomID.make()
            let given = Mutex(false)
            let raised = Task {
                try await store.execute(
                    .raiseIrritant(.init(mechanism: mechanism, title: "Visas", description: "x")),
                    by: w.usNegotiator,
                    newID: {
                        given.withLock { done in
                            defer { done = true }
                            return done ? RandomID.make() : id
                        }
                    }
                )
            }
            try await Self.untilWaiting(1, in: store.queue)
            let acknowledged = Task {
                try await store.execute(
                    .acknowledgeIrritant(.init(mechanism: mechanism, irritant: ItemID(id))),
                    by: w.ruNegotiator
                )
            }
            try await Self.untilWaiting(2, in: store.queue)
            let discussed = Task {
                try await store.execute(
                    .startDiscussion(.init(mechanism: mechanism, irritant: ItemID(id))),
                    by: w.ruNegotiator
                )
            }
            try await holder.value
            _ = try await raised.value
            _ = try await acknowledged.value
            _ = try await discussed.value
            #expect(await store.queue.batches == batchesBefore + 2, "the three jobs should have shared one batch")

            let rows = try await store.items(.irritant, in: mechanism, scope: try await store.readScope(for: w.usLead))
            let row = try #require(rows.rows.first { $0.id == id })
            #expect(row.status == IrritantStatus.inDiscussion.rawValue)
            guard case .item(.irritant(let irritant)) = row.value else {
                Issue.record("row \(id) holds no irritant")
                return
            }
            #expect(irritant.status == .inDiscussion)
            let live = try await store.projectionDigest()
            _ = try await store.rebuild()
            #expect(try await store.projectionDigest() == live, "the stored row differs from the entries' replay")
        }
    }

    /// Starts a write job that holds the queue until `count` further jobs wait behind it, so that
    /// they run as one batch; returns once it holds the queue.
    static func holdQueue(of store: Store, until count: Int) async -> Task<Void, any Error> {
        let started = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await store.write { _ in
                started.continuation.yield()
                try await untilWaiting(count, in: store.queue)
            }
        }
        var iterator = started.stream.makeAsyncIterator()
        await iterator.next()
        return holder
    }

    /// Returns once `count` jobs wait in `queue` (or after ten seconds, and the test's batch
    /// count then says what went wrong).
    static func untilWaiting(_ count: Int, in queue: WriteQueue) async throws {
        for _ in 0..<1000 where await queue.waitingJobs < count {
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The writer keeps decision state and log tails from one batch to the next, while no one
    /// else wrote: a commit by another store on the same database (the CLI beside a running
    /// server) in between must be noticed, or the next append would reuse an index or a reference.
    @Test(arguments: Backend.available)
    func aCommitByAnotherStoreBetweenBatchesIsNoticed(_ backend: Backend) async throws {
        try await withStore(backend) { store, database in
            let w = try await StoreWorld(store)
            let (mechanism, actor) = (w.mechanism, w.usNegotiator)
            func raise(_ title: String, on store: Store) async throws -> Entry {
                try await store.execute(
                    .raiseIrritant(.init(mechanism: mechanism, title: title, description: "x")),
                    by: actor
                ).entries[0]
            }
            await store.stopIndexing()
            let first = try await raise("Before", on: store)
            let other = try await database.open()
            let between = try await raise("Between, by another store", on: other)
            await other.close()
            let batchesBefore = await store.queue.batches
            let (optimisticBefore, staleBefore) = (await store.queue.optimisticBatches, await store.queue.staleBatches)
            let after = try await raise("After", on: store)
            if backend == .postgres {
                // Decided on the kept state, found stale where it writes, run again from a fresh one.
                #expect(await store.queue.optimisticBatches == optimisticBefore + 1)
                #expect(await store.queue.staleBatches == staleBefore + 1, "the other store's commit went unnoticed")
                #expect(await store.queue.batches == batchesBefore + 2)
            } else {
                // Noticed at BEGIN, from SQLite's data version: one batch.
                #expect(await store.queue.batches == batchesBefore + 1, "the other store's commit went unnoticed")
            }
            #expect(between.index == first.index + 1)
            #expect(after.index == between.index + 1)
            let references = try await store.items(
                .irritant,
                in: mechanism,
                scope: try await store.readScope(for: actor)
            ).rows.compactMap(\.reference?.number)
            #expect(references.count == Set(references).count, "a reference was given twice: \(references)")
            #expect(try await store.verify().isClean)
        }
    }

    /// The decision state outlives a batch while nobody else wrote, on both databases, and is
    /// dropped when another store committed in between.
    @Test(arguments: Backend.available)
    func theDecisionStateIsKeptBetweenBatchesUntilAnotherStoreWrites(_ backend: Backend) async throws {
        try await withStore(backend) { store, database in
            let w = try await StoreWorld(store)
            func raise(_ title: String, on store: Store) async throws {
                _ = try await store.execute(
                    .raiseIrritant(.init(mechanism: w.mechanism, title: title, description: "x")),
                    by: w.usNegotiator
                )
            }
            try await raise("First", on: store)
            let made = await store.queue.statesMade
            let stale = await store.queue.staleBatches
            try await raise("Second", on: store)
            #expect(await store.queue.statesMade == made, "the state was reloaded though nobody else wrote")
            #expect(await store.queue.staleBatches == stale)
            if backend == .postgres { #expect(await store.queue.optimisticBatches > 0) }
            let other = try await database.open()
            try await raise("By another store", on: other)
            await other.close()
            try await raise("Third", on: store)
            #expect(await store.queue.statesMade == made + 1, "another store's commit went unnoticed")
        }
    }

    /// Two servers on one PostgreSQL database, each with writers of its own, appending to the same
    /// logs at once: each one's kept state goes stale again and again (the optimistic batches),
    /// and nothing may come of it but batches run again. Every index is taken once, every
    /// reference given once, and the logs verify. PostgreSQL only: an SQLite file is one server's,
    /// and a second writing process waits for its lock with SQLite's busy timeout, which a
    /// writer that never pauses can outlast (it did under CI's load); that case is the one-off
    /// commit between batches above.
    @Test(arguments: Backend.available.filter { $0 == .postgres })
    func twoStoresAppendingAtOnceTakeTurnsWithoutLosingOrRepeatingAnything(_ backend: Backend) async throws {
        try await withStore(backend) { store, database in
            let w = try await StoreWorld(store)
            let other = try await database.open()
            let perStore = 60
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (s, target) in [store, other].enumerated() {
                    for writer in 0..<4 {
                        group.addTask {
                            for n in 0..<(perStore / 4) {
                                _ = try await target.execute(
                                    .raiseIrritant(
                                        .init(mechanism: w.mechanism, title: "S\(s) W\(writer) #\(n)", description: "x")
                                    ),
                                    by: w.usNegotiator
                                )
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            await other.close()
            let rows = try await store.items(
                .irritant,
                in: w.mechanism,
                scope: try await store.readScope(for: w.usNegotiator),
                limit: 200
            )
            .rows
            let titles = rows.map(\.title)
            #expect(titles.count == 2 * perStore && Set(titles).count == titles.count, "\(titles.count) irritants")
            let references = rows.compactMap(\.reference?.number)
            #expect(Set(references) == Set(1...(2 * perStore)), "references \(references.sorted())")
            let report = try await store.verify()
            #expect(report.isClean, "\(report.problems)")
        }
    }

    /// verify reads each log's size and checkpoints in one snapshot, then its entries and hashes
    /// in chunks on other connections, while appends go on: everything below the size it read
    /// never changes, so every run is clean and covers no fewer entries than the one before.
    @Test(arguments: Backend.available)
    func verifyIsCleanWhileWritersAppend(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let log = LogID.shared(w.mechanism).description
            let (mechanism, actors) = (w.mechanism, [w.usNegotiator, w.ruNegotiator])
            // The writers go on until verify has seen the log at three sizes, however the
            // machine schedules them.
            let stop = StopFlag()
            let writing = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for task in 0..<4 {
                        group.addTask {
                            var i = 0
                            while !stop.isSet {
                                let title = "Writer \(task) item \(i)"
                                _ = try await store.execute(
                                    .raiseIrritant(.init(mechanism: mechanism, title: title, description: "x")),
                                    by: actors[task % actors.count]
                                )
                                i += 1
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            var sizes: [Int64] = []
            while Set(sizes).count < 3 && sizes.count < 1_000 {
                let report = try await store.verify()
                #expect(report.isClean, "\(report.problems)")
                sizes.append(try #require(report.logs.first { $0.log == log }).size)
            }
            stop.set()
            try await writing.value
            #expect(sizes == sizes.sorted(), "a later verify covered fewer entries: \(sizes)")
            #expect(Set(sizes).count >= 3, "verify did not see the log grow: \(sizes)")
            let final = try await store.verify()
            #expect(final.isClean, "\(final.problems)")
            #expect(final.logs.first { $0.log == log }?.size == (try await store.logSize(log)))
        }
    }

    /// Eight irritants raised at once by `actor`; their entries.
    static func raiseEight(_ store: Store, in mechanism: MechanismID, by actor: Actor) async throws -> [Entry] {
        try await withThrowingTaskGroup(of: Entry.self) { group in
            for i in 0..<8 {
                group.addTask {
                    try await store.execute(
                        .raiseIrritant(.init(mechanism: mechanism, title: "Batch \(i)", description: "x")),
                        by: actor
                    ).entries[0]
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// A row outside every log, for a job that writes and then fails.
    static func credentialRow(for account: AccountID) -> SQLQueryString {
        "INSERT INTO credentials (account_id, password_hash, created_at, updated_at) VALUES (\(bind: account.rawValue), 'x', 'x', 'x')"
    }
}

/// A flag that tasks read while another sets it.
private final class StopFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
