// `parley verify` against the database: recompute every log from its entries alone and compare
// with everything stored beside them — the interior hashes, the size, every signed checkpoint —
// naming the first entry that does not match. Chunks of the log are checked side by side (see
// VerifyChunk); memory stays flat: a few chunks are in flight and the tree is replayed as a
// compact range.
import Foundation
import ParleyCore
import ParleyRecord
import SQLKit

public struct VerificationProblem: Sendable, Equatable, CustomStringConvertible {
    public let log: String
    /// The first entry concerned, when one can be named.
    public let entry: Int64?
    public let message: String

    public var description: String {
        let at = entry.map { " entry \($0):" } ?? ""
        return "\(log):\(at) \(message)"
    }
}

public struct VerificationReport: Sendable {
    public var logs: [(log: String, size: Int64, checkpoints: Int)] = []
    public var problems: [VerificationProblem] = []
    public var entries: Int64 { logs.reduce(0) { $0 + $1.size } }
    public var bytes: Int64 = 0
    public var isClean: Bool { problems.isEmpty }
}

extension Store {
    /// Checks every log: each entry's bytes are canonical JSON of an entry naming this log and
    /// index, and the stored hashes and every signed checkpoint match the entries. The logs, their
    /// sizes and checkpoints are read in one snapshot; entries and hashes below a size never
    /// change once written, so appends running meanwhile do not disturb the check.
    public func verify() async throws -> VerificationReport {
        let logs = try await read { db in
            try await Transaction.snapshot(on: db, dialect: database.dialect) { db in
                var logs: [(id: String, number: Int64?, origin: String, size: Int64, notes: [String])] = []
                let rows = try await db.select().columns("id", "num", "origin", "size").from("logs").orderBy("id").all()
                for row in rows {
                    let id = try row.decode(column: "id", as: String.self)
                    let notes = try await Self.checkpoints(id, on: db)
                    logs.append(
                        (
                            id, try row.decode(column: "num", as: Int64?.self),
                            try row.decode(column: "origin", as: String.self),
                            try row.decode(column: "size", as: Int64.self), notes
                        )
                    )
                }
                return logs
            }
        }
        var report = VerificationReport()
        for log in logs {
            report.logs.append((log.id, log.size, log.notes.count))
            guard let number = log.number else {
                report.problems.append(
                    VerificationProblem(
                        log: log.id,
                        entry: nil,
                        message: "the log has no number: its entries cannot be found"
                    )
                )
                continue
            }
            let (bytes, problem) = try await verifyLog(
                log.id,
                number: number,
                origin: log.origin,
                size: log.size,
                notes: log.notes
            )
            report.bytes += bytes
            if let problem { report.problems.append(problem) }
        }
        return report
    }

