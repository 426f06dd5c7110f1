// The store's checkpoint history: every commit's writer gets a checkpoint signed over its change;
// the store keeps the latest of each log and the first at or after every spacing of entries,
// and each kept one verifies and matches the entries.

import Foundation
import ParleyCore
import ParleyRecord
import SQLKit
import Testing

@testable import ParleyStore

@Suite struct StoreCheckpointTests {
    @Test(arguments: Backend.available)
    func keepsTheLatestAndTheFirstOfEverySpacing(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let log = LogID.shared(w.mechanism).description
            let spacing = LogWriter.checkpointSpacing
            let (mechanism, actors) = (w.mechanism, [w.usNegotiator, w.ruNegotiator])
            // Enough appends to cross two spacings, from concurrent writers (so batches vary).
            let target = 2 * spacing + 40
            var handed: [String] = []
            while try #require(try await store.logSize(log)) < target {
                handed += try await withThrowingTaskGroup(of: String.self) { group in
                    for task in 0..<32 {
                        group.addTask {
                            let command = Command.raiseIrritant(
                                .init(mechanism: mechanism, title: "Irritant \(task)", description: "x")
                            )
                            let result = try await store.execute(command, by: actors[task % 2])
                            return try #require(result.checkpoints[LogID.shared(mechanism)])
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            let size = try #require(try await store.logSize(log))
            let kept = try await store.checkpoints(log).map {
                try Checkpoint.open($0, logKey: store.serverKey).checkpoint
            }
            // Every writer was handed a checkpoint the server signed, pruned or not.
            #expect(handed.count >= Int(2 * spacing))
            for note in handed { _ = try Checkpoint.open(note, logKey: store.serverKey) }
            #expect(kept.last?.size == UInt64(size))
            // Below the latest: exactly one per spacing that saw a commit, the first of it.
            let older = kept.dropLast().map { Int64($0.size) }
            #expect(Set(older.map { $0 / spacing }).count == older.count, "\(older)")
            #expect(older.count <= Int(size / spacing) + 1)
            // And it is the first: from the second spacing on (the first saw the set-up's commits),
            // the kept sizes are the least handed out in each spacing, and the latest.
            var firsts: [Int64: Int64] = [:]
            for note in handed {
                let handedSize = Int64(try Checkpoint.open(note, logKey: store.serverKey).checkpoint.size)
                guard handedSize >= spacing else { continue }
                firsts[handedSize / spacing] = min(firsts[handedSize / spacing] ?? handedSize, handedSize)
            }
            #expect(Set(kept.map { Int64($0.size) }.filter { $0 >= spacing }) == Set(firsts.values).union([size]))
            #expect(try await store.verify().isClean)
        }
    }
}
