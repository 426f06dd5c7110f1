// Where the group-commit queue spends its time, summed over the batches it ran: the bench prints
// it beside the append rates, so that a change to the write path is measured phase by phase
// rather than guessed at from one rate that moves with the machine's noise.

/// Time the write queue spent in each phase of its batches, and how many batches and jobs ran.
/// Subtract two readings to see one run.
public struct WritePhases: Sendable, Equatable {
    /// Waiting for the writers the last batch acknowledged to come back and join the next.
    public var gathering: Duration = .zero
    /// From the batch's start to its transaction's BEGIN (taking the connection included).
    public var beginning: Duration = .zero
    /// Running the jobs: deciding, appending and projecting in memory, and any writes of their own.
    public var deciding: Duration = .zero
    /// Writing what the jobs kept: entries, stored hashes, log sizes, projection rows, counters.
    /// On PostgreSQL only preparing them: they go with the checkpoints (see CombinedWrite).
    public var writing: Duration = .zero
    /// Signing and storing a checkpoint of every log the batch appended to (on PostgreSQL, with
    /// everything else the batch writes).
    public var checkpointing: Duration = .zero
    /// The COMMIT: the database making the batch durable.
    public var committing: Duration = .zero
    public var batches = 0
    public var jobs = 0

    public init() {}

    public static func - (a: WritePhases, b: WritePhases) -> WritePhases {
        var d = WritePhases()
        d.gathering = a.gathering - b.gathering
        d.beginning = a.beginning - b.beginning
        d.deciding = a.deciding - b.deciding
        d.writing = a.writing - b.writing
        d.checkpointing = a.checkpointing - b.checkpointing
        d.committing = a.committing - b.committing
        d.batches = a.batches - b.batches
        d.jobs = a.jobs - b.jobs
        return d
    }

    /// The instants one committed batch passed, in order.
    struct Marks {
        var started = ContinuousClock.now
        var begun = ContinuousClock.now
        var decided = ContinuousClock.now
        var written = ContinuousClock.now
        var checkpointed = ContinuousClock.now
        var committed = ContinuousClock.now
    }

    mutating func add(_ m: Marks, jobs: Int) {
        beginning += m.begun - m.started
        deciding += m.decided - m.begun
        writing += m.written - m.decided
        checkpointing += m.checkpointed - m.written
        committing += m.committed - m.checkpointed
        batches += 1
        self.jobs += jobs
    }
}

extension Store {
    /// The write queue's phase times so far (see WritePhases).
    public func writePhases() async -> WritePhases { await queue.phases }
}
