// Reading a log as an auditor does: its size, entries by range, the latest signed checkpoint,
// and inclusion and consistency proofs computed from the stored hashes in O(log n) reads.
public import ParleyRecord
import SQLKit

/// One entry as the log holds it: its index and its exact canonical JSON bytes.
public struct LogEntry: Sendable, Equatable {
    public let index: Int64
    public let bytes: [UInt8]
}

extension Store {
    /// The most entries one `entries` call returns.
    public static let maxEntriesPerRead = 1000

    /// The log's current size, or `nil` when no such log exists.
    public func logSize(_ log: String) async throws -> Int64? {
        try await read { db in
            try await db.select().column("size").from("logs").where("id", .equal, SQLBind(log)).first()?
                .decode(column: "size", as: Int64.self)
        }
    }

    /// Entries `start..<end`, at most `maxEntriesPerRead`; `end` beyond the size is an error.
    public func entries(_ log: String, start: Int64, end: Int64) async throws -> [LogEntry] {
        guard let size = try await logSize(log) else { throw StoreError.unknownLog(log) }
        guard start >= 0, start <= end, end <= size else {
            throw StoreError.outOfRange("entries \(start)..<\(end) are outside the log of size \(size)")
        }
        let end = min(end, start + Int64(Self.maxEntriesPerRead))
        return try await read { db in
            try await db.raw(
                "SELECT entry_key, body FROM entries WHERE \(EntryKey.range(of: log, from: start, to: end)) ORDER BY entry_key"
            ).all().map {
                LogEntry(
                    index: EntryKey.index(of: try $0.decode(column: "entry_key", as: Int64.self)),
                    bytes: try $0.bytes("body")
                )
            }
        }
    }

    /// The newest signed checkpoint of a log (a C2SP signed note), or `nil` before the first entry.
    public func latestCheckpoint(_ log: String) async throws -> String? {
        try await read { db in
            try await db.raw("SELECT checkpoint FROM logs WHERE id = \(bind: log)").first()?
                .decode(column: "checkpoint", as: String?.self)
        }
    }

    /// Every signed checkpoint the store keeps of a log, oldest first: the first at or after
    /// every `LogWriter.checkpointSpacing` entries, then the latest.
    public func checkpoints(_ log: String) async throws -> [String] {
        try await read { db in try await Self.checkpoints(log, on: db) }
    }

    static func checkpoints(_ log: String, on db: any SQLDatabase) async throws -> [String] {
        var notes = try await db.raw(
            """
            SELECT note, size FROM checkpoints WHERE log_id = \(bind: log)
            UNION ALL SELECT checkpoint AS note, size FROM logs WHERE id = \(bind: log) AND checkpoint IS NOT NULL
            ORDER BY size
            """
        ).all().map { try $0.decode(column: "note", as: String.self) }
        // The latest is also history when it was the first of its spacing.
        if notes.count > 1, notes[notes.count - 1] == notes[notes.count - 2] { notes.removeLast() }
        return notes
    }

    /// RFC 9162 §2.1.3.1 inclusion proof of entry `index` in the tree of `size` entries.
    public func inclusionProof(_ log: String, index: Int64, size: Int64) async throws -> [Hash] {
        try await checkSize(log, size)
        guard index >= 0, index < size else {
            throw StoreError.outOfRange("index \(index) is not below the tree size \(size)")
        }
        return try await read { db in
            try await StoredHashes.run(log: log, on: db) {
                try Merkle.inclusionProof(index: index, size: size, reader: $0)
            }
        }
    }

    /// RFC 9162 §2.1.4.1 consistency proof from the tree of `from` entries to that of `to`.
    public func consistencyProof(_ log: String, from: Int64, to: Int64) async throws -> [Hash] {
        try await checkSize(log, to)
        guard from >= 1, from <= to else {
            throw StoreError.outOfRange("a consistency proof needs 1 ≤ from ≤ to (from \(from), to \(to))")
        }
        return try await read { db in
            try await StoredHashes.run(log: log, on: db) { try Merkle.consistencyProof(from: from, to: to, reader: $0) }
        }
    }

    private func checkSize(_ log: String, _ size: Int64) async throws {
        guard let current = try await logSize(log) else { throw StoreError.unknownLog(log) }
        guard size >= 1, size <= current else {
            throw StoreError.outOfRange("tree size \(size) is outside 1…\(current), the log's current size")
        }
    }
}
