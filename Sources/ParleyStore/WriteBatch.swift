// What the jobs of the group-commit queue share inside the writing transaction: the state
// decisions read (so a mechanism's structure is loaded once, not once a command), each log's tail
// as a compact range (so an append reads nothing), what the jobs appended and projected until it
// is flushed (see PendingAppends), and the logs a batch touched, whose checkpoints are signed
// once, after its last job, over the size the batch ends with.
//
// The state outlives a batch only while nobody else can have changed what it describes: while
// the write version found at the start of a batch is the one the queue's own last commit left
// (SQLite: the writing connection's data version; PostgreSQL: the `write_version` row that every
// write transaction counts up, see WriteQueue), so no other connection, process or server
// committed between. A job that fails is rolled back to its savepoint, and a batch that
// fails is rolled back whole, so whatever they put here may describe writes that no longer
// exist: the state is then forgotten and reloaded.
import ParleyCore
import ParleyRecord
import SQLKit

final class WriteBatch: @unchecked Sendable {
    /// Decision state shared by the commands; nil until the first needs it.
    private(set) var state: StateCache?
    /// Mechanisms whose structure `state` holds.
    var preloaded: Set<MechanismID> = []
    /// Each appended log's size and perfect subtree roots, as of the latest write.
    var tails: [String: CompactRange] = [:]
    /// Each appended log's number (see EntryKey), read or given with its tail.
    var logNumbers: [String: Int64] = [:]
    /// Each log's size at the latest checkpoint the queue stored for it.
    var checkpointedSizes: [String: Int64] = [:]
    /// What the current batch appended to, and the checkpoints signed when it ended.
    private(set) var outcome = BatchOutcome()
    private var dataVersion: Int64?
    /// The entries appended since the last flush, and (in `state`) the rows they projected.
    private var pending = PendingAppends()
    /// PostgreSQL: writes kept to be sent as one statement (see `combinedWrite`).
    private var combined: CombinedWrite?
    /// Rows of `state.writtenRows` being encoded on another core, each for its latest value.
    private var rowEncodings: [MemoryState.RowKey: Task<StoredRow, any Error>] = [:]
    /// The batch has several jobs: encoding goes to another core while the writer goes on.
    private(set) var background = false
    /// Set by a job when it issues its first write. A job that fails before writing needs no
    /// savepoint to be undone (see WriteQueue).
    var jobWrote = false

    /// Rows of state kept at most between batches; beyond, it is reloaded as needed. A kept row
    /// takes about 400 bytes of dictionary storage, which grows by doubling: at 20,000 rows a
    /// 12.8 MB block, which glibc then kept resident (a 33 MB step in the bench's peak memory);
    /// at 5,000, 3.2 MB, for a reload of the mechanism's structure every 80 or so full batches.
    static let stateLimit = 5_000

    /// How many times the state was made afresh: tests see whether it was kept.
    private(set) var statesMade = 0

    func sharedState() -> StateCache {
        if let state { return state }
        statesMade += 1
        let made = StateCache()
        state = made
        return made
    }

    /// At the start of each transaction: keep the state only if nobody else wrote since the
    /// last commit. `dataVersion` is SQLite's; nil where there is no such thing.
    func begin(dataVersion: Int64?, jobs: Int) {
        outcome = BatchOutcome()
        background = jobs > 1
        if dataVersion == nil || dataVersion != self.dataVersion || (state?.rowCount ?? 0) > Self.stateLimit {
            forget()
        }
        self.dataVersion = nil
    }

    /// After a batch committed: the data version its commit left.
    func committed(dataVersion: Int64?) {
        self.dataVersion = dataVersion
    }

    func touch(_ log: LogAddress) { outcome.touch(log) }

    /// The size of `log` with the entries kept for it, if any are.
    func keptSize(of log: String) -> Int64? { pending.size(of: log) }

    /// Keeps an appended entry for the next flush.
    func keep(_ entry: Entry, log: String, index: Int64) throws {
        pending.append(log: log, index: index, encoding: try .init(entry, background: background))
    }

    /// After a job changed the rows `keys` of `state`: in a batch of several jobs, their encoding
    /// starts on another core (a later change to a row starts it again).
    func encodeInBackground(_ keys: Set<MemoryState.RowKey>) {
        guard background, let state else { return }
        for key in keys {
            guard let row = state.writtenRows[key] else { continue }
            rowEncodings[key] = Task { try StoredRow(row) }
        }
    }

    /// Writes what the batch's jobs kept (entries, hashes, log sizes, projection rows and
    /// counters): before the batch commits, and before a job that may read or write those tables
    /// itself. `deferring` is the flush before the checkpoints, which store the logs' sizes with
    /// themselves; on PostgreSQL the writes then wait to go with them in one statement (see
    /// `runCombined`).
    func flush(on db: any SQLDatabase, deferring: Bool = false) async throws {
        let combined = combinedWrite(for: db)
        try await pending.write(on: db, tails: &tails, numbers: logNumbers, sizesLater: deferring, combining: combined)
        if let state {
            try await ProjectionWriter.write(state, on: db, encoded: rowEncodings, combining: combined)
        }
        rowEncodings = [:]
        if !deferring { try await runCombined(on: db) }
    }

    /// PostgreSQL: the batch's writes not yet sent, to go as one statement (see CombinedWrite);
    /// nil on SQLite, where every write runs as it comes.
    func combinedWrite(for db: any SQLDatabase) -> CombinedWrite? {
        guard !(db is SQLiteSession) else { return nil }
        if let combined { return combined }
        let made = CombinedWrite()
        combined = made
        return made
    }

    /// Sends the writes `combinedWrite` kept; with `expecting`, only if the write version is
    /// still that one (see CombinedWrite.run).
    func runCombined(on db: any SQLDatabase, expecting version: Int64? = nil) async throws {
        let combined = self.combined ?? CombinedWrite()
        self.combined = nil
        guard !combined.isEmpty || version != nil else { return }
        try await combined.run(on: db, expecting: version)
    }

    /// The write version the queue's last commit left, while the state is kept for it.
    var keptVersion: Int64? { dataVersion }

    /// After a failed job or batch, or a job that wrote outside the store's own bookkeeping.
    /// Whatever is still kept unflushed is dropped: the caller flushes first what must stay.
    func forget() {
        state = nil
        preloaded = []
        tails = [:]
        logNumbers = [:]
        checkpointedSizes = [:]
        pending = PendingAppends()
        rowEncodings = [:]
        combined = nil
    }
}

/// The logs one batch appended to, and the checkpoint signed for each when it ended (by log id).
final class BatchOutcome: @unchecked Sendable {
    private(set) var touched: [LogAddress] = []
    var checkpoints: [String: String] = [:]

    func touch(_ log: LogAddress) {
        if !touched.contains(log) { touched.append(log) }
    }
}
