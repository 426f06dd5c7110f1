// Every transparency-dev/merkle@417fb0c testdata probe (Fixtures/transparency_dev_*_probes.json):
// accepted iff `want_error` is false, except one documented probe Parley rejects on purpose.
import ParleyRecord
import Testing

@Suite struct MerkleProbeTests {
    /// transparency-dev/merkle only compares the roots when the sizes are equal, so it accepts
    /// 12-byte "roots". Parley is a strict SHA-256 log: a root that is not 32 bytes is refused.
    static let strictlyRejected = "testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json"

    @Test func inclusionProbesAcceptedIffUpstreamAccepts() throws {
        let fixture = try MerkleFixtures.load(
            "transparency_dev_inclusion_probes",
            as: MerkleFixtures.InclusionProbes.self
        )
        #expect(fixture.probes.count == 98)
        var rejected = 0
        for probe in fixture.probes {
            let result = Result { () throws(MerkleProofError) in
                try Merkle.verifyInclusion(
                    leafHash: try! MerkleFixtures.bytes(probe.leafHash),
                    index: probe.leafIndex,
                    size: probe.treeSize,
                    proof: probe.proof.map { try! MerkleFixtures.bytes($0) },
                    root: try! MerkleFixtures.bytes(probe.root)
                )
            }
            if case .failure = result { rejected += 1 }
            #expect(
                (try? result.get()) == nil ? probe.wantError : !probe.wantError,
                "\(probe.file): \(probe.desc) → \(result)"
            )
        }
        #expect(rejected == 92)
    }

    @Test func consistencyProbesAcceptedIffUpstreamAcceptsExceptShortRoots() throws {
        let fixture = try MerkleFixtures.load(
            "transparency_dev_consistency_probes",
            as: MerkleFixtures.ConsistencyProbes.self
        )
        #expect(fixture.probes.count == 98)
        var sawStrictProbe = false
        for probe in fixture.probes {
            let result = Result { () throws(MerkleProofError) in
                try Merkle.verifyConsistency(
                    from: probe.size1,
                    to: probe.size2,
                    proof: probe.proof.map { try! MerkleFixtures.bytes($0) },
                    oldRoot: try! MerkleFixtures.bytes(probe.root1),
                    newRoot: try! MerkleFixtures.bytes(probe.root2)
                )
            }
            if probe.file == Self.strictlyRejected {
                // Upstream: want_error false. Parley: the 12-byte roots are rejected as roots.
                sawStrictProbe = true
                #expect(!probe.wantError && probe.note != nil)
                #expect(throws: MerkleProofError.wrongHashLength(field: "old root", byteCount: 12)) { try result.get() }
                continue
            }
            let accepted = (try? result.get()) != nil
            #expect(accepted == !probe.wantError, "\(probe.file): \(probe.desc) → \(result)")
        }
        #expect(sawStrictProbe)
    }

    @Test func hostileIndexIsRejectedNotTrapped() {
        let h = Merkle.leafHash([UInt8]())
        #expect(throws: MerkleProofError.indexOutOfRange(index: .max, size: .max)) {
            try Merkle.verifyInclusion(leafHash: h, index: .max, size: .max, proof: [], root: h)
        }
        #expect(throws: MerkleProofError.self) {
            try Merkle.verifyInclusion(leafHash: h, index: .max - 1, size: .max, proof: [], root: h)
        }
        #expect(throws: MerkleProofError.self) {
            try Merkle.verifyConsistency(from: .max - 1, to: .max, proof: [h], oldRoot: h, newRoot: h)
        }
        #expect(throws: MerkleProofError.consistencyFromEmptyTree) {
            try Merkle.verifyConsistency(
                from: 0,
                to: 0,
                proof: [],
                oldRoot: Merkle.emptyRoot,
                newRoot: Merkle.emptyRoot
            )
        }
        #expect(throws: MerkleProofError.sizesOutOfOrder(from: 2, to: 1)) {
            try Merkle.verifyConsistency(from: 2, to: 1, proof: [], oldRoot: h, newRoot: h)
        }
    }
}
