// `parley-bench append N WRITERS [DATABASE]` and `parley-bench verify DATABASE [TIMES]`: one measured step
// on its own, for a profiler (gdb stack samples, say) to look at; `append` measures the raw
// commit rate of the same database first.
import Foundation
import ParleyStore

func profileAppend(count: Int, writers: Int, path: String) async throws {
    let store = try await openBenchStore(path: path, name: "bench.parley")
    // The yardstick first, on the same database, as `scripts/bench store` does: before the world
    // is made, so that no search-index batch waits behind it and counts as the appends' time.
    let raw = try await store.rawCommitRate(rows: 2_000)
    let world = try await BenchWorld.make(store, writers: max(writers, 1))
    let (rate, phases) = try await world.measuredAppend(count, writers: writers)
    say("\(count) appends, \(writers) writer(s): \(Int(rate)) entries/s (raw commits: \(Int(raw))/s)")
    say("  " + phases)
    await store.close()
}

func profileVerify(path: String, times: Int) async throws {
    let store = try await openBenchStore(path: path, name: "bench.parley")
    sync()  // as `scripts/bench store` does: written pages flushed before verify is timed
    var rates: [Double] = []
    var report: VerificationReport?
    for _ in 0..<max(times, 1) {
        let started = ContinuousClock.now
        let checked = try await store.verify()
        let elapsed = ContinuousClock.now - started
        say("verify: \(checked.entries) entries, \(checked.bytes) bytes in \(elapsed), clean: \(checked.isClean)")
        rates.append(Double(checked.bytes) / seconds(elapsed))
        report = checked
    }
    // SHA-256 over the largest log's bytes, as `scripts/bench store` sets verify beside it.
    if let log = report?.logs.max(by: { $0.size < $1.size })?.log {
        let sha = try await sha256Rate(store, log: log)
        say("best verify \(percent(rates.max() ?? 0, of: sha)) of SHA-256 (\(Int(sha / 1e6)) MB/s)")
    }
    await store.close()
}
