// The stored-hash layout (golang.org/x/mod/sumdb/tlog style) and the reader-based algorithms.
import ParleyRecord
import Testing

@Suite struct MerkleStoredHashTests {
    static func entry(_ i: Int) -> [UInt8] { Array("entry \(i)".utf8) }

    @Test func storedHashIndexMatchesTheLayoutOfTlog() {
        // Leaves 0,1 then node (1,0); leaf 2; leaf 3, node (1,1), node (2,0); leaf 4 …
        let expected: [(Int, Int64, Int64)] = [
            (0, 0, 0), (0, 1, 1), (1, 0, 2), (0, 2, 3), (0, 3, 4), (1, 1, 5), (2, 0, 6), (0, 4, 7), (3, 0, 14),
        ]
        for (level, n, index) in expected {
            #expect(Merkle.storedHashIndex(level: level, n: n) == index, "(\(level), \(n))")
        }
        #expect((0...9).map { Merkle.storedHashCount(forSize: $0) } == [0, 1, 3, 4, 7, 8, 10, 11, 15, 16])
    }

    @Test func everyStoredHashHasOneOwningLeaf() {
        // Walking the leaves in order names the owner of every index, with no gap or overlap.
        var index: Int64 = 0
        for n in Int64(0)..<5_000 {
            #expect(Merkle.storedHashCount(forSize: n) == index)
            for offset in 0..<Merkle.storedHashesOfLeaf(n) {
                let owner = Merkle.storedHashOwner(index)
                #expect(owner.leaf == n && owner.offset == offset, "index \(index)")
                index += 1
            }
        }
        // Far out, where the first guess is furthest from the owner.
        for n: Int64 in [(1 << 40) - 1, 1 << 40, (1 << 50) - 1, 123_456_789_012] {
            let first = Merkle.storedHashCount(forSize: n)
            for offset in 0..<Merkle.storedHashesOfLeaf(n) {
                let owner = Merkle.storedHashOwner(first + Int64(offset))
                #expect(owner.leaf == n && owner.offset == offset, "leaf \(n)")
            }
            #expect(Merkle.storedHashOwner(first - 1).leaf == n - 1)
        }
        #expect(Merkle.storedHashesOfLeaf(0) == 1 && Merkle.storedHashesOfLeaf(7) == 4)
    }

    @Test func hashesToStoreEqualsTheInMemoryAppendPath() throws {
        var store = MemoryHashStore()
        var tree = MemoryTree()
        for i in 0..<300 {
            let leaf = Merkle.leafHash(Self.entry(i))
            let n = Int64(i)
            #expect(Int64(store.hashes.count) == Merkle.storedHashCount(forSize: n))
            store.append(contentsOf: try Merkle.hashesToStore(forLeafAt: n, leafHash: leaf, reader: store))
            tree.append(leafHash: leaf)
            #expect(store.hashes == tree.store.hashes, "after leaf \(i)")
        }
    }

