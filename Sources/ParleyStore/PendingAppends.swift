// What the commands of a batch appended, kept in memory until the batch ends: then one bulk
// write per table (entries with their stored hashes, log sizes) serves every entry of the batch, where one
// statement per entry and table cost more than SQLite takes to store the rows, and on PostgreSQL
// a round trip each. The projection rows wait likewise, in the batch's StateCache. Nothing reads
// these tables in the writing transaction in between: a log's next index is its kept size, and
// the decision state answers for every row the batch wrote (see StateCache).
//
// An entry's canonical bytes and leaf hash depend on nothing but the entry, so when a batch has
// several jobs they are worked out on another core while the writer decides the next job; the
// Merkle tail is folded in order when the batch writes.
import ParleyCore
import ParleyRecord
import SQLKit

struct PendingAppends {
    /// An entry's canonical bytes and leaf hash, made at once or on another core.
    enum Encoding {
        case done([UInt8], Hash)
        case running(Task<([UInt8], Hash), any Error>)

        init(_ entry: Entry, background: Bool) throws {
            if background {
                self = .running(Task { try Self.encode(entry) })
            } else {
                let (bytes, leaf) = try Self.encode(entry)
                self = .done(bytes, leaf)
            }
        }

        static func encode(_ entry: Entry) throws -> ([UInt8], Hash) {
            let bytes = try CanonicalJSON.encode(entry)
            return (bytes, Merkle.leafHash(bytes))
        }

        var value: ([UInt8], Hash) {
            get async throws {
                switch self {
                case .done(let bytes, let leaf): return (bytes, leaf)
                case .running(let task): return try await task.value
                }
            }
        }
    }

    private var entries: [(log: String, index: Int64, encoding: Encoding)] = []
    /// Each appended log's size after its latest append, by log id.
    private var sizes: [String: Int64] = [:]

    var isEmpty: Bool { entries.isEmpty }

    /// The size of `log` with what is kept, if anything is kept for it.
    func size(of log: String) -> Int64? { sizes[log] }

    mutating func append(log: String, index: Int64, encoding: Encoding) {
        entries.append((log, index, encoding))
        sizes[log] = index + 1
    }

    /// Folds the kept entries into `tails` (each log's compact range as stored), writes them
    /// under their keys (each log's number in `numbers`) with the hashes they complete and,
    /// unless `sizesLater` (the checkpoints that end the batch store each log's size with
    /// themselves), the logs' new sizes; then empties itself.
    mutating func write(
        on db: any SQLDatabase,
        tails: inout [String: CompactRange],
        numbers: [String: Int64],
        sizesLater: Bool = false,
        combining combined: CombinedWrite? = nil
    ) async throws {
        guard !isEmpty else { return }
        var entryRows: [[BulkValue]] = []
        entryRows.reserveCapacity(entries.count)
        for kept in entries {
            let (bytes, leaf) = try await kept.encoding.value
            guard var range = tails[kept.log], range.size == kept.index, let number = numbers[kept.log] else {
                throw StoreError.database("the tail of \(kept.log) does not end before entry \(kept.index)")
            }
            // The hashes this leaf's append stores, end to end, kept in the entry's own row.
            var hashes: [UInt8] = []
            hashes.reserveCapacity(Hash.byteCount * Merkle.storedHashesOfLeaf(kept.index))
            range.append(leafHash: leaf) { hash in hash.withUnsafeBytes { hashes.append(contentsOf: $0) } }
            tails[kept.log] = range
            entryRows.append([.integer(EntryKey.of(log: number, index: kept.index)), .bytes(bytes), .bytes(hashes)])
        }
        try await BulkWrite.insert(
            into: "entries",
            columns: ["entry_key", "body", "hashes"],
            rows: entryRows,
            on: db,
            combining: combined
        )
        for (log, size) in sizes.sorted(by: { $0.key < $1.key }) where !sizesLater {
            if let combined {
                combined.setSize(of: log, to: size)
            } else {
                try await db.raw("UPDATE logs SET size = \(bind: size) WHERE id = \(bind: log)").run()
            }
        }
        self = PendingAppends()
    }
}
