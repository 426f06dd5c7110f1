// The write queue's phase times (what `scripts/bench` prints beside the append rates): every
// committed batch is counted with its jobs, a refused job's batch too, and a failed batch not.

import Foundation
import ParleyCore
import SQLKit
import Testing

@testable import ParleyStore

@Suite struct WritePhasesTests {
    @Test(arguments: Backend.available)
    func committedBatchesAreCountedWithTheirJobsAndTime(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let account = try #require(w.usLead.account)
            await store.stopIndexing()
            let before = await store.writePhases()
            let batchesBefore = await store.queue.batches

            let holder = await StoreConcurrencyTests.holdQueue(of: store, until: 8)
            _ = try await StoreConcurrencyTests.raiseEight(store, in: w.mechanism, by: w.usNegotiator)
            try await holder.value
            await #expect(throws: Refusal.self) {
                try await store.execute(
                    .raiseIrritant(.init(mechanism: w.mechanism, title: "", description: "x")),
                    by: w.usNegotiator
                )
            }
            struct Deliberate: Error {}
            await #expect(throws: Deliberate.self) {
                try await store.write { writer in
                    try await writer.db.raw(StoreConcurrencyTests.credentialRow(for: account)).run()
                    throw Deliberate()
                }
            }

            let run = await store.writePhases() - before
            // The holder's batch, the eight sharing one, the refused command's; the failing
            // job's batch committed nothing of its own but did commit (its savepoint undone).
            #expect(await store.queue.batches - batchesBefore == 4)
            #expect(run.batches == 4)
            #expect(run.jobs == 11)
            for phase in [run.beginning, run.deciding, run.writing, run.checkpointing, run.committing] {
                #expect(phase > .zero)
            }
            #expect(run.gathering >= .zero)
        }
    }

    /// A batch that waits for the writing connection while something outside the queue holds it
    /// (the commit-rate probe, a backup) does not count the wait as its own beginning: the
    /// bench's phase line would otherwise charge the appends that follow with it.
    @Test(arguments: Backend.available)
    func waitingForTheConnectionIsNotTheBatchsTime(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            await store.stopIndexing()
            let before = await store.writePhases()
            let held = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await store.database.writers.with { _ in
                    held.continuation.yield()
                    try await Task.sleep(for: .seconds(1))
                }
            }
            for await _ in held.stream { break }
            _ = try await store.execute(
                .raiseIrritant(.init(mechanism: w.mechanism, title: "Waited", description: "x")),
                by: w.usNegotiator
            )
            try await holder.value
            let run = await store.writePhases() - before
            #expect(run.batches == 1)
            #expect(run.beginning < .milliseconds(500), "the second held by the probe was counted: \(run.beginning)")
        }
    }
}
