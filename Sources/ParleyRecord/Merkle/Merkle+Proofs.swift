// Tree hashes and proofs of RFC 9162 §2.1 computed from stored hashes in O(log n) reads.
//
// Each operation first plans which leaf ranges it needs the hashes of (following the recursions of
// RFC 9162 §2.1.3.1 PATH and §2.1.4.1 PROOF top-down), splits every range into the perfect
// subtrees that are stored, reads them all in one `readHashes` call, then folds them.

extension Merkle {
    /// Sizes beyond this would overflow the storage index arithmetic (2·size must fit Int64).
    public static let maxStoredSize: Int64 = 1 << 61

    /// RFC 9162 §2.1.1: MTH(D[size]), the root of the first `size` leaves.
    public static func treeHash(size: Int64, reader: some HashReader) throws(MerkleError) -> Hash {
        guard size >= 0, size <= maxStoredSize else { throw .sizeOutOfRange(size: size) }
        return try rangeHashes([LeafRange(start: 0, end: size)], reader: reader)[0]
    }

    /// RFC 9162 §2.1.3.1: PATH(index, D[size]), the inclusion proof of leaf `index`, sibling of the
    /// leaf first.
    public static func inclusionProof(index: Int64, size: Int64, reader: some HashReader) throws(MerkleError) -> [Hash]
    {
        guard size > 0, size <= maxStoredSize else { throw .sizeOutOfRange(size: size) }
        guard index >= 0, index < size else { throw .indexOutOfRange(index: index, size: size) }
        var siblings = [LeafRange]()
        var lo: Int64 = 0
        var hi = size
        while hi - lo > 1 {
            let k = largestPowerOfTwo(below: hi - lo)
            if index < lo + k {
                siblings.append(LeafRange(start: lo + k, end: hi))  // PATH(m, D[0:k]) : MTH(D[k:n])
                hi = lo + k
            } else {
                siblings.append(LeafRange(start: lo, end: lo + k))  // PATH(m − k, D[k:n]) : MTH(D[0:k])
                lo += k
            }
        }
        return try rangeHashes(siblings.reversed(), reader: reader)
    }

    /// RFC 9162 §2.1.4.1: PROOF(from, D[to]), the consistency proof between the trees of sizes
    /// `from` and `to`. Empty when the sizes are equal.
    public static func consistencyProof(from: Int64, to: Int64, reader: some HashReader) throws(MerkleError) -> [Hash] {
        guard from != 0 else { throw .consistencyFromEmptyTree }
        guard from > 0, to <= maxStoredSize else { throw .sizeOutOfRange(size: from < 0 ? from : to) }
        guard from <= to else { throw .sizesOutOfOrder(from: from, to: to) }
        var first: LeafRange?
        var siblings = [LeafRange]()
        var lo: Int64 = 0
        var hi = to
        var known = true  // the b flag of SUBPROOF: is MTH(D[lo:hi]) already known to the verifier?
        while true {
            if from == hi {
                if !known { first = LeafRange(start: lo, end: hi) }  // SUBPROOF(m, D[m], false) = {MTH(D[m])}
                break
            }
            let k = largestPowerOfTwo(below: hi - lo)
            if from <= lo + k {
                siblings.append(LeafRange(start: lo + k, end: hi))  // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
                hi = lo + k
            } else {
                siblings.append(LeafRange(start: lo, end: lo + k))  // SUBPROOF(m − k, D[k:n], false) : MTH(D[0:k])
                lo += k
                known = false
            }
        }
        var ranges = [LeafRange]()
        ranges.reserveCapacity(siblings.count + 1)
        if let first { ranges.append(first) }
        ranges.append(contentsOf: siblings.reversed())
        return try rangeHashes(ranges, reader: reader)
    }

    /// The largest power of two strictly below `n` (n ≥ 2): the split point k of RFC 9162 §2.1.1.
    @inline(__always)
    static func largestPowerOfTwo(below n: Int64) -> Int64 {
        1 << Int64(63 - (n - 1).leadingZeroBitCount)
    }

    struct LeafRange {
        var start: Int64
        var end: Int64
    }

    /// Appends the storage indexes of the perfect subtrees that make up [start, end), left to
    /// right; for the ranges of RFC 9162's recursion this is exactly its split, largest first.
    static func appendStoredIndexes(of range: LeafRange, to indexes: inout [Int64]) {
        var start = range.start
        while start < range.end {
            let widest = 63 - (range.end - start).leadingZeroBitCount
            let level = start == 0 ? widest : min(widest, start.trailingZeroBitCount)
            indexes.append(storedHashIndex(level: level, n: start >> Int64(level)))
            start += 1 << Int64(level)
        }
    }

    /// MTH of each range, from one batched read.
    static func rangeHashes(_ ranges: some Collection<LeafRange>, reader: some HashReader) throws(MerkleError) -> [Hash]
    {
        var indexes = [Int64]()
        var counts = [Int]()
        counts.reserveCapacity(ranges.count)
        for range in ranges {
            let before = indexes.count
            appendStoredIndexes(of: range, to: &indexes)
            counts.append(indexes.count - before)
        }
        let stored = try read(indexes, from: reader)
        var result = [Hash]()
        result.reserveCapacity(counts.count)
        var offset = 0
        for count in counts {
            result.append(fold(stored[offset..<offset + count]))
            offset += count
        }
        return result
    }

    /// RFC 9162 §2.1.1 applied to perfect subtree roots listed left to right, largest first:
    /// the rightmost pair joins first. Empty input is the empty tree.
    static func fold(_ roots: ArraySlice<Hash>) -> Hash {
        guard var hash = roots.last else { return emptyRoot }
        var i = roots.endIndex - 2
        while i >= roots.startIndex {
            hash = nodeHash(roots[i], hash)
            i -= 1
        }
        return hash
    }
}
