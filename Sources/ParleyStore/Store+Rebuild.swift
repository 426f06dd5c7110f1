// `parley rebuild` (DESIGN.md "The record is the source of truth"): the projection tables are
// emptied and every log replayed from its stored bytes — shared logs first, then private ones,
// as MemoryState does — in one transaction, so readers see the old projection until the new one
// is complete. The digest lets a test (or an operator) compare a rebuilt projection with the live
// one exactly.
import Crypto
public import ParleyCore
import ParleyRecord
import SQLKit

extension Store {
    /// Replays every log into empty projection tables; returns the number of entries replayed.
    @discardableResult
    public func rebuild() async throws -> Int64 {
        try await write { writer in try await writer.rebuild() }
    }

    /// SHA-256 over every projection row and counter in a fixed order, as hex: equal digests mean
    /// equal projections.
    public func projectionDigest() async throws -> String {
        let (rows, counters) = try await projectionContents()
        var sha = SHA256()
        func field(_ text: String?) {
            guard let text else {
                sha.update(data: [0xFF, 0xFF, 0xFF, 0xFF])
                return
            }
            let bytes = Array(text.utf8)
            let n = UInt32(bytes.count)
            sha.update(data: [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
            sha.update(data: bytes)
        }
        for row in rows {
            for value in [
                row.kind, row.id, row.mechanismID, row.ownerParty, row.reference, row.about, row.status, row.title,
                row.searchText, row.updatedAt, row.body,
            ] { field(value) }
        }
        field("counters")
        for c in counters {
            field(c.log)
            field(c.kind)
            field(String(c.last))
        }
        return HexCoding.encode(sha.finalize())
    }

    /// Every projection row, in (kind, id) order: for tools and tests.
    public func projectionRows() async throws -> [ProjectionRow] {
        try await projectionContents().rows.map { try $0.projectionRow() }
    }

    /// Every reference counter: the highest number of `kind` issued in `log`'s sequence.
    public func referenceCounters() async throws -> [LogID: [ReferenceKind: Int]] {
        var result: [LogID: [ReferenceKind: Int]] = [:]
        for c in try await projectionContents().counters {
            guard let log = LogID(c.log), let kind = ReferenceKind(rawValue: c.kind) else { continue }
            result[log, default: [:]][kind] = Int(c.last)
        }
        return result
    }

    private func projectionContents() async throws -> (
        rows: [StoredRow], counters: [(log: String, kind: String, last: Int64)]
    ) {
        try await read { db in
            try await Transaction.snapshot(on: db, dialect: database.dialect) { db in
                let rows = try await db.raw("SELECT \(unsafeRaw: StateLoader.columnList) FROM items").all()
                    .map { try StoredRow(sql: $0) }
                    .sorted {
                        ($0.kind.utf8.lexicographicallyPrecedes($1.kind.utf8))
                            || ($0.kind == $1.kind && $0.id.utf8.lexicographicallyPrecedes($1.id.utf8))
                    }
                var counters: [(log: String, kind: String, last: Int64)] = []
                for row in try await db.raw("SELECT id, counters FROM logs WHERE counters IS NOT NULL").all() {
                    let log = try row.decode(column: "id", as: String.self)
                    let text = try row.decode(column: "counters", as: String?.self)
                    let values = try ReferenceCounters.parse(text, log: log)
                    counters += values.map { (log, $0.key.rawValue, Int64($0.value)) }
                }
                counters.sort { ($0.log, $0.kind) < ($1.log, $1.kind) }
                return (rows, counters)
            }
        }
    }
}

extension LogWriter {
    func rebuild() async throws -> Int64 {
        try await db.raw("DELETE FROM items").run()
        try await db.raw("UPDATE logs SET counters = NULL").run()
        let logs = try await db.raw("SELECT id, size FROM logs ORDER BY id").all().map {
            (id: try $0.decode(column: "id", as: String.self), size: try $0.decode(column: "size", as: Int64.self))
        }
        var parsed: [(log: LogID, size: Int64)] = []
        for log in logs {
            guard let id = LogID(log.id) else { throw StoreError.rebuild("the log id \(log.id) cannot be read") }
            parsed.append((id, log.size))
        }
        // Private entries read nothing of the shared projection that a shared entry changes later
        // (see Projection), so shared logs first, then private ones, rebuilds the same rows.
        parsed.sort { ($0.log.isPrivate ? 1 : 0, $0.log.description) < ($1.log.isPrivate ? 1 : 0, $1.log.description) }

        // Starting from empty tables, the cache holds the whole projection: nothing is read back.
        let cache = StateCache(complete: true)
        var replayed: Int64 = 0
        for (log, size) in parsed {
            var start: Int64 = 0
            while start < size {
                let end = min(size, start + 1000)
                let rows = try await db.raw(
                    """
                    SELECT entry_key, body FROM entries
                    WHERE \(EntryKey.range(of: log.description, from: start, to: end)) ORDER BY entry_key
                    """
                ).all()
                var expected = start
                for row in rows {
                    let index = EntryKey.index(of: try row.decode(column: "entry_key", as: Int64.self))
                    guard index == expected else { throw StoreError.rebuild("\(log) entry \(expected) is missing") }
                    let entry: Entry
                    do {
                        entry = try CanonicalJSON.decode(Entry.self, from: try row.bytes("body"))
                    } catch {
                        throw StoreError.rebuild("\(log) entry \(index) cannot be read: \(error)")
                    }
                    guard entry.log == log, entry.index == UInt64(index), entry.kind.isPrivate == log.isPrivate else {
                        throw StoreError.rebuild(
                            "\(log) entry \(index) names \(entry.log) entry \(entry.index) (\(entry.kind.rawValue))"
                        )
                    }
                    do {
                        for change in try Projection.changes(for: entry, reading: cache) { cache.apply(change) }
                    } catch {
                        throw StoreError.rebuild("\(error)")
                    }
                    expected += 1
                    replayed += 1
                }
                guard expected == end else { throw StoreError.rebuild("\(log) entry \(expected) is missing") }
                start = end
            }
        }
        try await ProjectionWriter.write(cache, on: db)
        return replayed
    }
}
