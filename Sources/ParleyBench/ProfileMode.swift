// `parley-bench append N WRITERS [DATABASE]` and `parley-bench verify DATABASE`: one measured step
// on its own, for a profiler (callgrind counts instructions whatever else the machine does).
import Foundation
import Logging
import ParleyRecord
import ParleyStore

func profileAppend(count: Int, writers: Int, path: String) async throws {
    var logger = Logger(label: "parley.bench.profile")
    logger.logLevel = .critical
    let store = try await Store.open(
        .sqlite(path: path),
        signer: try ServerKey.loadOrCreate(path: ServerKey.defaultPath(for: .sqlite(path: path)), name: "bench.parley"),
        logger: logger
    )
    let world = try await BenchWorld.make(store, writers: max(writers, 1))
    let rate = try await world.append(count, writers: writers)
    say("\(count) appends, \(writers) writer(s): \(Int(rate)) entries/s")
    await store.close()
}

func profileVerify(path: String) async throws {
    var logger = Logger(label: "parley.bench.profile")
    logger.logLevel = .critical
    let store = try await Store.open(
        .sqlite(path: path),
        signer: try ServerKey.loadOrCreate(path: ServerKey.defaultPath(for: .sqlite(path: path)), name: "bench.parley"),
        logger: logger
    )
    let started = ContinuousClock.now
    let report = try await store.verify()
    let elapsed = ContinuousClock.now - started
    say("verify: \(report.entries) entries, \(report.bytes) bytes in \(elapsed), clean: \(report.isClean)")
    await store.close()
}
