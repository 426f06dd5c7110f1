// Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency).
//
// Pure: no reader, only the proof and the values the verifier already trusts. Sizes and indexes
// are UInt64 because they come from outside (checkpoints, API requests); no input traps. Beyond
// the RFC's loops, the proof length must be exactly the one the sizes imply, so no hash can be
// appended, dropped or smuggled in.

extension Merkle {
    /// RFC 9162 §2.1.3.2: the root that an inclusion proof of `leafHash` at `index` in a tree of
    /// `size` leaves leads to. Check it against the trusted root (or use `verifyInclusion`).
    public static func rootFromInclusionProof(
        leafHash: Hash,
        index: UInt64,
        size: UInt64,
        proof: [Hash]
    ) throws(MerkleProofError) -> Hash {
        // Step 1: the leaf must lie inside the tree.
        guard index < size else { throw .indexOutOfRange(index: index, size: size) }
        let expected = inclusionProofLength(index: index, size: size)
        guard proof.count == expected else { throw .wrongProofLength(expected: expected, got: proof.count) }
        // Steps 2–3.
        var fn = index
        var sn = size - 1
        var r = leafHash
        // Step 4.
        for p in proof {
            guard sn != 0 else { throw .wrongProofLength(expected: expected, got: proof.count) }  // 4a
            if fn & 1 == 1 || fn == sn {  // 4b
                r = nodeHash(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1  // 4c
            sn >>= 1
        }
        // Step 5 (sn part; the caller compares r with the root).
        guard sn == 0 else { throw .wrongProofLength(expected: expected, got: proof.count) }
        return r
    }

    /// RFC 9162 §2.1.3.2: succeeds iff `proof` shows `leafHash` at `index` in the tree of `size`
    /// leaves whose root is `root`.
    public static func verifyInclusion(
        leafHash: Hash,
        index: UInt64,
        size: UInt64,
        proof: [Hash],
        root: Hash
    ) throws(MerkleProofError) {
        let computed = try rootFromInclusionProof(leafHash: leafHash, index: index, size: size, proof: proof)
        // Step 5: compare r against the root hash.
        guard computed == root else { throw .rootMismatch(computed: computed, expected: root) }
    }

    /// RFC 9162 §2.1.4.2: succeeds iff `proof` shows the tree of `from` leaves with root `oldRoot`
    /// is a prefix of the tree of `to` leaves with root `newRoot`.
    ///
    /// `from == 0` is always an error (nothing to be consistent with; a client starts from its
    /// first checkpoint instead). `from == to` needs an empty proof and equal roots.
    public static func verifyConsistency(
        from: UInt64,
        to: UInt64,
        proof: [Hash],
        oldRoot: Hash,
        newRoot: Hash
    ) throws(MerkleProofError) {
        guard from != 0 else { throw .consistencyFromEmptyTree }
        guard from <= to else { throw .sizesOutOfOrder(from: from, to: to) }
        if from == to {
            guard proof.isEmpty else { throw .wrongProofLength(expected: 0, got: proof.count) }
            guard oldRoot == newRoot else { throw .rootMismatch(computed: oldRoot, expected: newRoot) }
            return
        }
        let expected = consistencyProofLength(from: from, to: to)
        // Step 1 (an empty proof fails) is covered: for from < to at least one hash is expected.
        guard proof.count == expected else { throw .wrongProofLength(expected: expected, got: proof.count) }
        // Step 2: if `from` is a power of two, the old root is the proof's implicit first hash.
        let seededByOldRoot = from & (from - 1) == 0
        var rest = proof[...]
        let seed = seededByOldRoot ? oldRoot : rest.removeFirst()
        // Steps 3–4.
        var fn = from - 1
        var sn = to - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // Step 5.
        var fr = seed
        var sr = seed
        // Step 6.
        for c in rest {
            guard sn != 0 else { throw .wrongProofLength(expected: expected, got: proof.count) }  // 6a
            if fn & 1 == 1 || fn == sn {  // 6b
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = nodeHash(sr, c)
            }
            fn >>= 1  // 6c
            sn >>= 1
        }
        // Step 7.
        guard sn == 0 else { throw .wrongProofLength(expected: expected, got: proof.count) }
        guard fr == oldRoot else { throw .oldRootMismatch(computed: fr, expected: oldRoot) }
        guard sr == newRoot else { throw .rootMismatch(computed: sr, expected: newRoot) }
    }

    /// The number of hashes in PATH(index, D[size]) for index < size: one per level below the node
    /// where the leaf's path leaves the right border, plus one per left sibling on that border.
    public static func inclusionProofLength(index: UInt64, size: UInt64) -> Int {
        precondition(index < size, "inclusionProofLength needs index < size")
        let inner = 64 - (index ^ (size - 1)).leadingZeroBitCount
        let border = (index >> UInt64(inner)).nonzeroBitCount
        return inner + border
    }

    /// The number of hashes in PROOF(from, D[to]) for 0 < from < to: the inclusion path of the
    /// old tree's last complete node, plus that node itself unless `from` is a power of two.
    public static func consistencyProofLength(from: UInt64, to: UInt64) -> Int {
        precondition(from > 0 && from < to, "consistencyProofLength needs 0 < from < to")
        let level = UInt64(from.trailingZeroBitCount)
        let node = (from - 1) >> level
        let last = (to - 1) >> level
        let inner = 64 - (node ^ last).leadingZeroBitCount
        let border = (node >> UInt64(inner)).nonzeroBitCount
        return inner + border + (node == 0 ? 0 : 1)
    }
}
