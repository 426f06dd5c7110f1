// Helpers shared by the benchmark groups.
import Foundation
import ParleyStore

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Where one append run's wall time went, in microseconds per entry: each phase of the write
/// queue's batches (see WritePhases), then the rest ("elsewhere": writers coming back with their
/// next command, building it, and the hops between tasks).
func phaseLine(_ p: WritePhases, entries: Int, wall: Double) -> String {
    let n = Double(max(entries, 1))
    func us(_ d: Duration) -> String { String(format: "%.0f", seconds(d) * 1e6 / n) }
    let queued = p.gathering + p.beginning + p.deciding + p.writing + p.checkpointing + p.committing
    let elsewhere = max(0, wall - seconds(queued)) * 1e6 / n
    let perBatch = Double(p.jobs) / Double(max(p.batches, 1))
    return "gather \(us(p.gathering)), begin \(us(p.beginning)), decide \(us(p.deciding)), write \(us(p.writing)), "
        + "checkpoint \(us(p.checkpointing)), commit \(us(p.committing)), elsewhere \(String(format: "%.0f", elsewhere))"
        + " µs per entry; \(String(format: "%.1f", perBatch)) jobs per batch"
}
