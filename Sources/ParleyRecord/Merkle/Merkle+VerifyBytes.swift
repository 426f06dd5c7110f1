// Byte-level entry points to RFC 9162 §2.1.3.2 / §2.1.4.2 verification, for untrusted input.
//
// Parley's logs are strict SHA-256 logs: every hash in a proof, every leaf hash and every root
// must be exactly 32 bytes, or the proof is rejected before any hashing.

extension Merkle {
    /// `verifyInclusion` over raw bytes; rejects any hash that is not 32 bytes.
    public static func verifyInclusion(
        leafHash: [UInt8],
        index: UInt64,
        size: UInt64,
        proof: [[UInt8]],
        root: [UInt8]
    ) throws(MerkleProofError) {
        try verifyInclusion(
            leafHash: strictHash(leafHash, "leaf hash"),
            index: index,
            size: size,
            proof: strictHashes(proof),
            root: strictHash(root, "root")
        )
    }

    /// `verifyConsistency` over raw bytes; rejects any hash that is not 32 bytes, even when the
    /// sizes are equal and the roots are only compared.
    public static func verifyConsistency(
        from: UInt64,
        to: UInt64,
        proof: [[UInt8]],
        oldRoot: [UInt8],
        newRoot: [UInt8]
    ) throws(MerkleProofError) {
        try verifyConsistency(
            from: from,
            to: to,
            proof: strictHashes(proof),
            oldRoot: strictHash(oldRoot, "old root"),
            newRoot: strictHash(newRoot, "new root")
        )
    }

    static func strictHash(_ bytes: [UInt8], _ field: String) throws(MerkleProofError) -> Hash {
        guard let hash = Hash(bytes: bytes) else { throw .wrongHashLength(field: field, byteCount: bytes.count) }
        return hash
    }

    static func strictHashes(_ proof: [[UInt8]]) throws(MerkleProofError) -> [Hash] {
        var hashes = [Hash]()
        hashes.reserveCapacity(proof.count)
        for (i, bytes) in proof.enumerated() {
            hashes.append(try strictHash(bytes, "proof[\(i)]"))
        }
        return hashes
    }
}
