// Why an RFC 9162 §2.1.3.2 inclusion or §2.1.4.2 consistency proof was rejected.

/// A rejected proof. Every case is a refusal: the proof does not establish what it claims.
public enum MerkleProofError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The leaf index is not below the tree size.
    case indexOutOfRange(index: UInt64, size: UInt64)
    /// The proof has more or fewer hashes than the sizes imply.
    case wrongProofLength(expected: Int, got: Int)
    /// A leaf hash, root or proof element is not a 32-byte SHA-256 value.
    case wrongHashLength(field: String, byteCount: Int)
    /// A consistency proof from the empty tree proves nothing and is always refused.
    case consistencyFromEmptyTree
    /// The first tree is larger than the second.
    case sizesOutOfOrder(from: UInt64, to: UInt64)
    /// The proof leads to a different (new) root than the trusted one.
    case rootMismatch(computed: Hash, expected: Hash)
    /// A consistency proof does not rebuild the trusted old root.
    case oldRootMismatch(computed: Hash, expected: Hash)

    public var description: String {
        switch self {
        case let .indexOutOfRange(index, size):
            "leaf index \(index) is not inside a tree of size \(size)"
        case let .wrongProofLength(expected, got):
            "the proof has \(got) hashes but these sizes need exactly \(expected)"
        case let .wrongHashLength(field, byteCount):
            "\(field) is \(byteCount) bytes; a SHA-256 hash is 32 bytes"
        case .consistencyFromEmptyTree:
            "a consistency proof from tree size 0 proves nothing; verify from a non-empty checkpoint"
        case let .sizesOutOfOrder(from, to):
            "the first tree size \(from) is larger than the second \(to); a log only grows"
        case let .rootMismatch(computed, expected):
            "the proof leads to root \(computed.hex), not the trusted root \(expected.hex)"
        case let .oldRootMismatch(computed, expected):
            "the proof rebuilds old root \(computed.hex), not the trusted old root \(expected.hex)"
        }
    }
}
