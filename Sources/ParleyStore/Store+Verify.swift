// `parley verify` against the database: recompute every log from its entries alone and compare
// with everything stored beside them — the interior hashes, the size, every signed checkpoint —
// naming the first entry that does not match. Memory stays flat: entries are streamed and the
// tree is replayed as a compact range.
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
        entryCheck: @Sendable (_ log: String, _ index: Int64, _ bytes: [UInt8]) -> String? = { _, _, _ in nil }
    ) async throws -> VerificationReport {
        try await read { db in
            try await Transaction.snapshot(on: db, dialect: database.dialect) { db in
                try await verify(on: db, entryCheck: entryCheck)
            }
        }
    }

    private func verify(
        on db: any SQLDatabase,
        entryCheck: (_ log: String, _ index: Int64, _ bytes: [UInt8]) -> String?
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
        entryCheck: (String, Int64, [UInt8]) -> String?
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
        var start: Int64 = 0
        let chunk: Int64 = 1000
        while start < size {
            let end = min(size, start + chunk)
            let rows = try await rawEntries(log, start: start, end: end, on: db)
            let hashStart = Merkle.storedHashCount(forSize: start)
            let stored = try await rawHashes(log, from: hashStart, to: Merkle.storedHashCount(forSize: end), on: db)
            var expected = start
            for (index, body) in rows {
                guard index == expected else {
                    return (checkpoints.count, bytesRead, problem(expected, "entry is missing"))
                }
                if let message = Self.entryProblem(log: log, index: index, bytes: body) ?? entryCheck(log, index, body)
                {
                    return (checkpoints.count, bytesRead, problem(index, message))
                }
                bytesRead += Int64(body.count)
                var mismatch: String?
                range.append(leafHash: Merkle.leafHash(body)) { recomputed in
                    let position = Int(hashIndex - hashStart)
                    if mismatch == nil {
                        if position >= stored.count || stored[position].index != hashIndex {
                            mismatch = "stored hash \(hashIndex) is missing"
                        } else if stored[position].hash != recomputed {
                            mismatch =
                                hashIndex == Merkle.storedHashIndex(level: 0, n: index)
                                ? "entry bytes do not match the stored leaf hash (the entry or its hash was altered)"
                                : "stored interior hash \(hashIndex) differs from the hash recomputed from the entries"
                        }
                    }
                    hashIndex += 1
                }
                if let mismatch { return (checkpoints.count, bytesRead, problem(index, mismatch)) }
                if let cp = checkpoints[index + 1], cp.root != range.root {
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
            guard expected == end else { return (checkpoints.count, bytesRead, problem(expected, "entry is missing")) }
            start = end
        }
        return (checkpoints.count, bytesRead, nil)
    }

    /// An entry's bytes must be canonical JSON (RFC 8785) of an entry that names this log and
    /// this index: a copy moved from elsewhere, or re-encoded, is caught even if its hashes were
    /// recomputed to match.
    static func entryProblem(log: String, index: Int64, bytes: [UInt8]) -> String? {
        let canonical: [UInt8]
        do {
            canonical = try CanonicalJSON.canonicalize(bytes)
        } catch {
            return "entry bytes are not JSON: \(error)"
        }
        guard canonical == bytes else { return "entry bytes are not canonical JSON (RFC 8785)" }
        let entry: Entry
        do {
            entry = try CanonicalJSON.decode(Entry.self, from: bytes)
        } catch {
            return "entry is not a Parley entry: \(error)"
        }
        guard entry.log.description == log, entry.index == UInt64(index) else {
            return "entry names \(entry.log) index \(entry.index), not this log and index"
        }
        return nil
    }

    private func rawEntries(_ log: String, start: Int64, end: Int64, on db: any SQLDatabase) async throws -> [(
        Int64, [UInt8]
    )] {
        try await db.select().columns("idx", "body").from("entries")
            .where("log_id", .equal, SQLBind(log))
            .where("idx", .greaterThanOrEqual, SQLBind(start)).where("idx", .lessThan, SQLBind(end))
            .orderBy("idx").all()
            .map { (try $0.decode(column: "idx", as: Int64.self), try $0.bytes("body")) }
    }

    private func rawHashes(_ log: String, from: Int64, to: Int64, on db: any SQLDatabase) async throws -> [(
        index: Int64, hash: Hash?
    )] {
        try await db.select().columns("idx", "hash").from("log_hashes")
            .where("log_id", .equal, SQLBind(log))
            .where("idx", .greaterThanOrEqual, SQLBind(from)).where("idx", .lessThan, SQLBind(to))
            .orderBy("idx").all()
            .map { (try $0.decode(column: "idx", as: Int64.self), Hash(bytes: try $0.bytes("hash"))) }
    }
}
