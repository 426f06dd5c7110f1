// A Merkle tree replayed leaf by leaf in O(log n) memory: the roots of the perfect subtrees that
// make up [0, size), largest first (the "compact range" of transparency-dev/merkle).
//
// Verifiers use it to recompute a log of any length with flat memory. Each append reports the
// hashes it completes in exactly the storage order of `Merkle.hashesToStore` (leaf hash, then each
// completed subtree, lowest level first), so a store's copy can be checked hash by hash.

public struct CompactRange: Sendable {
    /// Perfect subtree roots, largest (leftmost) first; one per one-bit of `size`.
    public private(set) var hashes: [Hash] = []
    public private(set) var size: Int64 = 0

    public init() {}

    /// The range of a tree of `size` leaves from its perfect subtree roots, largest first (the
    /// hashes stored at `Merkle.compactRangeIndexes(forSize: size)`); nil when their number is
    /// not one per one-bit of `size`.
    public init?(size: Int64, hashes: [Hash]) {
        guard size >= 0, hashes.count == size.nonzeroBitCount else { return nil }
        self.size = size
        self.hashes = hashes
    }

    /// Appends a leaf by its RFC 9162 §2.1.1 leaf hash. `completed` receives the leaf hash and then
    /// every perfect subtree hash this leaf completes, in storage order.
    public mutating func append(leafHash: Hash, completed: (Hash) -> Void = { _ in }) {
        var hash = leafHash
        completed(hash)
        var n = size
        // Each trailing one-bit of n is a perfect subtree waiting for a right sibling of equal size.
        while n & 1 == 1 {
            hash = Merkle.nodeHash(hashes.removeLast(), hash)
            completed(hash)
            n >>= 1
        }
        hashes.append(hash)
        size += 1
    }

    /// Appends a leaf by the root of the largest subtree its append completes (its leaf hash when
    /// it completes none), hashing nothing: for a verifier that has already checked that root
    /// against its children, as `parley verify` checks stored hashes on every core.
    public mutating func append(completedRoot root: Hash) {
        hashes.removeLast((~size).trailingZeroBitCount)
        hashes.append(root)
        size += 1
    }

    /// RFC 9162 §2.1.1: MTH of the leaves appended so far. The subtrees are merged right to left,
    /// because the split point k is the largest power of two below n, so the left part is always
    /// the largest perfect subtree.
    public var root: Hash {
        guard var hash = hashes.last else { return Merkle.emptyRoot }
        for left in hashes.dropLast().reversed() {
            hash = Merkle.nodeHash(left, hash)
        }
        return hash
    }
}
