// An append-only RFC 9162 §2.1 tree held in memory: a `MemoryHashStore` and its size.
//
// Appends take a direct path over the array (no reader, no per-append arrays) that stores exactly
// what `Merkle.hashesToStore` would return; proofs go through the generic `HashReader` algorithms.

/// An in-memory Merkle tree for tests, benches and verifiers that rebuild a log.
public struct MemoryTree: Sendable {
    public private(set) var store = MemoryHashStore()
    /// The number of leaves.
    public private(set) var size: Int64 = 0

    public init() {}

    /// Appends the leaf with this RFC 9162 §2.1.1 leaf hash; returns its index.
    @discardableResult
    public mutating func append(leafHash: Hash) -> Int64 {
        let n = size
        store.hashes.append(leafHash)
        var hash = leafHash
        var level = 0
        // Leaf n completes one perfect subtree per trailing one-bit of n; the left child of each
        // is stored already.
        while (n >> Int64(level)) & 1 == 1 {
            let left = store.hashes[Int(Merkle.storedHashIndex(level: level, n: (n >> Int64(level)) - 1))]
            hash = Merkle.nodeHash(left, hash)
            store.hashes.append(hash)
            level += 1
        }
        size = n + 1
        return n
    }

    /// Appends an entry, hashing it as an RFC 9162 §2.1.1 leaf; returns its index.
    @discardableResult
    public mutating func append(entry: some Collection<UInt8>) -> Int64 {
        append(leafHash: Merkle.leafHash(entry))
    }

    /// RFC 9162 §2.1.1: the root of the whole tree.
    public var root: Hash { (try? root(size: size)) ?? Merkle.emptyRoot }

    /// The root of the first `size` leaves.
    public func root(size: Int64) throws(MerkleError) -> Hash {
        guard size <= self.size else { throw .sizeOutOfRange(size: size) }
        return try Merkle.treeHash(size: size, reader: store)
    }

    /// RFC 9162 §2.1.3.1: the inclusion proof of leaf `index` in the tree of `size` leaves
    /// (default: the whole tree).
    public func inclusionProof(index: Int64, size: Int64? = nil) throws(MerkleError) -> [Hash] {
        let size = size ?? self.size
        guard size <= self.size else { throw .sizeOutOfRange(size: size) }
        return try Merkle.inclusionProof(index: index, size: size, reader: store)
    }

    /// RFC 9162 §2.1.4.1: the consistency proof from the tree of `from` leaves to the tree of `to`
    /// leaves (default: the whole tree).
    public func consistencyProof(from: Int64, to: Int64? = nil) throws(MerkleError) -> [Hash] {
        let to = to ?? size
        guard to <= size else { throw .sizeOutOfRange(size: to) }
        return try Merkle.consistencyProof(from: from, to: to, reader: store)
    }
}
