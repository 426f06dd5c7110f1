// The accumulated (rolling SHA-256) subtree vectors of Fixtures/mtc_accumulated_vectors.json
// (transparency-dev/merkle@417fb0c testonly/vectors_test.go, reproducing the "Subtree Test
// Vectors" appendix of draft-ietf-plants-merkle-tree-certs).
//
// The digests cover general subtrees [start, end), not only RFC 9162 trees [0, n), so the lines
// come from the test-only reference generalisation; every line with start = 0 is also checked
// against the production stored-hash tree. `subtree_covering` (FindSubtrees) is Merkle Tree
// Certificate machinery an RFC 9162 log does not need, so it is not generated here.
import Crypto
import ParleyRecord
import Testing

@Suite struct MerkleAccumulatedVectorTests {
    static let leafCount = 130
    let fixture: MerkleFixtures.Accumulated
    let reference: ReferenceTree
    let tree: MemoryTree

    init() throws {
        fixture = try MerkleFixtures.load("mtc_accumulated_vectors", as: MerkleFixtures.Accumulated.self)
        let leaves = (0..<Self.leafCount).map { Merkle.leafHash([UInt8($0)]) }
        reference = ReferenceTree(leaves: leaves)
        var tree = MemoryTree()
        for leaf in leaves { tree.append(leafHash: leaf) }
        self.tree = tree
    }

    /// The loops of `line_formats`: end in 0…130, start in 0…end, valid subtrees only (empty
    /// ranges included, as the fixture's digests require).
    func validSubtrees(upTo n: Int) -> [(start: Int, end: Int)] {
        (0...n).flatMap { end in (0...end).filter { ReferenceTree.isValidSubtree($0, end) }.map { ($0, end) } }
    }

    static func digest(_ lines: (inout SHA256) throws -> Void) rethrows -> String {
        var hasher = SHA256()
        try lines(&hasher)
        return hasher.finalize().withUnsafeBytes { Hash(unsafeRawBytes: $0).hex }
    }

    static func line(_ text: String, proof: [Hash] = [], into hasher: inout SHA256) {
        var line = text
        for hash in proof { line += " " + hash.hex }
        line += "\n"
        hasher.update(data: Array(line.utf8))
    }

    @Test func validSubtreeRuleIsTheOneImplemented() {
        #expect(fixture.validSubtree.contains("start % bit_ceil(end-start) == 0"))
    }

    @Test func subtreeHashDigestMatches() throws {
        let digest = try Self.digest { (hasher: inout SHA256) throws in
            for (start, end) in validSubtrees(upTo: Self.leafCount) {
                let hash = reference.mth(start, end)
                if start == 0 { #expect(try tree.root(size: Int64(end)) == hash, "MTH(D[\(end)])") }
                Self.line("[\(start), \(end)) \(hash.hex)", into: &hasher)
            }
        }
        #expect(digest == fixture.expectedSha256["subtree_hash"])
    }

    @Test func subtreeInclusionDigestMatches() throws {
        let digest = try Self.digest { (hasher: inout SHA256) throws in
            for (start, end) in validSubtrees(upTo: Self.leafCount) {
                for index in start..<end {
                    let proof = reference.path(index, start, end).map(\.hash)
                    if start == 0 {
                        #expect(try tree.inclusionProof(index: Int64(index), size: Int64(end)) == proof)
                    }
                    Self.line("\(index) [\(start), \(end))", proof: proof, into: &hasher)
                }
            }
        }
        #expect(digest == fixture.expectedSha256["subtree_inclusion"])
    }

    @Test func subtreeConsistencyDigestMatches() throws {
        let digest = try Self.digest { (hasher: inout SHA256) throws in
            for n in 0...Self.leafCount {
                for (start, end) in validSubtrees(upTo: n) {
                    let proof = reference.subtreeConsistencyProof(start, end, n)
                    if start == 0 && end > 0 {
                        // start = 0 is RFC 9162 PROOF(end, D[n]).
                        #expect(proof == reference.consistencyProof(end, n).map(\.hash))
                        #expect(try tree.consistencyProof(from: Int64(end), to: Int64(n)) == proof)
                    }
                    Self.line("[\(start), \(end)) \(n)", proof: proof, into: &hasher)
                }
            }
        }
        #expect(digest == fixture.expectedSha256["subtree_consistency"])
    }
}
