// A chunk of a log checked on its own, as `verify` checks chunks side by side: a clean chunk
// gives the roots that replay the tree, and any one stored hash altered is named at the entry
// whose append stored it, wherever the chunk starts.
import Foundation
import ParleyRecord
import Testing

@testable import ParleyStore

@Suite struct VerifyChunkTests {
    static let log = "mechanism/test"

    /// The smallest canonical bytes `verify` accepts as entry `n` of `log`.
    static func entry(_ n: Int64) -> [UInt8] { Array(#"{"index":\#(n),"log":"\#(log)","v":1}"#.utf8) }

    static func tree(size: Int64) -> MemoryTree {
        var tree = MemoryTree()
        for n in 0..<size { tree.append(entry: entry(n)) }
        return tree
    }

    /// The hashes entry `n`'s append stored, end to end, as its row keeps them.
    static func stored(_ n: Int64, in hashes: [Hash]) -> [UInt8] {
        let first = Int(Merkle.storedHashCount(forSize: n))
        return hashes[first..<(first + Merkle.storedHashesOfLeaf(n))].flatMap(\.bytes)
    }

    static func chunk(_ start: Int64, _ end: Int64, hashes: [Hash]) -> VerifyChunk {
        var before: [Int64: Hash] = [:]
        for i in Merkle.compactRangeIndexes(forSize: start) { before[i] = hashes[Int(i)] }
        return VerifyChunk(start: start, end: end, log: log, before: before)
    }

    /// Checks entries [start, end) against `hashes` (all of the tree's, in storage order).
    static func check(_ start: Int64, _ end: Int64, hashes: [Hash]) -> VerifyChunk {
        var chunk = chunk(start, end, hashes: hashes)
        for n in start..<end {
            guard feed(&chunk, n, entry(n), hashes: hashes) else { break }
        }
        chunk.finish()
        return chunk
    }

    static func feed(_ chunk: inout VerifyChunk, _ n: Int64, _ bytes: [UInt8], hashes: [Hash]) -> Bool {
        let stored = stored(n, in: hashes)
        return bytes.withUnsafeBytes { body in
            stored.withUnsafeBytes { chunk.check(index: n, body: body, hashes: $0) }
        }
    }

    @Test(arguments: [(0, 64), (37, 71), (64, 100), (5, 6)] as [(Int64, Int64)])
    func aCleanChunkReplaysTheTree(_ start: Int64, _ end: Int64) throws {
        let hashes = Self.tree(size: 100).store.hashes
        let chunk = Self.check(start, end, hashes: hashes)
        #expect(chunk.problem == nil)
        #expect(chunk.roots.count == Int(end - start))
        var range = try #require(
            CompactRange(size: start, hashes: Merkle.compactRangeIndexes(forSize: start).map { hashes[Int($0)] })
        )
        for root in chunk.roots { range.append(completedRoot: root) }
        #expect(range.root == Self.tree(size: end).root)
    }

    @Test(arguments: [(0, 64), (37, 71), (64, 100)] as [(Int64, Int64)])
    func everyAlteredStoredHashIsNamedAtTheEntryThatStoredIt(_ start: Int64, _ end: Int64) {
        let hashes = Self.tree(size: 100).store.hashes
        for i in Merkle.storedHashCount(forSize: start)..<Merkle.storedHashCount(forSize: end) {
            var altered = hashes
            altered[Int(i)] = Merkle.leafHash(Array("not this".utf8))
            let chunk = Self.check(start, end, hashes: altered)
            // The entry whose append stored hash i.
            let owner = (start..<end).first { Merkle.storedHashCount(forSize: $0 + 1) > i }!
            #expect(chunk.problem?.row == Int(owner - start), "hash \(i)")
            #expect(chunk.roots.count == Int(owner - start))
        }
    }

    @Test func alteredEntryBytesAndAGapAreNamed() {
        let hashes = Self.tree(size: 40).store.hashes
        var chunk = Self.check(10, 20, hashes: hashes)
        #expect(chunk.problem == nil)

        chunk = Self.chunk(10, 20, hashes: hashes)
        let fresh = chunk
        // Entry 13 re-encoded with a space: not canonical.
        for n in Int64(10)..<20 {
            var bytes = Self.entry(n)
            if n == 13 { bytes.insert(UInt8(ascii: " "), at: 1) }
            guard Self.feed(&chunk, n, bytes, hashes: hashes) else { break }
        }
        #expect(chunk.problem?.row == 3)
        #expect(chunk.problem?.message.contains("canonical") == true)

        // Entry 15 missing.
        chunk = fresh
        for n in Int64(10)..<20 where n != 15 {
            guard Self.feed(&chunk, n, Self.entry(n), hashes: hashes) else { break }
        }
        #expect(chunk.problem?.row == 5)
        #expect(chunk.problem?.message == "entry is missing")

        // The last entry missing.
        chunk = fresh
        for n in Int64(10)..<19 { _ = Self.feed(&chunk, n, Self.entry(n), hashes: hashes) }
        chunk.finish()
        #expect(chunk.problem?.row == 9)
    }

    @Test func hashesOfTheWrongLengthAreNamedAtTheirEntry() {
        let hashes = Self.tree(size: 40).store.hashes
        // Entry 13 completes one subtree, so it stored two hashes; keep only its leaf hash.
        var chunk = Self.chunk(10, 20, hashes: hashes)
        for n in Int64(10)..<20 {
            var stored = Self.stored(n, in: hashes)
            if n == 13 { stored.removeLast(Hash.byteCount) }
            let ok = Self.entry(n).withUnsafeBytes { body in
                stored.withUnsafeBytes { chunk.check(index: n, body: body, hashes: $0) }
            }
            guard ok else { break }
        }
        #expect(chunk.problem?.row == 3)
        #expect(chunk.problem?.message.contains("32 bytes, not 2 × 32") == true, "\(String(describing: chunk.problem))")
    }
}
