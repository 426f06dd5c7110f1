// PostgreSQL's answer to `verify`'s reads: rows of an index and two BLOBs (an entry's bytes and
// its stored hashes), sent as one row of aggregates (the indexes, each BLOB's length, the BLOBs
// end to end), kept that way.
struct IndexedBlobs: Sendable {
    let indexes: [Int64]
    private let first: Joined
    private let second: Joined

    /// BLOBs end to end, and where each ends (the next starts there).
    private struct Joined: Sendable {
        let ends: [Int]
        let bytes: [UInt8]

        /// Nil when the lengths do not add up to the joined bytes.
        init?(lengths: [Int], joined: [UInt8]) {
            var end = 0
            var ends: [Int] = []
            ends.reserveCapacity(lengths.count)
            for length in lengths {
                end += length
                ends.append(end)
            }
            guard end == joined.count else { return nil }
            self.ends = ends
            self.bytes = joined
        }
    }

    static let empty = IndexedBlobs(
        indexes: [],
        first: Joined(lengths: [], joined: [])!,
        second: Joined(lengths: [], joined: [])!
    )

    private init(indexes: [Int64], first: Joined, second: Joined) {
        self.indexes = indexes
        self.first = first
        self.second = second
    }

    /// Nil when the counts or the lengths do not add up.
    init?(indexes: [Int64], firstLengths: [Int], first: [UInt8], secondLengths: [Int], second: [UInt8]) {
        guard indexes.count == firstLengths.count, indexes.count == secondLengths.count,
            let first = Joined(lengths: firstLengths, joined: first),
            let second = Joined(lengths: secondLengths, joined: second)
        else { return nil }
        self.init(indexes: indexes, first: first, second: second)
    }

    /// Hands each row to `body` in order of index, until it answers false. The rows come as
    /// the server aggregated them, which is the order of the index they were read by but is not
    /// promised: when they are not ascending, they are handed over sorted.
    func scan(_ body: (Int64, UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool) {
        let ascending = zip(indexes, indexes.dropFirst()).allSatisfy { $0 < $1 }
        let order = ascending ? Array(indexes.indices) : indexes.indices.sorted { indexes[$0] < indexes[$1] }
        first.bytes.withUnsafeBytes { a in
            second.bytes.withUnsafeBytes { b in
                for row in order {
                    let (startA, startB) = row == 0 ? (0, 0) : (first.ends[row - 1], second.ends[row - 1])
                    guard
                        body(
                            indexes[row],
                            UnsafeRawBufferPointer(rebasing: a[startA..<first.ends[row]]),
                            UnsafeRawBufferPointer(rebasing: b[startB..<second.ends[row]])
                        )
                    else { return }
                }
            }
        }
    }
}
