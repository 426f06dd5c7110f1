// The stored-hash layout: every complete subtree's hash of an RFC 9162 §2.1 tree, stored once.
//
// The layout is that of golang.org/x/mod/sumdb/tlog: hashes are appended in the order they become
// known. Appending leaf n stores its leaf hash, then the hash of every perfect subtree that leaf
// completes, lowest level first. So leaf n's hash sits at 2n − popcount(n), and a tree of n
// leaves has stored 2n − popcount(n) hashes: on average two per leaf.

extension Merkle {
    /// The storage index of the hash of the perfect subtree at `level` covering leaves
    /// [n·2^level, (n+1)·2^level).
    ///
    /// That subtree is completed by leaf m = (n+1)·2^level − 1, whose own hash is stored at
    /// `storedHashCount(forSize: m)`; the completed subtrees follow it, one per level.
    @inlinable
    public static func storedHashIndex(level: Int, n: Int64) -> Int64 {
        let lastLeaf = ((n + 1) << Int64(level)) - 1
        return storedHashCount(forSize: lastLeaf) + Int64(level)
    }

    /// How many hashes a tree of `size` leaves has stored: 2·size − popcount(size).
    @inlinable
    public static func storedHashCount(forSize size: Int64) -> Int64 {
        2 * size - Int64(size.nonzeroBitCount)
    }

    /// How many hashes the append of leaf `n` stores: its own, then one for every perfect
    /// subtree it completes (one per trailing one-bit of n).
    @inlinable
    public static func storedHashesOfLeaf(_ n: Int64) -> Int {
        1 + (~n).trailingZeroBitCount
    }

    /// The leaf whose append stored hash `index`, and where among that leaf's hashes it is: the
    /// store keeps each leaf's hashes together, beside the entry.
    public static func storedHashOwner(_ index: Int64) -> (leaf: Int64, offset: Int) {
        precondition(index >= 0, "a stored hash index is not negative")
        // 2n − popcount(n) ≤ index < 2(n+1) − popcount(n+1) puts n within 33 of index/2.
        var leaf = min(index / 2 + 33, Int64.max / 2)
        while storedHashCount(forSize: leaf) > index { leaf -= 1 }
        return (leaf, Int(index - storedHashCount(forSize: leaf)))
    }

    /// The storage indexes of the perfect subtree roots that make up [0, size), largest first:
    /// what a `CompactRange` of that size holds, so an appender can resume from stored hashes.
    public static func compactRangeIndexes(forSize size: Int64) -> [Int64] {
        var indexes: [Int64] = []
        var start: Int64 = 0
        for level in stride(from: 62, through: 0, by: -1) where size & (Int64(1) << Int64(level)) != 0 {
            indexes.append(storedHashIndex(level: level, n: start >> Int64(level)))
            start += Int64(1) << Int64(level)
        }
        return indexes
    }

    /// The hashes to store when leaf `n` (0-based) with hash `leafHash` is appended to a tree of
    /// `n` leaves, in storage order from index `storedHashCount(forSize: n)`.
    ///
    /// Reads the left siblings of the subtrees the leaf completes (one batch, ≤ log₂ n hashes)
    /// and writes nothing.
    public static func hashesToStore(forLeafAt n: Int64, leafHash: Hash, reader: some HashReader) throws(MerkleError)
        -> [Hash]
    {
        guard n >= 0 else { throw .sizeOutOfRange(size: n) }
        // The leaf completes one subtree per trailing one-bit of n.
        let completed = (~n).trailingZeroBitCount
        var indexes = [Int64]()
        indexes.reserveCapacity(completed)
        for level in 0..<completed {
            indexes.append(storedHashIndex(level: level, n: (n >> Int64(level)) - 1))
        }
        let lefts = try read(indexes, from: reader)
        var result = [Hash]()
        result.reserveCapacity(completed + 1)
        var hash = leafHash
        result.append(hash)
        for left in lefts {
            hash = nodeHash(left, hash)  // RFC 9162 §2.1.1: the left sibling is always complete.
            result.append(hash)
        }
        return result
    }

    /// One batched read, checked for the count the algorithms rely on.
    static func read(_ indexes: [Int64], from reader: some HashReader) throws(MerkleError) -> [Hash] {
        if indexes.isEmpty { return [] }
        let hashes: [Hash]
        do {
            hashes = try reader.readHashes(at: indexes)
        } catch {
            throw .readFailed(underlying: String(describing: error))
        }
        guard hashes.count == indexes.count else {
            throw .readerReturnedWrongCount(expected: indexes.count, got: hashes.count)
        }
        return hashes
    }
}
