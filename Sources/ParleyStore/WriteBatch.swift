// What the jobs of one group-commit batch share, inside its one transaction: the state decisions
// read (so the structure of a mechanism is loaded once a batch, not once a command), each log's
// tail as a compact range (so an append reads nothing), and the logs touched, whose checkpoints
// are signed once, after the last job, over the size the batch ends with.
//
// A job that fails is rolled back to its savepoint, so whatever it put here may describe writes
// that no longer exist: the batch then forgets its state and tails and reloads them.
import ParleyCore
import ParleyRecord
import SQLKit

final class WriteBatch: @unchecked Sendable {
    /// Decision state shared by the batch's commands; nil until the first needs it.
    private(set) var state: StateCache?
    /// Mechanisms whose structure `state` holds.
    var preloaded: Set<MechanismID> = []
    /// Each appended log's size and perfect subtree roots, as of the batch's latest write.
    var tails: [String: CompactRange] = [:]
    /// Logs appended to by jobs that succeeded, in first-touched order.
    private(set) var touched: [LogAddress] = []
    /// The checkpoint signed for each touched log when the batch finished (by log id).
    var checkpoints: [String: String] = [:]

    func sharedState() -> StateCache {
        if let state { return state }
        let made = StateCache()
        state = made
        return made
    }

    func touch(_ log: LogAddress) {
        if !touched.contains(log) { touched.append(log) }
    }

    /// After a failed job, or a job that wrote outside the store's own bookkeeping.
    func forget() {
        state = nil
        preloaded = []
        tails = [:]
    }
}
