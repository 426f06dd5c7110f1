// RFC 6962 / RFC 9162 §2.1 reference vectors (Fixtures/rfc6962_reference.json, from
// transparency-dev/merkle@417fb0c testonly/ and rfc6962/).
import ParleyRecord
import Testing

@Suite struct MerkleReferenceVectorTests {
    let fixture: MerkleFixtures.Reference
    let tree: MemoryTree

    init() throws {
        fixture = try MerkleFixtures.load("rfc6962_reference", as: MerkleFixtures.Reference.self)
        var tree = MemoryTree()
        for leaf in fixture.leavesHex { tree.append(entry: try MerkleFixtures.bytes(leaf)) }
        self.tree = tree
    }

    @Test func hasherVectorsMatch() throws {
        #expect(fixture.hasherVectors.count >= 4)
        for vector in fixture.hasherVectors {
            let expected = try MerkleFixtures.hash(vector.expected)
            switch vector.kind {
            case "empty_root":
                #expect(Merkle.emptyRoot == expected, "\(vector.desc)")
            case "leaf":
                let input = try MerkleFixtures.bytes(try #require(vector.inputHex))
                #expect(Merkle.leafHash(input) == expected, "\(vector.desc)")
            case "node":
                let left = try MerkleFixtures.bytes(try #require(vector.leftHex))
                let right = try MerkleFixtures.bytes(try #require(vector.rightHex))
                #expect(Merkle.nodeHash(bytes: left, bytes: right) == expected, "\(vector.desc)")
                if let l = Hash(bytes: left), let r = Hash(bytes: right) {
                    #expect(Merkle.nodeHash(l, r) == expected)
                }
            default:
                Issue.record("unknown hasher vector kind \(vector.kind)")
            }
        }
    }

    @Test func emptyRootIsNotTheEmptyLeaf() {
        #expect(Merkle.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Merkle.leafHash([UInt8]()).hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
    }

    @Test func rootsOfEverySizeMatch() throws {
        #expect(fixture.roots.count == 9)
        for root in fixture.roots {
            #expect(try tree.root(size: root.treeSize) == MerkleFixtures.hash(root.root), "size \(root.treeSize)")
        }
        #expect(tree.root == (try MerkleFixtures.hash(fixture.roots[8].root)))
    }

    @Test func nodeHashesSitAtTheirStoredIndexes() throws {
        for (level, row) in fixture.nodeHashes.enumerated() {
            for (n, hex) in row.enumerated() {
                let index = Merkle.storedHashIndex(level: level, n: Int64(n))
                #expect(tree.store.hashes[Int(index)] == (try MerkleFixtures.hash(hex)), "node (\(level), \(n))")
            }
        }
    }

    @Test func inclusionProofsMatchAndVerify() throws {
        for vector in fixture.inclusionProofs {
            let expected = try vector.proof.map(MerkleFixtures.hash)
            let proof = try tree.inclusionProof(index: vector.leafIndex, size: vector.treeSize)
            #expect(proof == expected, "PATH(\(vector.leafIndex), D[\(vector.treeSize)])")
            try Merkle.verifyInclusion(
                leafHash: tree.store.hashes[Int(Merkle.storedHashIndex(level: 0, n: vector.leafIndex))],
                index: UInt64(vector.leafIndex),
                size: UInt64(vector.treeSize),
                proof: expected,
                root: tree.root(size: vector.treeSize)
            )
        }
    }

    @Test func consistencyProofsMatchAndVerify() throws {
        for vector in fixture.consistencyProofs {
            let expected = try vector.proof.map(MerkleFixtures.hash)
            let proof = try tree.consistencyProof(from: vector.size1, to: vector.size2)
            #expect(proof == expected, "PROOF(\(vector.size1), D[\(vector.size2)])")
            try Merkle.verifyConsistency(
                from: UInt64(vector.size1),
                to: UInt64(vector.size2),
                proof: expected,
                oldRoot: tree.root(size: vector.size1),
                newRoot: tree.root(size: vector.size2)
            )
        }
    }
}
