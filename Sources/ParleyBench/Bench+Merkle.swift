// Merkle figures (RFC 9162 §2.1 tree of ParleyRecord): appends per second into the in-memory
// stored-hash tree, proof make + verify times at one million leaves, and raw SHA-256 throughput
// for comparison.
import Crypto
import ParleyRecord

func benchMerkle() -> [(label: String, value: String)] {
    let leafCount = 1_000_000
    let clock = ContinuousClock()
    var results: [(label: String, value: String)] = []

    // Appends with the leaf hash given (the store's path: entries are hashed as they are decided).
    let leafHashes = (0..<leafCount).map { i in withUnsafeBytes(of: UInt64(i)) { Merkle.leafHash(bytes: $0) } }
    var tree = MemoryTree()
    let given = clock.measure {
        for leaf in leafHashes { tree.append(leafHash: leaf) }
    }
    results.append(("merkle append, leaf hash given (1M leaves)", rate(leafCount, given, unit: "appends/s")))

    // Appends that also hash a 64-byte entry as an RFC 9162 leaf.
    var hashingTree = MemoryTree()
    var entry = [UInt8](repeating: 0x5a, count: 64)
    let hashing = clock.measure {
        for i in 0..<leafCount {
            withUnsafeBytes(of: UInt64(i)) { counter in
                entry.withUnsafeMutableBytes { $0.copyMemory(from: counter) }
            }
            hashingTree.append(entry: entry)
        }
    }
    results.append(("merkle append + leaf hash of 64-byte entry (1M)", rate(leafCount, hashing, unit: "appends/s")))

    // Proofs at one million leaves: make from the stored hashes, then verify against the root.
    let samples = 10_000
    var rng = SystemRandomNumberGenerator()
    let size = tree.size
    let root = tree.root
    var failures = 0
    let inclusion = clock.measure {
        for _ in 0..<samples {
            let index = Int64.random(in: 0..<size, using: &rng)
            do {
                let proof = try tree.inclusionProof(index: index)
                try Merkle.verifyInclusion(
                    leafHash: leafHashes[Int(index)],
                    index: UInt64(index),
                    size: UInt64(size),
                    proof: proof,
                    root: root
                )
            } catch { failures += 1 }
        }
    }
    results.append(("merkle inclusion proof make+verify at 1M", perItem(samples, inclusion)))

    let oldSizes = (0..<samples).map { _ in Int64.random(in: 1..<size, using: &rng) }
    let oldRoots = oldSizes.map { (try? tree.root(size: $0)) ?? Merkle.emptyRoot }
    let consistency = clock.measure {
        for (old, oldRoot) in zip(oldSizes, oldRoots) {
            do {
                let proof = try tree.consistencyProof(from: old)
                try Merkle.verifyConsistency(
                    from: UInt64(old),
                    to: UInt64(size),
                    proof: proof,
                    oldRoot: oldRoot,
                    newRoot: root
                )
            } catch { failures += 1 }
        }
    }
    results.append(("merkle consistency proof make+verify at 1M", perItem(samples, consistency)))
    if failures > 0 { results.append(("merkle proof FAILURES", "\(failures)")) }

    // Raw SHA-256 over 0.5 KB buffers.
    let buffer = [UInt8](repeating: 0xa5, count: 512)
    let rounds = 200_000
    var sink: UInt8 = 0
    let sha = clock.measure {
        for _ in 0..<rounds {
            var hasher = SHA256()
            buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            sink ^= hasher.finalize().withUnsafeBytes { $0[0] }
        }
    }
    results.append(
        ("sha-256 over 0.5 KB buffers", rate(rounds * 512 / 1_000_000, sha, unit: "MB/s") + (sink == 42 ? " " : ""))
    )
    return results
}

private func rate(_ count: Int, _ d: Duration, unit: String) -> String {
    "\(Int((Double(count) / seconds(d)).rounded())) \(unit)"
}

private func perItem(_ count: Int, _ d: Duration) -> String {
    let micros = seconds(d) * 1e6 / Double(count)
    return "\(Double(Int(micros * 100)) / 100) µs"
}
