// Errors of the storage-side Merkle algorithms (tree hash, proof generation, appends).

/// Why a tree hash, proof or append could not be computed from stored hashes.
public enum MerkleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A leaf index outside [0, size).
    case indexOutOfRange(index: Int64, size: Int64)
    /// A negative size, or one larger than the stored tree.
    case sizeOutOfRange(size: Int64)
    /// RFC 9162 §2.1.4 defines consistency only between non-empty trees.
    case consistencyFromEmptyTree
    /// A consistency proof asked from a larger tree to a smaller one.
    case sizesOutOfOrder(from: Int64, to: Int64)
    /// The `HashReader` answered with a different number of hashes than asked for.
    case readerReturnedWrongCount(expected: Int, got: Int)
    /// The `HashReader` threw; its error, as text (typed throws keep one error type).
    case readFailed(underlying: String)

    public var description: String {
        switch self {
        case let .indexOutOfRange(index, size):
            "leaf index \(index) is outside the tree of size \(size) (valid: 0..<\(size))"
        case let .sizeOutOfRange(size):
            "tree size \(size) is negative or larger than the stored tree"
        case .consistencyFromEmptyTree:
            "a consistency proof needs a first tree of at least one leaf (RFC 9162 §2.1.4)"
        case let .sizesOutOfOrder(from, to):
            "consistency proof asked from size \(from) to the smaller size \(to); the first size must not exceed the second"
        case let .readerReturnedWrongCount(expected, got):
            "the hash reader returned \(got) hashes for \(expected) indexes; the store is missing hashes or answered out of shape"
        case let .readFailed(underlying):
            "reading stored hashes failed: \(underlying)"
        }
    }
}
