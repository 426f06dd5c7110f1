// What the commands of a batch appended, kept in memory until the batch ends: then one bulk
// write per table (entries, stored hashes, log sizes) serves every entry of the batch, where one
// statement per entry and table cost more than SQLite takes to store the rows, and on PostgreSQL
// a round trip each. The projection rows wait likewise, in the batch's StateCache. Nothing reads
// these tables in the writing transaction in between: a log's tail is kept by the batch, and the
// decision state answers for every row the batch wrote (see StateCache).
import ParleyRecord
import SQLKit

struct PendingAppends {
    private var entries: [[BulkValue]] = []
    private var hashes: [[BulkValue]] = []
    /// Each appended log's size after its latest append, by log id.
    private var sizes: [String: Int64] = [:]

    var isEmpty: Bool { entries.isEmpty && sizes.isEmpty }

    /// An entry at `index` of `log`, and the stored hashes its append completed, numbered from
    /// `firstHash`.
    mutating func append(log: String, index: Int64, bytes: [UInt8], firstHash: Int64, hashes completed: [Hash]) {
        entries.append([.text(log), .integer(index), .bytes(bytes)])
        for (offset, hash) in completed.enumerated() {
            hashes.append([.text(log), .integer(firstHash + Int64(offset)), .bytes(hash.bytes)])
        }
        sizes[log] = index + 1
    }

    /// Writes everything kept and empties it.
    mutating func write(on db: any SQLDatabase) async throws {
        guard !isEmpty else { return }
        try await BulkWrite.insert(into: "entries", columns: ["log_id", "idx", "body"], rows: entries, on: db)
        try await BulkWrite.insert(into: "log_hashes", columns: ["log_id", "idx", "hash"], rows: hashes, on: db)
        for (log, size) in sizes.sorted(by: { $0.key < $1.key }) {
            try await db.raw("UPDATE logs SET size = \(bind: size) WHERE id = \(bind: log)").run()
        }
        self = PendingAppends()
    }
}
