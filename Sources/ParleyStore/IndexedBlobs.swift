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

    /// Hands each row to `body` in order, until it answers false.
    func scan(_ body: (Int64, UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool) {
        first.bytes.withUnsafeBytes { a in
            second.bytes.withUnsafeBytes { b in
                var (startA, startB) = (0, 0)
                for (row, index) in indexes.enumerated() {
                    let (endA, endB) = (first.ends[row], second.ends[row])
                    guard
                        body(
                            index,
                            UnsafeRawBufferPointer(rebasing: a[startA..<endA]),
                            UnsafeRawBufferPointer(rebasing: b[startB..<endB])
                        )
                    else { return }
                    (startA, startB) = (endA, endB)
                }
            }
        }
    }
}
