// The store conformance suite, part 2: the projection rebuilt from the logs alone, verification
// that names the damaged entry, online backups, and the refusal of an older schema.

import Foundation
import ParleyCore
import ParleyRecord
import SQLKit
import Testing

@testable import ParleyStore

/// A small record with shared and private entries in every log.
func populate(_ store: Store) async throws -> StoreWorld {
    var w = try await StoreWorld(store)
    let irritant = try await w.raise(as: w.usNegotiator)
    try await w.run(.acknowledgeIrritant(.init(mechanism: w.mechanism, irritant: irritant)), as: w.ruNegotiator)
    let meeting = try await w.scheduleRiyadh()
    try await w.run(
        .recordMinutes(.init(mechanism: w.mechanism, meeting: meeting, body: "Minutes (sample)")),
        as: w.usNegotiator
    )
    try await w.run(
        .writeNote(.init(mechanism: w.mechanism, attachedTo: Reference("IRR-1"), body: "Note (sample)")),
        as: w.ruNegotiator
    )
    try await w.run(
        .publishReadout(.init(mechanism: w.mechanism, event: Reference("MTG-1")!, body: "Readout")),
        as: w.usNegotiator
    )
    return w
}

/// The condition on `entries` that picks entry `index` of `log` (see EntryKey).
func entry(_ index: Int64, of log: String) -> SQLQueryString {
    "entry_key = (SELECT num FROM logs WHERE id = \(bind: log)) * \(literal: Int(EntryKey.indexLimit)) + \(bind: index)"
}

/// One letter of a value of the entry changes: still canonical JSON, but not the entry hashed.
func changeOneLetter(ofEntry index: Int64, of log: String, on db: any SQLDatabase) async throws {
    let row = try await db.raw("SELECT body FROM entries WHERE \(entry(index, of: log))").first()
    var bytes = try #require(row).bytes("body")
    let position = try #require(bytes.lastIndex(of: UInt8(ascii: "a")))
    bytes[position] = UInt8(ascii: "b")
    try await db.raw(
        "UPDATE entries SET body = \(Blob.bind(bytes)) WHERE \(entry(index, of: log))"
    ).run()
}

/// One character of the signature of the log's latest checkpoint (kept in the log's row)
/// changes; answers the note as it was.
func forgeLatestCheckpoint(of log: String, on db: any SQLDatabase) async throws -> String {
    let row = try await db.raw("SELECT checkpoint FROM logs WHERE id = \(bind: log)").first()
    let original = try #require(row).decode(column: "checkpoint", as: String.self)
    var note = Array(original.utf8)
    let position = note.count - 12  // inside the base64 of the signature line
    note[position] = note[position] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    try await db.raw(
        "UPDATE logs SET checkpoint = \(bind: String(decoding: note, as: UTF8.self)) WHERE id = \(bind: log)"
    ).run()
    return original
}

enum Tamper: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case entryByte, storedHash, checkpointSignature, lastEntryDeleted
    var testDescription: String { rawValue }
}

