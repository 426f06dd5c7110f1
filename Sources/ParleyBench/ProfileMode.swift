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
    var runs: [TimedVerify] = []
    for _ in 0..<max(times, 1) {
        let run = try await timedVerify(store)
        say(
            "verify: \(run.report.entries) entries, \(run.report.bytes) bytes in \(String(format: "%.3f", run.seconds)) s"
                + " (\(String(format: "%.2f", run.coresBusy)) cores busy, \(String(format: "%.3f", run.cpuSeconds)) CPU s),"
                + " clean: \(run.report.isClean)"
        )
        runs.append(run)
    }
    // SHA-256 over the largest log's bytes, as `scripts/bench store` sets verify beside it.
    if let log = runs.last?.report.logs.max(by: { $0.size < $1.size })?.log {
        let peak = peakMemoryMB()
        let bodies = try await logBodies(store, log: log)
        let sha = (0..<3).map { _ in sha256Pass(bodies) }.max() ?? 0
        let best = runs.map(\.bytesPerSecond).max() ?? 0
        say(
            "best verify \(percent(best, of: sha)) of SHA-256 (\(Int(sha / 1e6)) MB/s); peak RSS before the yardstick \(peak) MB"
        )
    }
    await store.close()
}
