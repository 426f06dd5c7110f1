// The Merkle tree of RFC 9162 §2.1 (identical to RFC 6962 §2.1) for Parley's logs.
//
// Storage is kept out of the algorithms: every complete subtree's hash is stored once, at an
// index computed from (level, n) as in golang.org/x/mod/sumdb/tlog. Algorithms that need stored
// hashes take a `HashReader` and return what must be written; they never write. Verification
// (`verifyInclusion`, `verifyConsistency`) needs no reader at all.

/// Namespace for the RFC 9162 §2.1 Merkle tree: hashing, stored-hash layout, proofs, verification.
public enum Merkle {}

/// Read access to the stored hashes of one tree (see `Merkle.storedHashIndex(level:n:)`).
///
/// A database implements this with one query per call; the algorithms batch their reads so that
/// each operation makes at most one call (an append whose leaf completes no subtree makes none).
public protocol HashReader {
    /// Returns the stored hashes at `indexes`, in the same order and of the same count.
    func readHashes(at indexes: [Int64]) throws -> [Hash]
}
