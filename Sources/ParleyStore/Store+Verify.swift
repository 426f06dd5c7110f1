// `parley verify` against the database: recompute every log from its entries alone and compare
// with everything stored beside them — the interior hashes, the size, every signed checkpoint —
// naming the first entry that does not match. Memory stays flat: entries are streamed and the
// tree is replayed as a compact range.
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
    /// Checks every log, in one read snapshot so that appends running meanwhile do not disturb
    /// it: each entry's bytes are canonical JSON of an entry naming this log and index, the
    /// stored hashes and every signed checkpoint match the entries. `entryCheck` may add checks
    /// on each entry's bytes and returns a problem message or `nil`.
    public func verify(
        entryCheck: @escaping @Sendable (_ log: String, _ index: Int64, _ bytes: [UInt8]) -> String? = { _, _, _ in nil
        }
    ) async throws -> VerificationReport {
        try await read { db in
            try await Transaction.snapshot(on: db, dialect: database.dialect) { db in
                try await verify(on: db, entryCheck: entryCheck)
            }
        }
    }

    private func verify(
        on db: any SQLDatabase,
        entryCheck: @escaping @Sendable (_ log: String, _ index: Int64, _ bytes: [UInt8]) -> String?
    ) async throws -> VerificationReport {
        var report = VerificationReport()
        let logs = try await db.select().columns("id", "origin", "size").from("logs").orderBy("id").all().map {
            (
                id: try $0.decode(column: "id", as: String.self),
                origin: try $0.decode(column: "origin", as: String.self),
                size: try $0.decode(column: "size", as: Int64.self)
            )
        }
        for log in logs {
            let (checked, bytes, problem) = try await verifyLog(
                log.id,
                origin: log.origin,
                size: log.size,
                on: db,
                entryCheck: entryCheck
            )
            report.logs.append((log.id, log.size, checked))
            report.bytes += bytes
            if let problem { report.problems.append(problem) }
        }
        return report
    }

    private func verifyLog(
        _ log: String,
        origin: String,
        size: Int64,
        on db: any SQLDatabase,
        entryCheck: @escaping @Sendable (String, Int64, [UInt8]) -> String?
    ) async throws -> (checkpoints: Int, bytes: Int64, problem: VerificationProblem?) {
        func problem(_ entry: Int64?, _ message: String) -> VerificationProblem {
            VerificationProblem(log: log, entry: entry, message: message)
        }
        // Checkpoints by size, each verified against the server key before it is trusted.
        var checkpoints: [Int64: Checkpoint] = [:]
        for note in try await db.select().column("note").from("checkpoints").where("log_id", .equal, SQLBind(log))
            .orderBy("size").all().map({ try $0.decode(column: "note", as: String.self) })
        {
            do {
                let opened = try Checkpoint.open(note, logKey: serverKey, origin: origin)
                checkpoints[Int64(opened.checkpoint.size)] = opened.checkpoint
            } catch {
                // Name the last entry the checkpoint claims to cover, when its text still says.
                let size = (try? Checkpoint(text: String(note.split(separator: "\n\n").first ?? "") + "\n").size)
                    .map { Int64($0) }
                let covers = size.map { " at size \($0)" } ?? ""
                return (
                    0, 0,
                    problem(size.map { max(0, $0 - 1) }, "the signed checkpoint\(covers) does not verify: \(error)")
                )
            }
        }
        if let beyond = checkpoints.keys.filter({ $0 > size }).min() {
            return (
                0, 0,
                problem(
                    size,
                    "a signed checkpoint covers \(beyond) entries, but the log holds \(size): entries were removed"
                )
            )
        }

        var range = CompactRange()
        var bytesRead: Int64 = 0
        var hashIndex: Int64 = 0
        // Reading the next chunk overlaps checking this one; within a chunk, the entries are
        // hashed and checked on every core, and the tree is then folded in order.
        var pending: Task<VerifyChunk, any Error>? =
            size > 0 ? Task { try await Self.readChunk(log, start: 0, size: size, on: db) } : nil
        while let reading = pending {
            let chunk = try await reading.value
            pending =
                chunk.end < size ? Task { try await Self.readChunk(log, start: chunk.end, size: size, on: db) } : nil
            let checked = await Self.check(chunk.rows, log: log, entryCheck: entryCheck)
            let hashStart = Merkle.storedHashCount(forSize: chunk.start)
            var expected = chunk.start
            for (row, result) in zip(chunk.rows, checked) {
                let index = row.index
                guard index == expected else {
                    pending?.cancel()
                    return (checkpoints.count, bytesRead, problem(expected, "entry is missing"))
                }
                if let message = result.problem {
                    pending?.cancel()
                    return (checkpoints.count, bytesRead, problem(index, message))
                }
                bytesRead += Int64(row.body.count)
                var mismatch: String?
                range.append(leafHash: result.leaf) { recomputed in
                    let position = Int(hashIndex - hashStart)
                    if mismatch == nil {
                        if position >= chunk.hashes.count || chunk.hashes[position].index != hashIndex {
                            mismatch = "stored hash \(hashIndex) is missing"
                        } else if chunk.hashes[position].hash != recomputed {
                            mismatch =
                                hashIndex == Merkle.storedHashIndex(level: 0, n: index)
                                ? "entry bytes do not match the stored leaf hash (the entry or its hash was altered)"
                                : "stored interior hash \(hashIndex) differs from the hash recomputed from the entries"
                        }
                    }
                    hashIndex += 1
                }
                if let mismatch {
                    pending?.cancel()
                    return (checkpoints.count, bytesRead, problem(index, mismatch))
                }
                if let cp = checkpoints[index + 1], cp.root != range.root {
                    pending?.cancel()
                    return (
                        checkpoints.count, bytesRead,
                        problem(
                            index,
                            "the signed checkpoint at size \(index + 1) has a root that the entries do not produce"
                        )
                    )
                }
                expected += 1
            }
            guard expected == chunk.end else {
                pending?.cancel()
                return (checkpoints.count, bytesRead, problem(expected, "entry is missing"))
            }
        }
        return (checkpoints.count, bytesRead, nil)
    }

    /// Entries read per query.
    static let verifyChunk: Int64 = 2_000

    /// One chunk of a log: its entries in [start, end) and the stored hashes they account for.
    struct VerifyChunk: Sendable {
        let start: Int64
        let end: Int64
        let rows: [(index: Int64, body: [UInt8])]
        let hashes: [(index: Int64, hash: Hash?)]
    }

    static func readChunk(_ log: String, start: Int64, size: Int64, on db: any SQLDatabase) async throws
        -> VerifyChunk
    {
        let end = min(size, start + verifyChunk)
        let rows = try await rawEntries(log, start: start, end: end, on: db)
        let hashes = try await rawHashes(
            log,
            from: Merkle.storedHashCount(forSize: start),
            to: Merkle.storedHashCount(forSize: end),
            on: db
        )
        return VerifyChunk(start: start, end: end, rows: rows, hashes: hashes)
    }

    /// Each entry's leaf hash and the first problem with its bytes, computed in parallel.
    static func check(
        _ rows: [(index: Int64, body: [UInt8])],
        log: String,
        entryCheck: @escaping @Sendable (String, Int64, [UInt8]) -> String?
    ) async -> [(leaf: Hash, problem: String?)] {
        let logText = (try? CanonicalJSON.encode(.string(log))) ?? []
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 256))
        let share = (rows.count + parts - 1) / max(parts, 1)
        return await withTaskGroup(of: (Int, [(leaf: Hash, problem: String?)]).self) { group in
            for part in 0..<parts {
                let slice = Array(rows[min(rows.count, part * share)..<min(rows.count, (part + 1) * share)])
                group.addTask {
                    (
                        part,
                        slice.map { row in
                            (
                                Merkle.leafHash(row.body),
                                entryProblem(logText: logText, index: row.index, bytes: row.body)
                                    ?? entryCheck(log, row.index, row.body)
                            )
                        }
                    )
                }
            }
            var results = [[(leaf: Hash, problem: String?)]](repeating: [], count: parts)
            for await (part, checked) in group { results[part] = checked }
            return results.flatMap { $0 }
        }
    }

    /// The members `entryProblem` reads, in this order.
    private static let entryMembers = CanonicalJSON.MemberNames(["v", "log", "index"])

    /// An entry's bytes must be canonical JSON (RFC 8785) of an entry that names this log and
    /// this index: a copy moved from elsewhere, or re-encoded, is caught even if its hashes were
    /// recomputed to match.
    /// `logText` is the log id as canonical JSON text, the bytes an entry of this log holds.
    static func entryProblem(logText: [UInt8], index: Int64, bytes: [UInt8]) -> String? {
        var found: [Range<Int>?] = []
        let canonical = bytes.withUnsafeBytes {
            CanonicalJSON.isCanonical($0, locating: entryMembers, found: &found)
        }
        guard canonical else {
            do {
                _ = try JSONValue.parse(bytes)
            } catch {
                return "entry bytes are not JSON: \(error)"
            }
            return "entry bytes are not canonical JSON (RFC 8785)"
        }
        // What the entry names, read from its canonical bytes without decoding all of it.
        guard let version = found[0], integer(bytes[version]) == Int64(Entry.version),
            let named = found[1], let at = found[2]
        else { return "entry is not a Parley entry (version \(Entry.version) with a log and an index)" }
        guard bytes[named] == logText[...], integer(bytes[at]) == index else {
            let text = { (range: Range<Int>) in String(decoding: bytes[range], as: UTF8.self) }
            return "entry names \(text(named)) index \(text(at)), not this log and index"
        }
        return nil
    }

    /// The value of a canonical number written with digits only (at most 18), or nil.
    private static func integer(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value: Int64 = 0
        for digit in digits {
            guard digit &- UInt8(ascii: "0") < 10 else { return nil }
            value = value * 10 + Int64(digit &- UInt8(ascii: "0"))
        }
        return value
    }

    private static func rawEntries(_ log: String, start: Int64, end: Int64, on db: any SQLDatabase) async throws
        -> [(index: Int64, body: [UInt8])]
    {
        let query: SQLQueryString =
            "SELECT idx, body FROM entries WHERE log_id = \(bind: log) AND idx >= \(bind: start) AND idx < \(bind: end) ORDER BY idx"
        if let session = db as? SQLiteSession { return try session.integerBlobRows(query).map { ($0.0, $0.1) } }
        return try await aggregatedRows(table: "entries", column: "body", log: log, from: start, to: end, on: db)
            .map { ($0.index, $0.bytes) }
    }

    private static func rawHashes(_ log: String, from: Int64, to: Int64, on db: any SQLDatabase) async throws
        -> [(index: Int64, hash: Hash?)]
    {
        let query: SQLQueryString =
            "SELECT idx, hash FROM log_hashes WHERE log_id = \(bind: log) AND idx >= \(bind: from) AND idx < \(bind: to) ORDER BY idx"
        if let session = db as? SQLiteSession {
            return try session.integerBlobRows(query).map { ($0.0, Hash(bytes: $0.1)) }
        }
        return try await aggregatedRows(table: "log_hashes", column: "hash", log: log, from: from, to: to, on: db)
            .map { ($0.index, Hash(bytes: $0.bytes)) }
    }

    /// PostgreSQL: the rows of a log's `table` with `idx` in [from, to), ordered, as one row of
    /// three aggregates (the indexes, each value's length, the values end to end). A few thousand
    /// rows cost PostgresNIO far more one by one than as one row.
    private static func aggregatedRows(
        table: String,
        column: String,
        log: String,
        from: Int64,
        to: Int64,
        on db: any SQLDatabase
    ) async throws -> [(index: Int64, bytes: [UInt8])] {
        let query: SQLQueryString = """
            SELECT array_agg(idx ORDER BY idx) AS indexes,
            array_agg(octet_length(\(ident: column)) ORDER BY idx) AS lengths,
            string_agg(\(ident: column), ''::bytea ORDER BY idx) AS joined
            FROM \(ident: table) WHERE log_id = \(bind: log) AND idx >= \(bind: from) AND idx < \(bind: to)
            """
        guard let row = try await db.raw(query).first(), try !row.decodeNil(column: "indexes") else { return [] }
        let indexes = try row.decode(column: "indexes", as: [Int64].self)
        let lengths = try row.decode(column: "lengths", as: [Int32].self)
        let joined = try row.bytes("joined")
        guard indexes.count == lengths.count, lengths.reduce(0, { $0 + Int($1) }) == joined.count else {
            throw StoreError.database("the aggregated rows of \(table) for \(log) do not add up")
        }
        var rows: [(index: Int64, bytes: [UInt8])] = []
        rows.reserveCapacity(indexes.count)
        var offset = 0
        for (index, length) in zip(indexes, lengths) {
            rows.append((index, Array(joined[offset..<offset + Int(length)])))
            offset += Int(length)
        }
        return rows
    }
}