@Suite struct StoreIntegrityTests {
    @Test(arguments: Backend.available)
    func rebuildReproducesTheLiveProjection(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await populate(store)
            let live = try await store.projectionDigest()
            let rows = try await store.projectionRows()
            let replayed = try await store.rebuild()
            #expect(replayed == Int64(w.memory.logs.values.reduce(0) { $0 + $1.count }))
            #expect(try await store.projectionDigest() == live)
            #expect(try await store.projectionRows() == rows)
            // Search follows the rebuilt rows.
            #expect(try await store.search("staffing", scope: try await w.scope(w.ruLead)).count == 1)
        }
    }

    @Test(arguments: Backend.available, Tamper.allCases)
    func verifyNamesTheDamagedEntry(_ backend: Backend, _ tamper: Tamper) async throws {
        try await withStore(backend) { store, _ in
            let w = try await populate(store)
            #expect(try await store.verify().isClean)
            let log = LogID.shared(w.mechanism).description
            let size = try #require(try await store.logSize(log))
            let expected: Int64
            switch tamper {
            case .entryByte:
                // One letter of a value changes: still canonical JSON, but not the entry hashed.
                expected = 3
                try await store.write { try await changeOneLetter(ofEntry: 3, of: log, on: $0.db) }
            case .storedHash:
                // The node over leaves 2 and 3 is stored when entry 3 completes it.
                expected = 3
                let owner = Merkle.storedHashOwner(Merkle.storedHashIndex(level: 1, n: 1))
                #expect(owner.leaf == 3 && owner.offset == 1)
                try await store.write { writer in
                    let row = try await writer.db.raw(
                        "SELECT hashes FROM entries WHERE \(entry(3, of: log))"
                    ).first()
                    var hashes = try #require(row).bytes("hashes")
                    hashes.replaceSubrange(32..<64, with: [UInt8](repeating: 7, count: 32))
                    try await writer.db.raw(
                        "UPDATE entries SET hashes = \(Blob.bind(hashes)) WHERE \(entry(3, of: log))"
                    ).run()
                }
            case .checkpointSignature:
                // The latest checkpoint, which the store keeps in the log's row, covers the last entry.
                expected = size - 1
                _ = try await store.write { try await forgeLatestCheckpoint(of: log, on: $0.db) }
            case .lastEntryDeleted:
                expected = size - 1
                try await store.write { writer in
                    try await writer.db.raw(
                        "DELETE FROM entries WHERE \(entry(size - 1, of: log))"
                    ).run()
                }
            }
            let report = try await store.verify()
            let problem = try #require(report.problems.first, "verify found no damage after \(tamper)")
            #expect(report.problems.count == 1, "\(report.problems)")
            #expect(problem.log == log)
            #expect(problem.entry == expected, "\(problem)")
        }
    }

    /// verify checks the checkpoints' signatures beside the log's chunks, not before them. In a
    /// log of several chunks, with an entry and the latest checkpoint both damaged, it names the
    /// checkpoint (the replay waits for the signatures); with the checkpoint put back, the entry.
    @Test(arguments: Backend.available)
    func aForgedCheckpointAndThenADamagedEntryOfALongLogAreNamed(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let (mechanism, negotiator) = (w.mechanism, w.usNegotiator)
            let log = LogID.shared(mechanism).description
            let chunk = Store.verifyChunk(store.database.dialect)
            let wanted = 2 * chunk + 100
            // Concurrent raisers, so that group commit makes this quick on either database.
            while let size = try await store.logSize(log), size < wanted {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for i in 0..<Int(min(256, wanted - size)) {
                        group.addTask {
                            _ = try await store.execute(
                                .raiseIrritant(
                                    .init(mechanism: mechanism, title: "Irritant \(size)-\(i)", description: "Visas")
                                ),
                                by: negotiator
                            )
                        }
                    }
                    try await group.waitForAll()
                }
            }
            #expect(try await store.verify().isClean)
            let size = try #require(try await store.logSize(log))
            let damaged = chunk + 7
            // An entry in the second chunk changes, and the latest checkpoint's signature.
            let original: String = try await store.write { writer in
                try await changeOneLetter(ofEntry: damaged, of: log, on: writer.db)
                return try await forgeLatestCheckpoint(of: log, on: writer.db)
            }
            let report = try await store.verify()
            #expect(report.problems.count == 1, "\(report.problems)")
            let problem = try #require(report.problems.first)
            #expect(problem.log == log)
            #expect(problem.entry == size - 1, "\(problem)")
            #expect(problem.message.contains("does not verify"), "\(problem)")
            // With the checkpoint as it was, the damaged entry is what verify names.
            try await store.write { writer in
                try await writer.db.raw("UPDATE logs SET checkpoint = \(bind: original) WHERE id = \(bind: log)").run()
            }
            let second = try await store.verify()
            #expect(second.problems.count == 1, "\(second.problems)")
            #expect(second.problems.first?.entry == damaged, "\(second.problems)")
        }
    }

    @Test(arguments: Backend.available)
    func verifyNamesAnEntryThatIsNotCanonical(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await populate(store)
            let log = LogID.private(w.mechanism, w.us).description
            // A space after the first brace: the same JSON value, not its canonical bytes.
            try await store.write { writer in
                let row = try await writer.db.raw("SELECT body FROM entries WHERE \(entry(1, of: log))")
                    .first()
                let bytes = try #require(row).bytes("body")
                try await writer.db.raw(
                    "UPDATE entries SET body = \(Blob.bind([bytes[0], 0x20] + bytes.dropFirst())) WHERE \(entry(1, of: log))"
                ).run()
            }
            let problem = try #require(try await store.verify().problems.first)
            #expect(problem.log == log)
            #expect(problem.entry == 1)
            #expect(problem.message.contains("canonical"))
        }
    }

    @Test(arguments: Backend.available)
    func verifyNamesAnEntryCopiedFromAnotherPlace(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await populate(store)
            let log = LogID.private(w.mechanism, w.us).description
            // Entry 0's bytes put at index 1: canonical JSON, but it names index 0.
            try await store.write { writer in
                let row = try await writer.db.raw("SELECT body FROM entries WHERE \(entry(0, of: log))")
                    .first()
                let bytes = try #require(row).bytes("body")
                try await writer.db.raw(
                    "UPDATE entries SET body = \(Blob.bind(bytes)) WHERE \(entry(1, of: log))"
                ).run()
            }
            let problem = try #require(try await store.verify().problems.first)
            #expect(problem.entry == 1)
            #expect(problem.message.contains("index 0, not this log and index"), "\(problem)")
        }
    }

    @Test(arguments: Backend.available)
    func verifyNamesAnEntryOfAnotherLogAndAnotherVersion(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await populate(store)
            let privateLog = LogID.private(w.mechanism, w.us).description
            let sharedLog = LogID.shared(w.mechanism).description
            // The shared log's entry 1 put at the private log's index 1: right index, wrong log.
            try await store.write { writer in
                let row = try await writer.db.raw(
                    "SELECT body FROM entries WHERE \(entry(1, of: sharedLog))"
                ).first()
                let bytes = try #require(row).bytes("body")
                try await writer.db.raw(
                    "UPDATE entries SET body = \(Blob.bind(bytes)) WHERE \(entry(1, of: privateLog))"
                ).run()
            }
            let problem = try #require(try await store.verify().problems.first)
            #expect(problem.log == privateLog && problem.entry == 1)
            #expect(problem.message.contains("\"\(sharedLog)\" index 1, not this log and index"), "\(problem)")

            // The shared log's entry 0 claiming format version 2 (still canonical JSON).
            try await store.write { writer in
                let row = try await writer.db.raw(
                    "SELECT body FROM entries WHERE \(entry(0, of: sharedLog))"
                ).first()
                let text = String(decoding: try #require(row).bytes("body"), as: UTF8.self)
                #expect(text.hasSuffix(",\"v\":1}"))
                let changed = Array(text.replacingOccurrences(of: ",\"v\":1}", with: ",\"v\":2}").utf8)
                try await writer.db.raw(
                    "UPDATE entries SET body = \(Blob.bind(changed)) WHERE \(entry(0, of: sharedLog))"
                ).run()
            }
            let problems = try await store.verify().problems
            let versioned = try #require(problems.first { $0.log == sharedLog })
            #expect(versioned.entry == 0)
            #expect(versioned.message.contains("not a Parley entry"), "\(versioned)")
        }
    }

    @Test(arguments: Backend.available)
    func backupIsAConsistentStoreOfItsOwn(_ backend: Backend) async throws {
        try await withStore(backend) { store, database in
            var w = try await populate(store)
            try await store.setCredential("$2b$12$hash", for: try #require(w.usLead.account))
            let path = try database.scratchPath("backup.sqlite")
            defer { try? FileManager.default.removeItem(atPath: path) }

            // Writes keep going while the backup runs; the copy is one snapshot either way.
            async let copied = store.backup(to: path)
            for i in 0..<5 { try await w.raise("Concurrent \(i)", as: w.ruNegotiator) }
            #expect(try await copied > 0)
            await #expect(throws: StoreError.self) { try await store.backup(to: path) }

            let copy = try await Store.open(
                .sqlite(path: path),
                signer: database.signer,
                readers: 1,
                logger: quietLogger
            )
            let report = try await copy.verify()
            #expect(report.isClean, "\(report.problems)")
            let digest = try await copy.projectionDigest()
            try await copy.rebuild()
            #expect(try await copy.projectionDigest() == digest)
            #expect(try await copy.credential(for: try #require(w.usLead.account))?.passwordHash == "$2b$12$hash")
            let shared = LogID.shared(w.mechanism).description
            let size = try #require(try await copy.logSize(shared))
            #expect(
                try await copy.entries(shared, start: 0, end: size)
                    == (try await store.entries(shared, start: 0, end: size))
            )
            await copy.close()
        }
    }

    @Test(arguments: Backend.available)
    func olderSchemaIsRefusedUntilMigrated(_ backend: Backend) async throws {
        let database = try await TestDatabase.make(backend)
        do {
            // A database made by an older Parley: only the first migration.
            let raw = try await Database.open(database.location, readers: 1, logger: quietLogger)
            _ = try await raw.writers.with { db in
                try await Migrations.run(
                    on: db,
                    dialect: raw.dialect,
                    mode: .refusePending,
                    list: Array(Migrations.all.prefix(1))
                )
            }
            await raw.close()

            let pending = Migrations.all.dropFirst().map(\.name)
            await #expect(throws: StoreError.needsMigration(pending: pending)) { try await database.open() }
            let migrated = try await database.open(migrate: true)
            var w = try await StoreWorld(migrated)
            try await w.raise(as: w.usNegotiator)
            await migrated.close()
            // Up to date now: opens without asking.
            let again = try await database.open()
            #expect(try await again.verify().isClean)
            await again.close()
        } catch {
            await database.destroy()
            throw error
        }
        await database.destroy()
    }

    @Test(arguments: Backend.available)
    func clusteringTheLogTablesKeepsEveryRow(_ backend: Backend) async throws {
        // A database of the five migrations before the log tables were clustered, with rows.
        try await withOlderSchema(backend, migrations: 5) { db, dialect in
            try await db.raw(
                "INSERT INTO logs (id, origin, mechanism_id, party_id, size) VALUES ('l', 'o/l', 'm', NULL, 2)"
            ).run()
            for i in 0..<2 {
                try await db.raw(
                    "INSERT INTO entries (log_id, idx, body) VALUES ('l', \(bind: i), \(Blob.bind([UInt8(i), 7])))"
                ).run()
                try await db.raw(
                    "INSERT INTO log_hashes (log_id, idx, hash) VALUES ('l', \(bind: i), \(Blob.bind([UInt8(i)])))"
                ).run()
                try await db.raw(
                    "INSERT INTO checkpoints (log_id, size, note) VALUES ('l', \(bind: i + 1), \(bind: "note \(i)"))"
                ).run()
            }
            let rows = try await Self.logRows(db)
            // Up to the clustering itself (0009 then moves the hashes into the entries' rows).
            try await Migrations.run(
                on: db,
                dialect: dialect,
                mode: .apply,
                list: Array(Migrations.all.prefix(6))
            )
            let tables =
                dialect == .sqlite
                ? try await db.raw(
                    "SELECT sql FROM sqlite_master WHERE name IN ('entries', 'log_hashes', 'checkpoints')"
                ).all().map { try $0.decode(column: "sql", as: String.self) } : []
            return (rows, try await Self.logRows(db), tables)
        } then: { seeded, _ in
            let (rows, migratedRows, tables) = seeded
            #expect(migratedRows == rows)
            if backend == .sqlite {
                #expect(tables.count == 3 && tables.allSatisfy { $0.contains("WITHOUT ROWID") }, "\(tables)")
            }
        }
    }

    @Test(arguments: Backend.available)
    func entriesAreKeyedByTheirLogsNumberAndIndexAsTheyWere(_ backend: Backend) async throws {
        // Two logs of the fourteen migrations before, keyed by (log id, index), made in the
        // order b then a: numbers follow the ids, so a is 1 and b is 2.
        func body(_ log: String, _ i: Int) -> [UInt8] { Array(#"{"index":\#(i),"log":"\#(log)","v":1}"#.utf8) }
        var trees: [String: MemoryTree] = [:]
        try await withOlderSchema(backend, migrations: 14) { db, dialect in
            for (log, size) in [("b", 3), ("a", 40)] {
                try await db.raw(
                    "INSERT INTO logs (id, origin, mechanism_id, party_id, size) VALUES (\(bind: log), \(bind: "o/" + log), 'm', NULL, \(bind: size))"
                ).run()
                var tree = MemoryTree()
                for i in 0..<size { tree.append(entry: body(log, i)) }
                for i in 0..<size {
                    let hashes = VerifyChunkTests.stored(Int64(i), in: tree.store.hashes)
                    try await db.raw(
                        "INSERT INTO entries (log_id, idx, body, hashes) VALUES (\(bind: log), \(bind: i), \(Blob.bind(body(log, i))), \(Blob.bind(hashes)))"
                    ).run()
                }
                trees[log] = tree
            }
        } then: { _, database in
            let migrated = try await database.open(migrate: true)
            let numbers = try await migrated.read { db in
                try await db.raw("SELECT id, num FROM logs ORDER BY id").all().map {
                    "\(try $0.decode(column: "id", as: String.self))=\(try $0.decode(column: "num", as: Int.self))"
                }
            }
            #expect(numbers == ["a=1", "b=2"])
            #expect(try await migrated.entries("a", start: 0, end: 40).map(\.bytes) == (0..<40).map { body("a", $0) })
            #expect(try await migrated.entries("b", start: 1, end: 3).map(\.index) == [1, 2])
            for (log, number, size) in [("a", Int64(1), Int64(40)), ("b", 2, 3)] {
                let chunk = try await migrated.read {
                    try await Store.checkChunk(log, number: number, start: 0, end: size, on: $0)
                }
                #expect(chunk.problem == nil, "\(log): \(String(describing: chunk.problem))")
                #expect(chunk.roots.count == Int(size))
            }
            let tree = try #require(trees["a"])
            let fetched = try await migrated.read { try await StoredHashes.fetch(log: "a", indexes: [5, 30], on: $0) }
            #expect(fetched == [5: tree.store.hashes[5], 30: tree.store.hashes[30]])
            if migrated.database.dialect == .sqlite {
                let table = try await migrated.read { db in
                    try await db.raw("SELECT sql FROM sqlite_master WHERE name = 'entries'").first()?
                        .decode(column: "sql", as: String.self)
                }
                #expect(table?.contains("entry_key INTEGER PRIMARY KEY") == true && table?.contains("WITHOUT") == false)
            }
            // New logs are numbered after them, and the whole store verifies.
            let w = try await populate(migrated)
            let newNumber = try await migrated.read { db in
                try await db.raw("SELECT num FROM logs WHERE id = \(bind: LogID.shared(w.mechanism).description)")
                    .first()?.decode(column: "num", as: Int.self)
            }
            #expect((newNumber ?? 0) > 2)
            let report = try await migrated.verify()
            #expect(report.isClean, "\(report.problems)")
            await migrated.close()
        }
    }

    @Test(arguments: Backend.available)
    func storedHashesMoveIntoTheirEntriesRowsAsTheyAre(_ backend: Backend) async throws {
        // Two logs of the eight migrations before: 40 and 3 entries, every hash a row of
        // log_hashes; in the first log one hash altered and one missing.
        // Entries as `verify` reads them: canonical JSON naming their log and index.
        func body(_ log: String, _ i: Int) -> [UInt8] { Array(#"{"index":\#(i),"log":"\#(log)","v":1}"#.utf8) }
        var tree = MemoryTree()
        for i in 0..<40 { tree.append(entry: body("a", i)) }
        let hashes = tree.store.hashes
        let altered = Merkle.storedHashIndex(level: 2, n: 1)  // stored by entry 7
        let missing = Merkle.storedHashIndex(level: 0, n: 20)  // entry 20's leaf hash
        try await withOlderSchema(backend, migrations: 8) { db, dialect in
            for (log, size) in [("a", 40), ("b", 3)] {
                try await db.raw(
                    "INSERT INTO logs (id, origin, mechanism_id, party_id, size) VALUES (\(bind: log), \(bind: "o/" + log), 'm', NULL, \(bind: size))"
                ).run()
                for i in 0..<size {
                    try await db.raw(
                        "INSERT INTO entries (log_id, idx, body) VALUES (\(bind: log), \(bind: i), \(Blob.bind(body(log, i))))"
                    ).run()
                }
                var bTree = MemoryTree()
                for i in 0..<size { bTree.append(entry: body(log, i)) }
                let hashes = log == "a" ? hashes : bTree.store.hashes
                for i in 0..<Merkle.storedHashCount(forSize: Int64(size)) where log == "b" || i != missing {
                    let hash = log == "a" && i == altered ? Hash.zero : hashes[Int(i)]
                    try await db.raw(
                        "INSERT INTO log_hashes (log_id, idx, hash) VALUES (\(bind: log), \(bind: i), \(Blob.bind(hash.bytes)))"
                    ).run()
                }
            }
        } then: { _, database in
            let migrated = try await database.open(migrate: true)
            let rows = try await migrated.read { db in
                try await db.raw(
                    """
                    SELECT l.id AS log_id, e.entry_key - l.num * \(literal: Int(EntryKey.indexLimit)) AS idx, e.body, e.hashes
                    FROM entries AS e JOIN logs AS l ON e.entry_key >= l.num * \(literal: Int(EntryKey.indexLimit))
                    AND e.entry_key < (l.num + 1) * \(literal: Int(EntryKey.indexLimit))
                    ORDER BY l.id, e.entry_key
                    """
                ).all().map {
                    (
                        try $0.decode(column: "log_id", as: String.self), try $0.decode(column: "idx", as: Int.self),
                        try $0.bytes("body"), try $0.bytes("hashes")
                    )
                }
            }
            #expect(rows.count == 43)
            var bTree = MemoryTree()
            for i in 0..<3 { bTree.append(entry: body("b", i)) }
            for (log, idx, bytes, stored) in rows {
                #expect(bytes == body(log, idx))
                var expected = VerifyChunkTests.stored(Int64(idx), in: log == "a" ? hashes : bTree.store.hashes)
                if log == "a", idx == 7 {
                    let offset = Int(altered - Merkle.storedHashCount(forSize: 7)) * 32
                    expected.replaceSubrange(offset..<(offset + 32), with: Hash.zero.bytes)
                }
                if log == "a", idx == 20 { expected.removeFirst(32) }
                #expect(stored == expected, "\(log) \(idx)")
            }
            // Proofs read the moved hashes; verify names the altered one and, past it, the missing one.
            let fetched = try await migrated.read {
                try await StoredHashes.fetch(log: "b", indexes: [0, 1, 2, 3], on: $0)
            }
            let b = bTree.store.hashes
            #expect(fetched == [0: b[0], 1: b[1], 2: b[2], 3: b[3]])
            let chunk = try await migrated.read {
                try await Store.checkChunk("a", number: 1, start: 0, end: 40, on: $0)
            }
            #expect(chunk.problem?.row == 7)
            let later = try await migrated.read {
                try await Store.checkChunk("a", number: 1, start: 8, end: 40, on: $0)
            }
            #expect(later.problem?.row == 12, "\(String(describing: later.problem))")
            let tables = try await migrated.read { db in
                migrated.database.dialect == .sqlite
                    ? try await db.raw("SELECT name FROM sqlite_master WHERE name = 'log_hashes'").all().count
                    : try await db.raw("SELECT tablename FROM pg_tables WHERE tablename = 'log_hashes'").all().count
            }
            #expect(tables == 0)
            await migrated.close()
        }
    }

    @Test(arguments: Backend.available)
    func itemsKeepTheirRowsAndSearchUnderOneIDIndex(_ backend: Backend) async throws {
        // Items of the ten migrations before, with gaps in seq, as rows that were deleted leave.
        try await withOlderSchema(backend, migrations: 10) { db, dialect in
            for (seq, kind, id, title) in [
                (3, "irritant", "i1", "Consular staffing"), (8, "meeting", "i1", "Embassy operations"),
                (9, "account", "a1", "lavrov"),
            ] {
                try await db.raw(
                    """
                    INSERT INTO items (seq, kind, id, mechanism_id, owner_party, reference, about, status, title,
                        search_text, updated_at, body)
                    VALUES (\(bind: seq), \(bind: kind), \(bind: id), 'm1', NULL, NULL, NULL, 'open', \(bind: title),
                        'Visas for diplomatic staff', '2025-02-18T12:00:00Z', '{}')
                    """
                ).run()
            }
            // Indexed, as the search index of those migrations left it once it caught up.
            if dialect == .sqlite {
                try await db.raw(
                    "INSERT INTO items_fts (rowid, title, search_text) SELECT seq, title, search_text FROM items"
                )
                .run()
                try await db.raw("DELETE FROM items_fts_pending").run()
            }
            return try await Self.itemRows(db)
        } then: { before, database in
            let migrated = try await database.open(migrate: true)
            let (after, indexes) = try await migrated.read { db in
                let indexes =
                    migrated.database.dialect == .sqlite
                    ? try await db.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items'")
                        .all().map { try $0.decode(column: "name", as: String.self) }
                    : try await db.raw("SELECT indexname AS name FROM pg_indexes WHERE tablename = 'items'").all()
                        .map { try $0.decode(column: "name", as: String.self) }
                return (try await Self.itemRows(db), indexes)
            }
            #expect(after == before)
            #expect(indexes.contains("items_key") && !indexes.contains("items_by_id"), "\(indexes)")
            #expect(!indexes.contains { $0.hasPrefix("sqlite_autoindex") || $0 == "items_kind_id_key" }, "\(indexes)")
            // The search index still finds each row by its seq.
            let hits = try await migrated.read { db in
                migrated.database.dialect == .sqlite
                    ? try await db.raw(
                        """
                        SELECT items.kind FROM items_fts JOIN items ON items.seq = items_fts.rowid
                        WHERE items_fts MATCH 'embassy'
                        """
                    ).all().map { try $0.decode(column: "kind", as: String.self) }
                    : try await db.raw(
                        """
                        SELECT items.kind FROM items_search JOIN items ON items.seq = items_search.seq
                        WHERE items_search.search @@ to_tsquery('simple', 'embassy')
                        """
                    ).all().map { try $0.decode(column: "kind", as: String.self) }
            }
            #expect(hits == ["meeting"])
            // One row per (id, kind): the same id under another kind is another row, the same pair is refused.
            await #expect(throws: (any Error).self) {
                try await migrated.write { writer in
                    try await writer.db.raw(
                        """
                        INSERT INTO items (kind, id, mechanism_id, title, search_text, updated_at, body)
                        VALUES ('irritant', 'i1', 'm1', 't', 's', '2025-02-18T12:00:00Z', '{}')
                        """
                    ).run()
                }
            }
            await migrated.close()
        }
    }

    @Test(arguments: Backend.available)
    func theLatestCheckpointMovesIntoItsLogsRowAndTheHistoryKeepsTheFirstOfEachSpacing(_ backend: Backend)
        async throws
    {
        func note(_ size: Int) -> String { "o/l\n\(size)\nroot\n\n— key sig\n" }
        try await withOlderSchema(backend, migrations: 11) { db, dialect in
            try await db.raw(
                "INSERT INTO logs (id, origin, mechanism_id, party_id, size) VALUES ('l', 'o/l', 'm', NULL, 2050)"
            ).run()
            for size in [1, 5, 1030, 1100, 2050] {
                try await db.raw(
                    "INSERT INTO checkpoints (log_id, size, note) VALUES ('l', \(bind: size), \(bind: note(size)))"
                ).run()
            }
        } then: { _, database in
            let migrated = try await database.open(migrate: true)
            #expect(try await migrated.latestCheckpoint("l") == note(2050))
            #expect(try await migrated.checkpoints("l") == [note(1), note(1030), note(2050)])
            let history = try await migrated.read { db in
                try await db.raw("SELECT size FROM checkpoints ORDER BY size").all()
                    .map { try $0.decode(column: "size", as: Int.self) }
            }
            #expect(history == [1, 1030, 2050])
            await migrated.close()
        }
    }

    @Test(arguments: Backend.available)
    func referenceCountersMoveIntoTheirLogsRows(_ backend: Backend) async throws {
        let shared = "mechanism/m1"
        let usLog = "mechanism/m1/party/us"
        try await withOlderSchema(backend, migrations: 13) { db, _ in
            for log in [shared, usLog] {
                try await db.raw(
                    "INSERT INTO logs (id, origin, mechanism_id, party_id, size) VALUES (\(bind: log), \(bind: "k/" + log), 'm1', NULL, 3)"
                ).run()
            }
            // The last of a log without a row (no entry behind it) is not carried over.
            for (log, kind, last) in [
                (shared, "IRR", 12), (shared, "CMT", 3), (usLog, "NTE", 7), ("mechanism/gone", "IRR", 2),
            ] {
                try await db.raw(
                    "INSERT INTO counters (log_id, kind, last) VALUES (\(bind: log), \(bind: kind), \(bind: last))"
                ).run()
            }
        } then: { _, database in
            let migrated = try await database.open(migrate: true)
            let counters = try await migrated.referenceCounters()
            #expect(
                counters == [
                    try #require(LogID(shared)): [.irritant: 12, .commitment: 3],
                    try #require(LogID(usLog)): [.note: 7],
                ]
            )
            let stored = try await migrated.read { db in
                try await db.raw("SELECT counters FROM logs WHERE id = \(bind: shared)").first()?
                    .decode(column: "counters", as: String.self)
            }
            #expect(stored == "CMT-3 IRR-12")
            await #expect(throws: (any Error).self) {
                try await migrated.read { try await $0.raw("SELECT 1 FROM counters").run() }
            }
            await migrated.close()
        }
    }

    @Test func unreadableReferenceCountersAreRefusedWithAWayOut() throws {
        #expect(try ReferenceCounters.parse("CMT-3 IRR-12", log: "l") == [.commitment: 3, .irritant: 12])
        #expect(try ReferenceCounters.parse(nil, log: "l").isEmpty)
        #expect(ReferenceCounters.text([:]) == nil)
        #expect(ReferenceCounters.text([.irritant: 2, .commitment: 0]) == "IRR-2")
        for bad in ["IRR-0", "IRR-2 IRR-3", "XYZ-1", "IRR", "IRR-12,CMT-3"] {
            #expect(throws: StoreError.self, "\(bad)") { try ReferenceCounters.parse(bad, log: "l") }
        }
    }

    /// Every row of `items`, as text, in seq order.
    static func itemRows(_ db: any SQLDatabase) async throws -> [String] {
        try await db.raw("SELECT seq, kind, id, title, status, body FROM items ORDER BY seq").all().map {
            [
                String(try $0.decode(column: "seq", as: Int64.self)), try $0.decode(column: "kind", as: String.self),
                try $0.decode(column: "id", as: String.self), try $0.decode(column: "title", as: String.self),
                try $0.decode(column: "status", as: String.self), try $0.decode(column: "body", as: String.self),
            ].joined(separator: " ")
        }
    }

    @Test(arguments: Backend.available)
    func searchIndexMigrationIndexesTheRowsThereAre(_ backend: Backend) async throws {
        // A database of the six migrations before the search index was kept per transaction.
        try await withOlderSchema(backend, migrations: 6) { db, dialect in
            try await db.raw(
                """
                INSERT INTO items (kind, id, mechanism_id, owner_party, reference, about, status, title,
                    search_text, updated_at, body)
                VALUES ('irritant', 'i1', 'm1', NULL, 'IRR-1', NULL, 'raised', 'Consular staffing',
                    'Visas for diplomatic staff', '2025-02-18T12:00:00Z', '{}')
                """
            ).run()
        } then: { _, database in
            let migrated = try await database.open(migrate: true)
            if backend == .sqlite {
                // The store's search is a MATCH on this index joined to items by rowid.
                func hits(_ word: String) async throws -> [String] {
                    try await migrated.read { db in
                        try await db.raw(
                            """
                            SELECT items.id FROM items_fts JOIN items ON items.seq = items_fts.rowid
                            WHERE items_fts MATCH \(bind: word)
                            """
                        ).all().map { try $0.decode(column: "id", as: String.self) }
                    }
                }
                for word in ["consular", "visas", "diplomatic"] { #expect(try await hits(word) == ["i1"], "\(word)") }
                #expect(try await hits("quotas").isEmpty)
                let pending = try await migrated.read { try await $0.raw("SELECT seq FROM items_fts_pending").all() }
                #expect(pending.isEmpty)
                #expect(try await Self.searchAutomerge(migrated) == Migrations.searchAutomerge)
            }
            await migrated.close()
        }
    }

    @Test func aNewStoresSearchIndexMergesEightSegmentsAtATime() async throws {
        let value = try await withStore(.sqlite) { store, _ in try await Self.searchAutomerge(store) }
        #expect(value == 8)
    }

    /// The segments of one level FTS5 gathers before merging them, as the index's config holds it.
    static func searchAutomerge(_ store: Store) async throws -> Int? {
        try await store.read { db in
            try await db.raw("SELECT v FROM items_fts_config WHERE k = 'automerge'").first()?
                .decode(column: "v", as: Int.self)
        }
    }

    /// Every row of the three log tables, as text, in key order.
    static func logRows(_ db: any SQLDatabase) async throws -> [String] {
        var rows: [String] = []
        for (table, key, value) in [("entries", "idx", "body"), ("log_hashes", "idx", "hash")] {
            for row in try await db.raw(
                "SELECT log_id, \(unsafeRaw: key), \(unsafeRaw: value) FROM \(unsafeRaw: table) ORDER BY log_id, \(unsafeRaw: key)"
            ).all() {
                rows.append(
                    "\(table) \(try row.decode(column: "log_id", as: String.self)) \(try row.decode(column: key, as: Int64.self)) \(try row.bytes(value))"
                )
            }
        }
        for row in try await db.raw("SELECT log_id, size, note FROM checkpoints ORDER BY log_id, size").all() {
            rows.append(
                "checkpoints \(try row.decode(column: "log_id", as: String.self)) \(try row.decode(column: "size", as: Int64.self)) \(try row.decode(column: "note", as: String.self))"
            )
        }
        return rows
    }
}
