// Reference Merkle algorithms for tests only, written straight from the recursive definitions:
// RFC 9162 §2.1.1 MTH, §2.1.3.1 PATH, §2.1.4.1 PROOF/SUBPROOF, and their generalisation to
// subtrees [start, end) from draft-ietf-plants-merkle-tree-certs §4 (needed by the accumulated
// vectors). Slow and obvious on purpose; MTH of each range is memoised so the big loops finish.
import ParleyRecord

final class ReferenceTree {
    let leaves: [Hash]
    private var memo: [Int: Hash] = [:]

    init(leaves: [Hash]) { self.leaves = leaves }

    /// Which side of the running hash a proof element joins (enough to decide if two proofs are
    /// computed identically by an RFC 9162 verifier).
    enum Side: Equatable { case left, right, seed }

    /// RFC 9162 §2.1.1: k is the largest power of two smaller than n.
    static func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// RFC 9162 §2.1.1: MTH(D[lo:hi]).
    func mth(_ lo: Int, _ hi: Int) -> Hash {
        if lo == hi { return Merkle.emptyRoot }
        if hi - lo == 1 { return leaves[lo] }
        let key = lo << 32 | hi
        if let cached = memo[key] { return cached }
        let k = Self.split(hi - lo)
        let hash = Merkle.nodeHash(mth(lo, lo + k), mth(lo + k, hi))
        memo[key] = hash
        return hash
    }

    /// RFC 9162 §2.1.3.1: PATH(m, D[lo:hi]) for the absolute leaf index m.
    func path(_ m: Int, _ lo: Int, _ hi: Int) -> [(hash: Hash, side: Side)] {
        if hi - lo <= 1 { return [] }
        let k = Self.split(hi - lo)
        if m < lo + k { return path(m, lo, lo + k) + [(mth(lo + k, hi), .right)] }
        return path(m, lo + k, hi) + [(mth(lo, lo + k), .left)]
    }

    func inclusionProof(_ m: Int, size n: Int) -> [Hash] { path(m, 0, n).map(\.hash) }

    /// RFC 9162 §2.1.4.1: PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    func consistencyProof(_ m: Int, _ n: Int) -> [(hash: Hash, side: Side)] {
        subproof(m, 0, n, true)
    }

    private func subproof(_ m: Int, _ lo: Int, _ hi: Int, _ b: Bool) -> [(hash: Hash, side: Side)] {
        if m == hi { return b ? [] : [(mth(lo, hi), .seed)] }
        let k = Self.split(hi - lo)
        if m <= lo + k { return subproof(m, lo, lo + k, b) + [(mth(lo + k, hi), .right)] }
        return subproof(m, lo + k, hi, false) + [(mth(lo, lo + k), .left)]
    }

    /// draft-ietf-plants-merkle-tree-certs §4.1: is [start, end) a valid subtree?
    static func isValidSubtree(_ start: Int, _ end: Int) -> Bool {
        guard start <= end else { return false }
        if start == 0 || start == end { return true }
        var ceil = 1
        while ceil < end - start { ceil *= 2 }
        return start % ceil == 0
    }

    /// draft-ietf-plants-merkle-tree-certs §4.4.1: SUBTREE_PROOF(start, end, D[0:n]).
    func subtreeConsistencyProof(_ start: Int, _ end: Int, _ n: Int) -> [Hash] {
        if start == end { return [] }
        return subtreeSubproof(start, end, 0, n, true)
    }

    private func subtreeSubproof(_ start: Int, _ end: Int, _ lo: Int, _ hi: Int, _ b: Bool) -> [Hash] {
        if start == lo && end == hi { return b ? [] : [mth(lo, hi)] }
        let k = Self.split(hi - lo)
        if end <= lo + k { return subtreeSubproof(start, end, lo, lo + k, b) + [mth(lo + k, hi)] }
        if lo + k <= start { return subtreeSubproof(start, end, lo + k, hi, b) + [mth(lo, lo + k)] }
        // A valid subtree straddles the split only when it starts at lo.
        return subtreeSubproof(lo + k, end, lo + k, hi, false) + [mth(lo, lo + k)]
    }
}

/// A HashReader that counts what is asked of it.
final class CountingReader: HashReader {
    let store: MemoryHashStore
    private(set) var calls = 0
    private(set) var hashesRead = 0

    init(_ store: MemoryHashStore) { self.store = store }

    func readHashes(at indexes: [Int64]) throws -> [Hash] {
        calls += 1
        hashesRead += indexes.count
        return try store.readHashes(at: indexes)
    }
}

/// A HashReader that answers with one hash too few.
struct ShortReader: HashReader {
    let store: MemoryHashStore
    func readHashes(at indexes: [Int64]) throws -> [Hash] {
        Array(try store.readHashes(at: indexes).dropLast())
    }
}
