// RFC 9162 §2.1.1: the leaf and interior node hashes, SHA-256 with domain-separation prefixes.
//
// Hashing goes through swift-crypto's incremental `SHA256` on raw buffers, so no arrays are built
// per hash; the digest is copied straight into the inline `Hash`.
import Crypto

extension Merkle {
    /// RFC 9162 §2.1.1: MTH({}) = SHA-256(""), the root of the empty tree.
    public static let emptyRoot: Hash = digest(SHA256())

    /// RFC 9162 §2.1.1: MTH({d(0)}) = SHA-256(0x00 || d(0)).
    @inlinable
    public static func leafHash(_ entry: some Collection<UInt8>) -> Hash {
        if let hash = entry.withContiguousStorageIfAvailable({ leafHash(bytes: UnsafeRawBufferPointer($0)) }) {
            return hash
        }
        return leafHash(bytes: Array(entry))
    }

    /// RFC 9162 §2.1.1 leaf hash of a raw buffer.
    public static func leafHash(bytes entry: UnsafeRawBufferPointer) -> Hash {
        var hasher = leafPrefix
        hasher.update(bufferPointer: entry)
        return digest(hasher)
    }

    /// SHA-256 having taken a leaf's 0x00 and a node's 0x01: each hash starts from a copy,
    /// rather than setting up a hasher and feeding it one byte (a fifth of what a node costs).
    /// Shared across threads safely: these are never changed, and a copy's first `update`
    /// gives the copy a state of its own (SHA256 is copy-on-write), only reading this one.
    private nonisolated(unsafe) static let leafPrefix = prefixed(0x00)
    private nonisolated(unsafe) static let nodePrefix = prefixed(0x01)

    private static func prefixed(_ byte: UInt8) -> SHA256 {
        var hasher = SHA256()
        withUnsafeBytes(of: byte) { hasher.update(bufferPointer: $0) }
        return hasher
    }

    @usableFromInline
    static func leafHash(bytes entry: [UInt8]) -> Hash {
        entry.withUnsafeBytes { leafHash(bytes: $0) }
    }

    /// RFC 9162 §2.1.1: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])).
    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        // One 65-byte buffer on the stack: a single `update` is cheaper than three.
        var halves: (Hash, Hash) = (left, right)
        return withUnsafeBytes(of: &halves) { raw in
            var hasher = nodePrefix
            hasher.update(bufferPointer: raw)
            return digest(hasher)
        }
    }

    /// RFC 9162 §2.1.1 node hash over children of any length.
    ///
    /// Only for test vectors such as RFC 6962's `N123`/`N456`, whose children are not 32 bytes;
    /// the proof verifiers insist on 32-byte hashes and use `nodeHash(_:_:)`.
    public static func nodeHash(bytes left: some Collection<UInt8>, bytes right: some Collection<UInt8>) -> Hash {
        var hasher = SHA256()
        let buffer = [UInt8(0x01)] + Array(left) + Array(right)
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return digest(hasher)
    }

    @inline(__always)
    static func digest(_ hasher: consuming SHA256) -> Hash {
        hasher.finalize().withUnsafeBytes { Hash(unsafeRawBytes: $0) }
    }
}
