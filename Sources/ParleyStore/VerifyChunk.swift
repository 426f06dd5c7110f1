// One chunk of a log as `parley verify` checks it, on a connection of its own while other chunks
// are checked on the others: every entry's bytes, then every hash the entry's append stored
// (kept in the entry's own row).
// Each stored hash is checked once, against the stored hashes of its two halves (themselves
// checked before it, in this chunk or an earlier one), so together they prove that every stored
// hash is the one the entries produce; replaying the tree in order then needs no hashing.
import Foundation
import ParleyCore
import ParleyRecord

struct VerifyChunk: Sendable {
    let start: Int64
    let end: Int64
    /// The log id as canonical JSON text: the bytes an entry of this log holds.
    let logText: [UInt8]
    /// The storage index of the first hash the chunk's first entry stored.
    let hashStart: Int64
    /// The stored roots of the perfect subtrees before `start`: the left halves of the subtrees
    /// that span the chunk's start, checked with the chunks that completed them.
    let before: [Int64: Hash]
    /// The hashes stored by the entries checked so far, in storage order from `hashStart`.
    private var checked: [Hash] = []

    /// For each entry checked, the root of the largest subtree its append completes.
    private(set) var roots: [Hash] = []
    private(set) var bytes: Int64 = 0
    /// The first entry (a row of the chunk) that does not check out, and why.
    private(set) var problem: (row: Int, message: String)?

    init(start: Int64, end: Int64, log: String, before: [Int64: Hash]) {
        self.start = start
        self.end = end
        self.logText = (try? CanonicalJSON.encode(.string(log))) ?? []
        self.hashStart = Merkle.storedHashCount(forSize: start)
        self.before = before
        roots.reserveCapacity(Int(end - start))
        checked.reserveCapacity(Int(Merkle.storedHashCount(forSize: end) - hashStart))
    }

    /// Checks the next entry and the hashes its append stored; false once a problem is found
    /// (the rest need not be read).
    mutating func check(index: Int64, body: UnsafeRawBufferPointer, hashes: UnsafeRawBufferPointer) -> Bool {
        let row = roots.count
        let expected = start + Int64(row)
        guard index == expected else { return found(row, "entry is missing") }
        if let message = Self.entryProblem(logText: logText, index: index, bytes: body) { return found(row, message) }
        switch completedRoot(entry: index, leaf: Merkle.leafHash(bytes: body), stored: hashes) {
        case .success(let root): roots.append(root)
        case .failure(let mismatch): return found(row, mismatch.message)
        }
        bytes += Int64(body.count)
        return true
    }

    /// After the last row: entries missing from the end of the chunk.
    mutating func finish() {
        if problem == nil, roots.count < end - start { _ = found(roots.count, "entry is missing") }
    }

    private mutating func found(_ row: Int, _ message: String) -> Bool {
        problem = (row, message)
        return false
    }

    /// Checks the hashes stored with entry `n` against its leaf hash and, for each subtree it
    /// completes, against the hash of the subtree's two stored halves; keeps them for the
    /// entries that follow and answers the root of the largest subtree it completes, or what
    /// does not match.
    private mutating func completedRoot(entry n: Int64, leaf: Hash, stored: UnsafeRawBufferPointer) -> Result<
        Hash, Mismatch
    > {
        let first = Merkle.storedHashCount(forSize: n)
        let count = Merkle.storedHashesOfLeaf(n)
        guard stored.count == count * Hash.byteCount else {
            return .failure(
                Mismatch(
                    "the hashes stored with the entry are \(stored.count) bytes, not \(count) × 32 (stored hashes \(first)–\(first + Int64(count) - 1))"
                )
            )
        }
        func hash(_ i: Int) -> Hash {
            Hash(unsafeRawBytes: UnsafeRawBufferPointer(rebasing: stored[(i * Hash.byteCount)...]))
        }
        guard hash(0) == leaf else {
            return .failure(
                Mismatch("entry bytes do not match the stored leaf hash (the entry or its hash was altered)")
            )
        }
        var root = leaf
        for level in 0..<(count - 1) {
            let leftIndex = Merkle.storedHashIndex(level: level, n: (n >> level) - 1)
            let left: Hash? = leftIndex >= hashStart ? checked[Int(leftIndex - hashStart)] : before[leftIndex]
            let node = hash(level + 1)
            guard let left, node == Merkle.nodeHash(left, root) else {
                return .failure(
                    Mismatch(
                        "stored interior hash \(first + Int64(level) + 1) differs from the hash recomputed from the entries"
                    )
                )
            }
            root = node
        }
        for i in 0..<count { checked.append(hash(i)) }
        return .success(root)
    }

    private struct Mismatch: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// The members `entryProblem` reads, in this order.
    private static let entryMembers = CanonicalJSON.MemberNames(["v", "log", "index"])

    /// An entry's bytes must be canonical JSON (RFC 8785) of an entry that names this log and
    /// this index: a copy moved from elsewhere, or re-encoded, is caught even if its hashes were
    /// recomputed to match.
    static func entryProblem(logText: [UInt8], index: Int64, bytes: UnsafeRawBufferPointer) -> String? {
        var found: [Range<Int>?] = []
        guard CanonicalJSON.isCanonical(bytes, locating: entryMembers, found: &found) else {
            do {
                _ = try JSONValue.parse(Array(bytes))
            } catch {
                return "entry bytes are not JSON: \(error)"
            }
            return "entry bytes are not canonical JSON (RFC 8785)"
        }
        // What the entry names, read from its canonical bytes without decoding all of it.
        guard let version = found[0], integer(bytes[version]) == Int64(Entry.version),
            let named = found[1], let at = found[2]
        else { return "entry is not a Parley entry (version \(Entry.version) with a log and an index)" }
        let namesThisLog =
            named.count == logText.count
            && logText.withUnsafeBytes {
                memcmp($0.baseAddress!, bytes.baseAddress! + named.lowerBound, named.count) == 0
            }
        guard namesThisLog, integer(bytes[at]) == index else {
            let text = { (range: Range<Int>) in String(decoding: bytes[range], as: UTF8.self) }
            return "entry names \(text(named)) index \(text(at)), not this log and index"
        }
        return nil
    }

    /// The value of a canonical number written with digits only (at most 18), or nil.
    private static func integer(_ digits: Slice<UnsafeRawBufferPointer>) -> Int64? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value: Int64 = 0
        for digit in digits {
            guard digit &- UInt8(ascii: "0") < 10 else { return nil }
            value = value * 10 + Int64(digit &- UInt8(ascii: "0"))
        }
        return value
    }
}
