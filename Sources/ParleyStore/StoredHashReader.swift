// The Merkle algorithms read hashes synchronously through `HashReader`; the database answers
// asynchronously. The indexes an algorithm reads depend only on sizes, never on hash values, so a
// dry run with a recording reader names them, one query fetches them, and the real run reads
// from memory.
import ParleyRecord
import SQLKit

enum StoredHashes {
    static func run<T>(
        log: String,
        on db: any SQLDatabase,
        _ algorithm: (any HashReader) throws -> T
    ) async throws -> T {
        let recorder = RecordingReader()
        _ = try? algorithm(recorder)
        let fetched = try await fetch(log: log, indexes: recorder.indexes.value, on: db)
        return try algorithm(MapReader(hashes: fetched))
    }

    /// The stored hashes at `indexes`, each read from the row of the entry whose append stored
    /// it (see `Merkle.storedHashOwner`); the log's number is read unless given.
    static func fetch(log: String, number: Int64? = nil, indexes: [Int64], on db: any SQLDatabase) async throws
        -> [Int64: Hash]
    {
        guard !indexes.isEmpty else { return [:] }
        let number = if let number { number } else { try await Self.number(of: log, on: db) }
        var wanted: [Int64: [(index: Int64, offset: Int)]] = [:]
        for index in Set(indexes) {
            let owner = Merkle.storedHashOwner(index)
            wanted[owner.leaf, default: []].append((index, owner.offset))
        }
        let keys = wanted.keys.sorted().map { EntryKey.of(log: number, index: $0) }
        let rows = try await db.raw("SELECT entry_key, hashes FROM entries WHERE entry_key IN (\(binds: keys))").all()
        var result: [Int64: Hash] = [:]
        for row in rows {
            let leaf = EntryKey.index(of: try row.decode(column: "entry_key", as: Int64.self))
            let bytes = try row.bytes("hashes")
            guard bytes.count == Hash.byteCount * Merkle.storedHashesOfLeaf(leaf) else {
                throw StoreError.database(
                    "the stored hashes of entry \(leaf) of \(log) are \(bytes.count) bytes, not \(Merkle.storedHashesOfLeaf(leaf)) × 32"
                )
            }
            for (index, offset) in wanted[leaf] ?? [] {
                result[index] = Hash(bytes: bytes[(offset * Hash.byteCount)..<((offset + 1) * Hash.byteCount)])
            }
        }
        return result
    }

    /// A log's number (see EntryKey).
    static func number(of log: String, on db: any SQLDatabase) async throws -> Int64 {
        guard let row = try await db.raw("SELECT num FROM logs WHERE id = \(bind: log)").first() else {
            throw StoreError.unknownLog(log)
        }
        return try EntryKey.number(in: row, of: log)
    }
}

private final class Box<T: Sendable>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

/// Answers zero hashes and remembers what was asked.
private struct RecordingReader: HashReader {
    let indexes = Box<[Int64]>([])
    func readHashes(at indexes: [Int64]) throws -> [Hash] {
        self.indexes.value += indexes
        return indexes.map { _ in .zero }
    }
}

private struct MapReader: HashReader {
    let hashes: [Int64: Hash]
    func readHashes(at indexes: [Int64]) throws -> [Hash] {
        try indexes.map { i in
            guard let h = hashes[i] else { throw StoreError.database("stored hash \(i) is missing") }
            return h
        }
    }
}
