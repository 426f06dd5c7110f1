// Property tests: the stored-hash proofs equal the RFC 9162 reference recursion and verify, and
// mutated proofs are refused.
import ParleyRecord
import Testing

@Suite struct MerklePropertyTests {
    static func entry(_ i: Int) -> [UInt8] {
        Array("parley entry \(i) ".utf8) + [UInt8](repeating: UInt8(i & 0xff), count: 40)
    }

    @Test func everyProofUpToSize64EqualsTheReferenceAndVerifies() throws {
        let leaves = (0..<64).map { Merkle.leafHash(Self.entry($0)) }
        let reference = ReferenceTree(leaves: leaves)
        var tree = MemoryTree()
        for leaf in leaves { tree.append(leafHash: leaf) }
        for n in 1...64 {
            let root = reference.mth(0, n)
            #expect(try tree.root(size: Int64(n)) == root)
            for m in 0..<n {
                let proof = try tree.inclusionProof(index: Int64(m), size: Int64(n))
                #expect(proof == reference.inclusionProof(m, size: n), "PATH(\(m), D[\(n)])")
                #expect(Merkle.inclusionProofLength(index: UInt64(m), size: UInt64(n)) == proof.count)
                #expect(throws: Never.self) {
                    try Merkle.verifyInclusion(
                        leafHash: leaves[m],
                        index: UInt64(m),
                        size: UInt64(n),
                        proof: proof,
                        root: root
                    )
                }
            }
            for m in 1...n {
                let proof = try tree.consistencyProof(from: Int64(m), to: Int64(n))
                #expect(proof == reference.consistencyProof(m, n).map(\.hash), "PROOF(\(m), D[\(n)])")
                if m < n { #expect(Merkle.consistencyProofLength(from: UInt64(m), to: UInt64(n)) == proof.count) }
                #expect(throws: Never.self) {
                    try Merkle.verifyConsistency(
                        from: UInt64(m),
                        to: UInt64(n),
                        proof: proof,
                        oldRoot: reference.mth(0, m),
                        newRoot: root
                    )
                }
            }
        }
    }

    /// One 100,000-leaf tree for the sampled tests (built once per test run of this suite).
    static let big: (tree: MemoryTree, leaves: [Hash]) = {
        var tree = MemoryTree()
        var leaves = [Hash]()
        for i in 0..<100_000 {
            let leaf = Merkle.leafHash(entry(i))
            leaves.append(leaf)
            tree.append(leafHash: leaf)
        }
        return (tree, leaves)
    }()

    static func flipBit(_ proof: [Hash], at i: Int, bit: Int) -> [Hash] {
        var proof = proof
        var bytes = proof[i].bytes
        bytes[bit / 8] ^= 1 << UInt8(bit % 8)
        proof[i] = Hash(bytes: bytes)!
        return proof
    }

    @Test func sampledInclusionProofsVerifyAndMutationsFail() throws {
        let (tree, leaves) = Self.big
        var rng = SplitMix64(seed: 0x9162)
        var shapeTwins = 0
        var sizeMutationsRejected = 0
        var indexMutationsAccepted = 0
        for _ in 0..<2000 {
            let n = Int.random(in: 1...100_000, using: &rng)
            let m = Int.random(in: 0..<n, using: &rng)
            let root = try tree.root(size: Int64(n))
            let proof = try tree.inclusionProof(index: Int64(m), size: Int64(n))
            func verify(_ leaf: Hash, _ index: Int, _ size: Int, _ proof: [Hash], _ root: Hash) -> Bool {
                let result = Result { () throws(MerkleProofError) in
                    try Merkle.verifyInclusion(
                        leafHash: leaf,
                        index: UInt64(index),
                        size: UInt64(size),
                        proof: proof,
                        root: root
                    )
                }
                return (try? result.get()) != nil
            }
            let leaf = leaves[m]
            #expect(verify(leaf, m, n, proof, root), "PATH(\(m), D[\(n)])")
            for i in proof.indices {
                #expect(
                    !verify(leaf, m, n, Self.flipBit(proof, at: i, bit: Int.random(in: 0..<256, using: &rng)), root)
                )
            }
            #expect(!verify(leaf, m, n, proof + [leaves[0]], root))
            if !proof.isEmpty { #expect(!verify(leaf, m, n, Array(proof.dropLast()), root)) }
            #expect(!verify(Self.flipBit([leaf], at: 0, bit: 7)[0], m, n, proof, root))  // another leaf
            #expect(!verify(leaf, m, n, proof, Self.flipBit([root], at: 0, bit: 0)[0]))  // another root
            // Index and size ±1: the RFC 9162 §2.1.3.2 computation depends only on which side each
            // proof hash joins. Where the reference PATH for the changed size has the very same
            // sides (e.g. index 0 in sizes 3 and 4, or most indexes far from the end) the verifier
            // must compute the same root and accept, as upstream verifiers do; elsewhere it must
            // refuse. The size is bound by the signed checkpoint that carries the root.
            let shape = Self.inclusionShape(m, n)
            for (index, size) in [(m - 1, n), (m + 1, n), (m, n - 1), (m, n + 1)] where index >= 0 && size >= 1 {
                let twin = index < size && Self.inclusionShape(index, size) == shape
                let accepted = verify(leaves[m], index, size, proof, root)
                #expect(accepted == twin, "PATH(\(m), D[\(n)]) checked as (\(index), \(size))")
                if size == n {
                    if accepted { indexMutationsAccepted += 1 }
                } else if twin {
                    shapeTwins += 1
                } else {
                    sizeMutationsRejected += 1
                }
            }
        }
        // RFC 9162 inclusion proofs do not bind the size by themselves (the root does): both
        // outcomes occur, and index changes are always refused.
        #expect(sizeMutationsRejected > 0 && shapeTwins > 0)
        #expect(indexMutationsAccepted == 0)
    }

    /// The sides of PATH(m, D[n]) without hashing (the reference recursion on ranges).
    static func inclusionShape(_ m: Int, _ n: Int) -> [ReferenceTree.Side] {
        var sides = [ReferenceTree.Side]()
        var (lo, hi) = (0, n)
        while hi - lo > 1 {
            let k = ReferenceTree.split(hi - lo)
            if m < lo + k {
                sides.append(.right)
                hi = lo + k
            } else {
                sides.append(.left)
                lo += k
            }
        }
        return sides.reversed()
    }

    /// The sides of PROOF(m, D[n]) without hashing.
    static func consistencyShape(_ m: Int, _ n: Int) -> [ReferenceTree.Side] {
        var sides = [ReferenceTree.Side]()
        var (lo, hi, known) = (0, n, true)
        while m != hi {
            let k = ReferenceTree.split(hi - lo)
            if m <= lo + k {
                sides.append(.right)
                hi = lo + k
            } else {
                sides.append(.left)
                lo += k
                known = false
            }
        }
        return (known ? [] : [.seed]) + sides.reversed()
    }

    @Test func sampledConsistencyProofsVerifyAndMutationsFail() throws {
        let tree = Self.big.tree
        var rng = SplitMix64(seed: 0x6962)
        var shapeTwins = 0
        var sizeMutationsRejected = 0
        for _ in 0..<2000 {
            let n = Int.random(in: 2...100_000, using: &rng)
            let m = Int.random(in: 1..<n, using: &rng)
            let (oldRoot, newRoot) = (try tree.root(size: Int64(m)), try tree.root(size: Int64(n)))
            let proof = try tree.consistencyProof(from: Int64(m), to: Int64(n))
            func verify(_ from: Int, _ to: Int, _ proof: [Hash], _ old: Hash, _ new: Hash) -> Bool {
                let result = Result { () throws(MerkleProofError) in
                    try Merkle.verifyConsistency(
                        from: UInt64(from),
                        to: UInt64(to),
                        proof: proof,
                        oldRoot: old,
                        newRoot: new
                    )
                }
                return (try? result.get()) != nil
            }
            #expect(verify(m, n, proof, oldRoot, newRoot), "PROOF(\(m), D[\(n)])")
            for i in proof.indices {
                #expect(
                    !verify(
                        m,
                        n,
                        Self.flipBit(proof, at: i, bit: Int.random(in: 0..<256, using: &rng)),
                        oldRoot,
                        newRoot
                    )
                )
            }
            #expect(!verify(m, n, proof + [oldRoot], oldRoot, newRoot))
            #expect(!verify(m, n, [oldRoot] + proof, oldRoot, newRoot))
            #expect(!verify(m, n, Array(proof.dropLast()), oldRoot, newRoot))
            #expect(!verify(m, n, proof, newRoot, oldRoot))  // swapped roots
            #expect(!verify(m, n, proof, oldRoot, oldRoot))
            // As for inclusion: accepted exactly when PROOF for the changed sizes has the same shape.
            let shape = Self.consistencyShape(m, n)
            for (from, to) in [(m - 1, n), (m + 1, n), (m, n - 1), (m, n + 1)] where from >= 1 && from <= to {
                let twin = from < to && Self.consistencyShape(from, to) == shape
                let accepted = verify(from, to, proof, oldRoot, newRoot)
                #expect(accepted == twin, "PROOF(\(m), D[\(n)]) checked as (\(from), \(to))")
                if twin { shapeTwins += 1 } else { sizeMutationsRejected += 1 }
            }
        }
        // Likewise a consistency proof alone does not pin both sizes; both outcomes occur.
        #expect(sizeMutationsRejected > 0 && shapeTwins > 0)
    }
}