    private func verifyLog(
        _ log: String,
        number: Int64,
        origin: String,
        size: Int64,
        notes: [String]
    ) async throws -> (bytes: Int64, problem: VerificationProblem?) {
        func problem(_ entry: Int64?, _ message: String) -> VerificationProblem {
            VerificationProblem(log: log, entry: entry, message: message)
        }
        // Chunks are read and checked on every core, each on a reading connection of its own,
        // one more in flight than there are cores so that none waits for the next (PostgreSQL:
        // on every reading connection, as the server's processes do their part of the reading
        // while the chunks wait for it; 4 in flight rather than 3 was about a tenth faster); the
        // tree is replayed in order as chunks come in, from the checked hashes, hashing nothing
        // but the roots that checkpoints sign. The checkpoints' signatures are checked beside the
        // first chunks rather than before them (a thousand per million entries, a twentieth of
        // the whole when one core did them alone); the replay starts once they are.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let inFlight = max(1, min(database.dialect == .postgres ? .max : cores + 1, database.readers.count))
        let key = serverKey
        let chunkSize = Self.verifyChunk(database.dialect)
        return try await withThrowingTaskGroup(of: VerifyPart.self) { group in
            group.addTask { .checkpoints(Self.openCheckpoints(notes, key: key, origin: origin, size: size)) }
            var nextStart: Int64 = 0
            func launch() {
                guard nextStart < size else { return }
                let start = nextStart
                group.addTask {
                    .chunk(
                        try await self.read {
                            try await Self.checkChunk(
                                log,
                                number: number,
                                start: start,
                                end: min(size, start + chunkSize),
                                on: $0
                            )
                        }
                    )
                }
                nextStart = min(size, start + chunkSize)
            }
            for _ in 0..<inFlight { launch() }
            var checkpoints: [Int64: Checkpoint]?
            var range = CompactRange()
            var bytesRead: Int64 = 0
            var waiting: [Int64: VerifyChunk] = [:]
            while let done = try await group.next() {
                switch done {
                case .checkpoints(.failure(let found)):
                    group.cancelAll()
                    return (0, problem(found.entry, found.message))
                case .checkpoints(.success(let opened)): checkpoints = opened
                case .chunk(let chunk):
                    launch()
                    waiting[chunk.start] = chunk
                }
                guard let checkpoints else { continue }
                while let chunk = waiting.removeValue(forKey: range.size) {
                    for (row, root) in chunk.roots.enumerated() {
                        let index = chunk.start + Int64(row)
                        range.append(completedRoot: root)
                        if let cp = checkpoints[index + 1], cp.root != range.root {
                            group.cancelAll()
                            return (
                                bytesRead,
                                problem(
                                    index,
                                    "the signed checkpoint at size \(index + 1) has a root that the entries do not produce"
                                )
                            )
                        }
                    }
                    bytesRead += chunk.bytes
                    if let found = chunk.problem {
                        group.cancelAll()
                        return (bytesRead, problem(chunk.start + Int64(found.row), found.message))
                    }
                }
            }
            return (bytesRead, nil)
        }
    }

    /// What a task of `verifyLog` hands back: a checked chunk, or the log's checkpoints.
    private enum VerifyPart: Sendable {
        case chunk(VerifyChunk)
        case checkpoints(Result<[Int64: Checkpoint], CheckpointProblem>)
    }

    private struct CheckpointProblem: Error {
        let entry: Int64?
        let message: String
    }

    /// The log's checkpoints by size, each verified against the server key before it is trusted;
    /// or the first that does not verify, or one that covers more entries than the log holds.
    private static func openCheckpoints(_ notes: [String], key: NoteVerifier, origin: String, size: Int64)
        -> Result<[Int64: Checkpoint], CheckpointProblem>
    {
        var checkpoints: [Int64: Checkpoint] = [:]
        for note in notes {
            do {
                let opened = try Checkpoint.open(note, logKey: key, origin: origin)
                checkpoints[Int64(opened.checkpoint.size)] = opened.checkpoint
            } catch {
                // Name the last entry the checkpoint claims to cover, when its text still says.
                let covers = (try? Checkpoint(text: String(note.split(separator: "\n\n").first ?? "") + "\n").size)
                    .map { Int64($0) }
                let at = covers.map { " at size \($0)" } ?? ""
                return .failure(
                    CheckpointProblem(
                        entry: covers.map { max(0, $0 - 1) },
                        message: "the signed checkpoint\(at) does not verify: \(error)"
                    )
                )
            }
        }
        if let beyond = checkpoints.keys.filter({ $0 > size }).min() {
            return .failure(
                CheckpointProblem(
                    entry: size,
                    message:
                        "a signed checkpoint covers \(beyond) entries, but the log holds \(size): entries were removed"
                )
            )
        }
        return .success(checkpoints)
    }

    /// Entries read per query. PostgreSQL: more, since each chunk is one aggregated row whose
    /// server-side cost is mostly per query (growing and copying the aggregates): 8,000 checked
    /// 100,067 entries in 0.27–0.41 s against 0.32–0.47 s with 2,000 (24 interleaved runs each),
    /// 500 was slower still, and 32,000 no faster but for three times the memory.
    static func verifyChunk(_ dialect: Dialect) -> Int64 { dialect == .postgres ? 8_000 : 2_000 }

