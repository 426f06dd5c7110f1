import ParleyRecord
import Testing

@Suite struct CompactRangeTests {
    @Test func emptyRangeHasEmptyRoot() {
        #expect(CompactRange().root == Merkle.emptyRoot)
    }

    @Test func replaysTheStoredHashesInStorageOrderAndMatchesEveryRoot() throws {
        var tree = MemoryTree()
        var range = CompactRange()
        var emitted: [Hash] = []
        for i in 0..<300 {
            let leaf = Merkle.leafHash(Array("entry \(i)".utf8))
            tree.append(leafHash: leaf)
            range.append(leafHash: leaf) { emitted.append($0) }
            #expect(range.root == tree.root, "root differs at size \(i + 1)")
            #expect(range.hashes.count == (i + 1).nonzeroBitCount)
        }
        #expect(emitted == tree.store.hashes)
    }

    @Test func appendingByCompletedRootsMatchesHashingEveryLeaf() {
        var hashed = CompactRange()
        var known = CompactRange()
        for i in 0..<300 {
            var completed: [Hash] = []
            hashed.append(leafHash: Merkle.leafHash(Array("entry \(i)".utf8))) { completed.append($0) }
            known.append(completedRoot: completed.last!)
            #expect(known.hashes == hashed.hashes, "ranges differ at size \(i + 1)")
            #expect(known.size == hashed.size)
        }
        #expect(known.root == hashed.root)
    }
}
