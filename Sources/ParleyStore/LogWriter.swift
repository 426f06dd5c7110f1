// Appending to a log inside a write transaction: take the next index, and keep the
// entry for the batch, which writes its canonical bytes and the interior hashes it completes;
// when the batch ends, sign a checkpoint of the new size. Everything here runs in the caller's
// transaction, beside the projection writes.
import Foundation
import ParleyCore
import ParleyRecord
import SQLKit

struct LogAddress: Sendable, Hashable {
    /// `mechanism/<id>` for a shared log, `mechanism/<id>/party/<id>` for a party's private log.
    let id: String
    let mechanismID: String
    let partyID: String?

    static func shared(mechanism: String) -> LogAddress {
        LogAddress(id: "mechanism/\(mechanism)", mechanismID: mechanism, partyID: nil)
    }

    static func privateLog(mechanism: String, party: String) -> LogAddress {
        LogAddress(id: "mechanism/\(mechanism)/party/\(party)", mechanismID: mechanism, partyID: party)
    }

    init(id: String, mechanismID: String, partyID: String?) {
        self.id = id
        self.mechanismID = mechanismID
        self.partyID = partyID
    }

    init(_ log: LogID) {
        self.init(id: log.description, mechanismID: log.mechanism.rawValue, partyID: log.owner?.rawValue)
    }
}

struct LogWriter {
    let db: any SQLDatabase
    let dialect: Dialect
    let signer: NoteSigner
    let batch: WriteBatch

    /// The C2SP origin line of a log's checkpoints: the server key's name and the log id.
    static func origin(of log: String, keyName: String) -> String { "\(keyName)/\(log)" }

    /// Appends the entry `make` builds for the assigned index, the log's size with what the batch
    /// keeps. The batch writes the entry and the hashes it completes when it is flushed, and signs
    /// the log's checkpoint when it ends.
    func append(to log: LogAddress, _ make: (Int64) -> Entry) async throws -> Entry {
        let index: Int64
        if let kept = batch.keptSize(of: log.id) { index = kept } else { index = try await tail(log).size }
        guard index < EntryKey.indexLimit else {
            throw StoreError.database("\(log.id) holds as many entries as entry keys can number")
        }
        let entry = make(index)
        try batch.keep(entry, log: log.id, index: index)
        batch.touch(log)
        return entry
    }

    /// Signs and stores a checkpoint of the log's current size; returns the signed note.
    @discardableResult
    func checkpoint(_ log: LogAddress) async throws -> String {
        let range = try await tail(log)
        let checkpoint = try Checkpoint(
            origin: Self.origin(of: log.id, keyName: signer.name),
            size: UInt64(range.size),
            root: range.root
        )
        let note = checkpoint.sign(with: signer)
        // The latest goes in the log's row; the history keeps the first of every spacing.
        let spacing = Self.checkpointSpacing
        let history: SQLQueryString = """
            INSERT INTO checkpoints (log_id, size, note)
            SELECT \(bind: log.id), \(bind: range.size), \(bind: note) WHERE NOT EXISTS (
                SELECT 1 FROM checkpoints WHERE log_id = \(bind: log.id) AND size >= \(bind: range.size / spacing * spacing)
            )
            """
        // The history needs a look only when this checkpoint may be the first of its spacing: the
        // queue's last one for the log (known while the batch state is kept) was in an earlier
        // spacing, or is not known.
        let previous = batch.checkpointedSizes[log.id]
        let mayStartSpacing = previous.map { $0 / spacing != range.size / spacing } ?? true
        // With the size it signs, which the batch's last flush left to it. PostgreSQL: with the
        // batch's writes, in one statement.
        if let combined = batch.combinedWrite(for: db) {
            combined.setSize(of: log.id, to: range.size)
            combined.setCheckpoint(of: log.id, to: note)
            if mayStartSpacing { combined.add(history, binds: 5) }
        } else {
            try await db.raw(
                "UPDATE logs SET size = \(bind: range.size), checkpoint = \(bind: note) WHERE id = \(bind: log.id)"
            ).run()
            if mayStartSpacing { try await db.raw(history).run() }
        }
        batch.checkpointedSizes[log.id] = range.size
        return note
    }

    /// Checkpoints kept in the store: the latest of each log (in its row of `logs`), and the first
    /// at or after every `checkpointSpacing` entries (in `checkpoints`), a history that `verify`
    /// checks in a few thousand signatures per million entries rather than one per commit. Every checkpoint was served when it was
    /// the latest; parties keep (and cosign) the ones they saw, which is what detects a rewrite.
    static let checkpointSpacing: Int64 = 1_024

    /// The log's size and perfect subtree roots as stored (without what the batch keeps unwritten):
    /// kept by the batch, or read once (creating the log if it is new), with the log's number.
    private func tail(_ log: LogAddress) async throws -> CompactRange {
        if let kept = batch.tails[log.id] { return kept }
        let (size, number) = try await storedSize(log)
        let indexes = Merkle.compactRangeIndexes(forSize: size)
        let stored = try await StoredHashes.fetch(log: log.id, number: number, indexes: indexes, on: db)
        let roots = try indexes.map { i in
            guard let hash = stored[i] else {
                throw StoreError.database("stored hash \(i) of \(log.id) is missing; run `parley verify`")
            }
            return hash
        }
        guard let range = CompactRange(size: size, hashes: roots) else {
            throw StoreError.database("the stored hashes of \(log.id) do not fit its size \(size)")
        }
        batch.tails[log.id] = range
        batch.logNumbers[log.id] = number
        return range
    }

    /// The log's stored size and number, creating the log if new (numbered after the last).
    /// Appends to a log need no lock of their own: SQLite has one writer, and PostgreSQL's write
    /// transactions take turns on the `write_version` row or check it before they write (see
    /// WriteQueue).
    private func storedSize(_ log: LogAddress) async throws -> (size: Int64, number: Int64) {
        if let row = try await db.raw("SELECT size, num FROM logs WHERE id = \(bind: log.id)").first() {
            return (try row.decode(column: "size", as: Int64.self), try EntryKey.number(in: row, of: log.id))
        }
        guard let last = try await db.raw("SELECT MAX(num) AS last FROM logs").first() else {
            throw StoreError.database("the logs cannot be counted")
        }
        let number = (try last.decode(column: "last", as: Int64?.self) ?? 0) + 1
        guard number < 1 << (63 - EntryKey.indexBits) else {
            throw StoreError.database("the store holds as many logs as entry keys can number")
        }
        try await db.insert(into: "logs").columns("id", "origin", "mechanism_id", "party_id", "size", "num")
            .values(
                SQLBind(log.id),
                SQLBind(Self.origin(of: log.id, keyName: signer.name)),
                SQLBind(log.mechanismID),
                SQLBind(log.partyID),
                SQLBind(Int64(0)),
                SQLBind(number)
            ).run()
        return (0, number)
    }
}
