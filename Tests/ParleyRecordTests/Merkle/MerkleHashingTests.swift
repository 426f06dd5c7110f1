// Leaf and node hashes start from shared hashers that already took their prefix byte: many
// threads hashing at once must each get exactly SHA-256 of prefix and bytes, with nothing of
// another's input showing through.
import Crypto
import ParleyRecord
import Testing

@Suite struct MerkleHashingTests {
    /// SHA-256 of `prefix` followed by `bytes`, from a hasher of its own.
    static func reference(_ prefix: UInt8, _ bytes: [UInt8]) -> Hash {
        Hash(bytes: Array(SHA256.hash(data: [prefix] + bytes)))!
    }

    @Test func leafAndNodeHashesAreRFC9162sOnEveryThreadAtOnce() async throws {
        var rng = SplitMix64(seed: 9162)
        let inputs: [[UInt8]] = (0..<2_000).map { i in
            (0..<(i % 300)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for (i, input) in inputs.enumerated() where i % 8 == worker {
                        let leaf = Merkle.leafHash(input)
                        if leaf != Self.reference(0x00, input) { wrong += 1 }
                        let node = Merkle.nodeHash(leaf, Self.reference(0x00, []))
                        if node != Self.reference(0x01, leaf.bytes + Self.reference(0x00, []).bytes) { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        // RFC 9162 §2.1.1: the leaf hash of the empty entry, and a node of two of them.
        let emptyLeaf = Merkle.leafHash([UInt8]())
        #expect(emptyLeaf.hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(Merkle.nodeHash(emptyLeaf, emptyLeaf) == Self.reference(0x01, emptyLeaf.bytes + emptyLeaf.bytes))
    }
}
