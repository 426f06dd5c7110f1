// `parley-bench append N WRITERS [DATABASE]` and `parley-bench verify DATABASE [TIMES]`: one measured step
// on its own, for a profiler (gdb stack samples, say) to look at; `append` measures the raw
// commit rate of the same database first.
import Foundation
import ParleyStore

func profileAppend(count: Int, writers: Int, path: String) async throws {
    let store = try await openBenchStore(path: path, name: "bench.parley")
    let world = try await BenchWorld.make(store, writers: max(writers, 1))
    // The yardstick first, on the same database, as `scripts/bench store` prints it.
    let raw = try await store.rawCommitRate(rows: 2_000)
    let rate = try await world.append(count, writers: writers)
    say("\(count) appends, \(writers) writer(s): \(Int(rate)) entries/s (raw commits: \(Int(raw))/s)")
    await store.close()
}

func profileVerify(path: String, times: Int) async throws {
    let store = try await openBenchStore(path: path, name: "bench.parley")
    for _ in 0..<max(times, 1) {
        let started = ContinuousClock.now
        let report = try await store.verify()
        let elapsed = ContinuousClock.now - started
        say("verify: \(report.entries) entries, \(report.bytes) bytes in \(elapsed), clean: \(report.isClean)")
    }
    await store.close()
}