    @Test func aCompactRangeResumesFromStoredHashes() throws {
        // An appender that restarts reads the range's roots from the store and carries on: the
        // hashes it completes and its root equal those of a range that never stopped.
        var store = MemoryHashStore()
        var unbroken = CompactRange()
        for i in 0..<200 {
            let n = Int64(i)
            let roots = try store.readHashes(at: Merkle.compactRangeIndexes(forSize: n))
            var resumed = try #require(CompactRange(size: n, hashes: roots))
            #expect(resumed.root == unbroken.root, "root at size \(i)")
            let leaf = Merkle.leafHash(Self.entry(i))
            var completed: [Hash] = []
            resumed.append(leafHash: leaf) { completed.append($0) }
            unbroken.append(leafHash: leaf)
            #expect(completed == (try Merkle.hashesToStore(forLeafAt: n, leafHash: leaf, reader: store)))
            store.append(contentsOf: completed)
        }
        #expect(Merkle.compactRangeIndexes(forSize: 0).isEmpty)
        #expect(
            Merkle.compactRangeIndexes(forSize: 6) == [
                Merkle.storedHashIndex(level: 2, n: 0), Merkle.storedHashIndex(level: 1, n: 2),
            ]
        )
        #expect(CompactRange(size: 3, hashes: [.zero]) == nil)
    }

    @Test func everyStoredHashIsItsPerfectSubtreeRoot() {
        var tree = MemoryTree()
        let leaves = (0..<100).map { Merkle.leafHash(Self.entry($0)) }
        for leaf in leaves { tree.append(leafHash: leaf) }
        let reference = ReferenceTree(leaves: leaves)
        for level in 0..<7 {
            let width = 1 << level
            for n in 0..<(100 / width) {
                let index = Merkle.storedHashIndex(level: level, n: Int64(n))
                #expect(tree.store.hashes[Int(index)] == reference.mth(n * width, (n + 1) * width))
            }
        }
    }

    @Test func appendsAndProofsReadLogarithmicallyManyHashesInOneBatch() throws {
        var tree = MemoryTree()
        for i in 0..<5000 { tree.append(entry: Self.entry(i)) }
        let reader = CountingReader(tree.store)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let size = Int64.random(in: 2...5000, using: &rng)
            let bound = 2 * (64 - size.leadingZeroBitCount)  // 2·⌈log₂ size⌉
            for (label, operation) in [
                ("append", { _ = try Merkle.hashesToStore(forLeafAt: size - 1, leafHash: .zero, reader: reader) }),
                ("tree hash", { _ = try Merkle.treeHash(size: size, reader: reader) }),
                (
                    "inclusion",
                    {
                        let index = Int64.random(in: 0..<size, using: &rng)
                        _ = try Merkle.inclusionProof(index: index, size: size, reader: reader)
                    }
                ),
                (
                    "consistency",
                    {
                        let from = Int64.random(in: 1...size, using: &rng)
                        _ = try Merkle.consistencyProof(from: from, to: size, reader: reader)
                    }
                ),
            ] as [(String, () throws -> Void)] {
                let (calls, read) = (reader.calls, reader.hashesRead)
                try operation()
                #expect(reader.calls - calls <= 1, "\(label) at size \(size) made more than one read")
                #expect(
                    reader.hashesRead - read <= bound,
                    "\(label) at size \(size) read \(reader.hashesRead - read) > \(bound)"
                )
            }
        }
        // An append whose leaf completes no subtree reads nothing.
        let before = reader.calls
        _ = try Merkle.hashesToStore(forLeafAt: 4096, leafHash: .zero, reader: reader)
        #expect(reader.calls == before)
    }

    @Test func readerErrorsAreTypedAndActionable() throws {
        var tree = MemoryTree()
        for i in 0..<10 { tree.append(entry: Self.entry(i)) }
        // PATH(0, D[7]) needs leaf 1, node [2, 4), and [4, 7) = [4, 6) + leaf 6: four stored hashes.
        #expect(throws: MerkleError.readerReturnedWrongCount(expected: 4, got: 3)) {
            try Merkle.inclusionProof(index: 0, size: 7, reader: ShortReader(store: tree.store))
        }
        #expect(throws: MerkleError.self) { try Merkle.treeHash(size: 11, reader: tree.store) }
        #expect(throws: MerkleError.indexOutOfRange(index: 10, size: 10)) { try tree.inclusionProof(index: 10) }
        #expect(throws: MerkleError.indexOutOfRange(index: -1, size: 10)) { try tree.inclusionProof(index: -1) }
        #expect(throws: MerkleError.consistencyFromEmptyTree) { try tree.consistencyProof(from: 0) }
        #expect(throws: MerkleError.sizesOutOfOrder(from: 5, to: 4)) { try tree.consistencyProof(from: 5, to: 4) }
        #expect(throws: MerkleError.sizeOutOfRange(size: 11)) { try tree.consistencyProof(from: 5, to: 11) }
        #expect(throws: MerkleError.sizeOutOfRange(size: -1)) {
            try Merkle.hashesToStore(forLeafAt: -1, leafHash: .zero, reader: tree.store)
        }
        #expect(try tree.consistencyProof(from: 10).isEmpty)
        #expect(try tree.root(size: 0) == Merkle.emptyRoot)
        #expect(MerkleError.consistencyFromEmptyTree.description.contains("at least one leaf"))
    }
}