    /// Reads and checks the entries [start, end) of a log.
    static func checkChunk(_ log: String, number: Int64, start: Int64, end: Int64, on db: any SQLDatabase)
        async throws -> VerifyChunk
    {
        let before = try await StoredHashes.fetch(
            log: log,
            number: number,
            indexes: Merkle.compactRangeIndexes(forSize: start),
            on: db
        )
        var chunk = VerifyChunk(start: start, end: end, log: log, before: before)
        let entries = try await entries(
            from: EntryKey.of(log: number, index: start),
            to: EntryKey.of(log: number, index: end),
            on: db
        )
        // Through a pointer: a closure that captured the variable itself would have every
        // access checked for exclusivity at run time, row by row.
        try withUnsafeMutablePointer(to: &chunk) { chunk in
            try entries.scan { chunk.pointee.check(index: $0, body: $1, hashes: $2) }
        }
        chunk.finish()
        return chunk
    }

    /// The entries with keys in [from, to) (one log's, see EntryKey), each with its index and
    /// stored hashes, as `verify` reads them: on SQLite, stepped in place when scanned; on
    /// PostgreSQL, fetched at once as one aggregated row.
    private enum Rows {
        case stepped(SQLiteSession, SQLQueryString)
        case fetched(IndexedBlobs)

        /// Hands each row (its index, the entry's bytes, its stored hashes) to `body`, in order,
        /// until it answers false.
        func scan(_ body: (Int64, UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool) throws {
            switch self {
            case .stepped(let session, let query): try session.forEachIndexedBlobPair(query, body)
            case .fetched(let rows): rows.scan(body)
            }
        }
    }

    private static func entries(from: Int64, to: Int64, on db: any SQLDatabase) async throws -> Rows {
        guard let session = db as? SQLiteSession else {
            return .fetched(try await aggregatedEntries(from: from, to: to, on: db))
        }
        return .stepped(
            session,
            """
            SELECT \(EntryKey.indexColumn), body, hashes FROM entries
            WHERE entry_key >= \(bind: from) AND entry_key < \(bind: to) ORDER BY entry_key
            """
        )
    }

    /// PostgreSQL: the entries with keys in [from, to) as one row of aggregates (the
    /// indexes, each column's lengths, each column's values end to end). A few thousand rows
    /// cost PostgresNIO far more one by one than as one row. The aggregates take the rows in the
    /// order the subquery reads them by the primary key, rather than each sorting them again
    /// (`ORDER BY` inside an aggregate: five sorts, more than half of the server's time for a
    /// chunk); should they come in another order, IndexedBlobs sorts them.
    private static func aggregatedEntries(from: Int64, to: Int64, on db: any SQLDatabase) async throws
        -> IndexedBlobs
    {
        let query: SQLQueryString = """
            SELECT array_agg(\(EntryKey.indexColumn)) AS indexes,
            array_agg(octet_length(body)) AS body_lengths,
            string_agg(body, ''::bytea) AS bodies,
            array_agg(octet_length(hashes)) AS hash_lengths,
            string_agg(hashes, ''::bytea) AS hashes
            FROM (
                SELECT entry_key, body, hashes FROM entries
                WHERE entry_key >= \(bind: from) AND entry_key < \(bind: to) ORDER BY entry_key
            ) AS chunk
            """
        guard let row = try await db.raw(query).first(), try !row.decodeNil(column: "indexes") else { return .empty }
        guard
            let rows = IndexedBlobs(
                indexes: try row.decode(column: "indexes", as: [Int64].self),
                firstLengths: try row.decode(column: "body_lengths", as: [Int32].self).map(Int.init),
                first: try row.bytes("bodies"),
                secondLengths: try row.decode(column: "hash_lengths", as: [Int32].self).map(Int.init),
                second: try row.bytes("hashes")
            )
        else { throw StoreError.database("the aggregated entries with keys \(from)..<\(to) do not add up") }
        return rows
    }
}
