// An in-memory `HashReader`: the stored hashes of one tree in one array, for tests and benches.

/// Stored hashes (layout of `Merkle.storedHashIndex(level:n:)`) held in memory.
public struct MemoryHashStore: HashReader, Sendable {
    /// The stored hashes in storage order.
    public internal(set) var hashes: [Hash] = []

    public init() {}

    /// Appends hashes in storage order, as returned by `Merkle.hashesToStore`.
    public mutating func append(contentsOf newHashes: some Sequence<Hash>) {
        hashes.append(contentsOf: newHashes)
    }

    public func readHashes(at indexes: [Int64]) throws(MissingHash) -> [Hash] {
        var result = [Hash]()
        result.reserveCapacity(indexes.count)
        for index in indexes {
            guard index >= 0, index < Int64(hashes.count) else { throw MissingHash(index: index, count: hashes.count) }
            result.append(hashes[Int(index)])
        }
        return result
    }

    /// A read beyond the stored hashes.
    public struct MissingHash: Error, Sendable, CustomStringConvertible {
        public let index: Int64
        public let count: Int
        public var description: String {
            "no stored hash at index \(index): the store holds \(count) hashes (indexes 0..<\(count))"
        }
    }
}
