// PostgreSQL's answer to `verify`'s reads: rows of an index and a BLOB, sent as one row of
// aggregates (the indexes, each BLOB's length, the BLOBs end to end), kept that way.
struct IndexedBlobs: Sendable {
    let indexes: [Int64]
    /// Where each BLOB ends in `bytes`; the next one starts there.
    private let ends: [Int]
    let bytes: [UInt8]

    static let empty = IndexedBlobs(indexes: [], ends: [], bytes: [])

    private init(indexes: [Int64], ends: [Int], bytes: [UInt8]) {
        self.indexes = indexes
        self.ends = ends
        self.bytes = bytes
    }

    /// Nil when the lengths do not add up to the joined bytes.
    init?(indexes: [Int64], lengths: [Int], joined: [UInt8]) {
        guard indexes.count == lengths.count else { return nil }
        var end = 0
        var ends: [Int] = []
        ends.reserveCapacity(lengths.count)
        for length in lengths {
            end += length
            ends.append(end)
        }
        guard end == joined.count else { return nil }
        self.init(indexes: indexes, ends: ends, bytes: joined)
    }

    /// Hands each row to `body` in order, until it answers false.
    func scan(_ body: (Int64, UnsafeRawBufferPointer) -> Bool) {
        bytes.withUnsafeBytes { raw in
            var start = 0
            for (index, end) in zip(indexes, ends) {
                guard body(index, UnsafeRawBufferPointer(rebasing: raw[start..<end])) else { return }
                start = end
            }
        }
    }
}
