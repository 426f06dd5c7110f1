// The store conformance suite, part 1: executing commands and reading them back through the
// scoped queries, on every backend.

import Foundation
import ParleyCore
import ParleyRecord
import SQLKit
import Testing

@testable import ParleyStore

@Suite struct StoreExecuteTests {
    @Test(arguments: Backend.available)
    func executeAppendsSignsAndProjectsLikeMemoryState(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            var w = try await StoreWorld(store)
            let irritant = try await w.raise(as: w.usNegotiator)
            let entries = try await w.run(
                .acknowledgeIrritant(.init(mechanism: w.mechanism, irritant: irritant)),
                as: w.ruNegotiator
            )
            #expect(entries.map(\.log) == [.shared(w.mechanism)])
            try await w.expectSameAsMemory()

            // Each entry's bytes are its canonical JSON, at its index, under a checkpoint that
            // verifies with the server key.
            let log = LogID.shared(w.mechanism).description
            let size = try #require(try await store.logSize(log))
            #expect(size == Int64(w.memory.logs[.shared(w.mechanism)]!.count))
            let stored = try await store.entries(log, start: 0, end: size)
            for (i, e) in stored.enumerated() {
                #expect(e.index == Int64(i))
                #expect(e.bytes == (try CanonicalJSON.encode(w.memory.logs[.shared(w.mechanism)]![i])))
            }
            let note = try #require(try await store.latestCheckpoint(log))
            let opened = try Checkpoint.open(
                note,
                logKey: store.serverKey,
                origin: LogWriter.origin(of: log, keyName: "parley.test")
            )
            #expect(opened.checkpoint.size == UInt64(size))
            #expect(try await store.verify().isClean)
        }
    }

    @Test(arguments: Backend.available)
    func refusedCommandChangesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            var w = try await StoreWorld(store)
            let irritant = try await w.raise(as: w.usNegotiator)
            let digest = try await store.projectionDigest()
            let sizes = try await Self.sizes(store)
            let checkpoints = try await store.checkpoints(LogID.shared(w.mechanism).description)
            // Withdrawing is only for the party that raised it; observers write nothing; a
            // foreign private item is not visible.
            for (command, actor) in [
                (Command.withdrawIrritant(.init(mechanism: w.mechanism, irritant: irritant)), w.ruNegotiator),
                (.raiseIrritant(.init(mechanism: w.mechanism, title: "Visas", description: "x")), w.usObserver),
                (.raiseIrritant(.init(mechanism: w.mechanism, title: "", description: "")), w.usNegotiator),
                (.editNote(.init(mechanism: w.mechanism, note: ItemID("c1-1"), body: "x")), w.ruNegotiator),
            ] {
                await #expect(throws: Refusal.self) { try await w.run(command, as: actor) }
            }
            #expect(try await store.projectionDigest() == digest)
            #expect(try await Self.sizes(store) == sizes)
            #expect(try await store.checkpoints(LogID.shared(w.mechanism).description) == checkpoints)
        }
    }

    @Test(arguments: Backend.available)
    func queriesApplyTheReadScope(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            var w = try await StoreWorld(store)
            let first = try await w.raise("Staffing of diplomatic missions", as: w.usNegotiator)
            let second = try await w.raise("Property of missions", as: w.ruNegotiator)
            try await w.run(.acknowledgeIrritant(.init(mechanism: w.mechanism, irritant: first)), as: w.ruNegotiator)
            let meeting = try await w.scheduleRiyadh()
            let usNote = try await w.run(
                .writeNote(.init(mechanism: w.mechanism, attachedTo: Reference("IRR-1"), body: "US sample note")),
                as: w.usNegotiator
            )[0].itemID
            let ruNote = try await w.run(
                .writeNote(.init(mechanism: w.mechanism, attachedTo: Reference("IRR-1"), body: "RU sample note")),
                as: w.ruNegotiator
            )[0].itemID
            try await w.run(
                .recordMinutes(.init(mechanism: w.mechanism, meeting: meeting, body: "US minutes (sample)")),
                as: w.usNegotiator
            )
            try await w.run(
                .recordMinutes(.init(mechanism: w.mechanism, meeting: meeting, body: "RU minutes (sample)")),
                as: w.ruNegotiator
            )
            try await w.run(
                .publishReadout(.init(mechanism: w.mechanism, event: Reference("MTG-1")!, body: "US readout")),
                as: w.usNegotiator
            )
            try await w.run(
                .publishReadout(.init(mechanism: w.mechanism, event: Reference("MTG-1")!, body: "RU readout")),
                as: w.ruNegotiator
            )
            try await w.expectSameAsMemory()

            let us = try await w.scope(w.usNegotiator)
            let ru = try await w.scope(w.ruNegotiator)
            #expect(us == ReadScope(mechanisms: [w.mechanism], party: w.us))
            #expect(try await w.scope(w.admin) == .nothing)

            // Mechanisms and structure.
            #expect(try await store.mechanisms(in: us).map(\.id) == [w.mechanism])
            #expect(try await store.mechanisms(in: .nothing).isEmpty)
            let structure = try #require(try await store.structure(of: w.mechanism, in: us))
            #expect(structure.parties.map(\.id) == [w.us, w.ru, w.sa])
            #expect(structure.tracks.map(\.id) == [w.track])
            #expect(Set(structure.members.map(\.id)) == [w.rubio, w.lavrov, w.saHost])
            #expect(try await store.structure(of: w.mechanism, in: .nothing) == nil)
            #expect(try await store.structure(of: w.mechanism, in: nil) == structure)

            // Lists by kind and status, paged.
            let all = try await store.items(.irritant, in: w.mechanism, scope: us, limit: 1)
            #expect(all.rows.map(\.id) == [first.rawValue])
            let next = try await store.items(.irritant, in: w.mechanism, scope: us, after: all.next, limit: 1)
            #expect(next.rows.map(\.id) == [second.rawValue])
            #expect(next.next == nil)
            #expect(
                try await store.items(.irritant, status: "acknowledged", in: w.mechanism, scope: ru).rows.map(\.id) == [
                    first.rawValue
                ]
            )
            #expect(try await store.items(.note, in: w.mechanism, scope: us).rows.map(\.id) == [usNote.rawValue])
            #expect(try await store.items(.minutes, in: w.mechanism, scope: ru).rows.allSatisfy { $0.owner == w.ru })
            #expect(try await store.items(.account, in: w.mechanism, scope: us).rows.allSatisfy { $0.owner == w.us })

            // By id and by reference: a foreign private item answers as a missing one.
            #expect(try await store.item(first, scope: ru)?.reference == Reference("IRR-1"))
            #expect(try await store.item(usNote, scope: us) != nil)
            #expect(try await store.item(usNote, scope: ru) == nil)
            #expect(try await store.item(ItemID("missing"), scope: ru) == nil)
            #expect(try await store.item(Reference("NTE-1")!, in: w.mechanism, scope: us)?.id == usNote.rawValue)
            #expect(try await store.item(Reference("NTE-1")!, in: w.mechanism, scope: ru)?.id == ruNote.rawValue)
            #expect(try await store.item(Reference("MTG-1")!, in: w.mechanism, scope: .nothing) == nil)

            // Readouts side by side; notes and minutes of one's own party only.
            #expect(
                try await store.readouts(of: Reference("MTG-1")!, in: w.mechanism, scope: ru).map(\.party) == [
                    w.us, w.ru,
                ]
            )
            #expect(try await store.notes(in: w.mechanism, scope: us).map(\.id) == [usNote])
            #expect(
                try await store.notes(in: w.mechanism, scope: ru, attachedTo: Reference("IRR-1")).map(\.id) == [ruNote]
            )
            #expect(try await store.notes(in: w.mechanism, scope: ru, attachedTo: Reference("IRR-2")).isEmpty)
            #expect(try await store.minutes(of: meeting, scope: us)?.body == "US minutes (sample)")
            #expect(try await store.minutes(of: meeting, scope: ru)?.body == "RU minutes (sample)")
            #expect(try await store.minutes(of: meeting, scope: .nothing) == nil)

            // Recent entries of a log: one's own private log, never another party's.
            let usLog = LogID.private(w.mechanism, w.us)
            #expect(
                try await store.recentEntries(of: usLog, scope: us, limit: 2).map(\.index) == [
                    UInt64(w.memory.logs[usLog]!.count - 1), UInt64(w.memory.logs[usLog]!.count - 2),
                ]
            )
            #expect(try await store.recentEntries(of: usLog, scope: ru).isEmpty)
            #expect(
                try await store.recentEntries(of: .shared(w.mechanism), scope: ru, limit: 1).first?.kind
                    == .readoutPublished
            )

            // Accounts by id and username, for signing in.
            #expect(try await store.account(username: "us-lead")?.id == w.usLead.account)
            #expect(try await store.account(w.ruLead.account!)?.username == "ru-lead")
            #expect(try await store.account(username: "nobody") == nil)
        }
    }

    @Test(arguments: Backend.available)
    func searchFindsWordsWithinTheScopeOnly(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            var w = try await StoreWorld(store)
            try await w.raise("Staffing of diplomatic missions", as: w.usNegotiator)
            try await w.raise("Property of missions", as: w.ruNegotiator)
            try await w.run(
                .writeNote(.init(mechanism: w.mechanism, body: "Visa backlog (sample note of the US)")),
                as: w.usNegotiator
            )
            let ruNote = try await w.run(
                .writeNote(.init(mechanism: w.mechanism, body: "Visa quotas (sample note of Russia)")),
                as: w.ruNegotiator
            )[0].itemID
            let us = try await w.scope(w.usNegotiator)
            let ru = try await w.scope(w.ruNegotiator)

            #expect(
                Set(try await store.search("missions", scope: us).compactMap(\.reference)) == [
                    Reference("IRR-1"), Reference("IRR-2"),
                ]
            )
            #expect(
                try await store.search("staff DIPLOMATIC", scope: ru).compactMap(\.reference) == [Reference("IRR-1")]
            )
            #expect(try await store.search("backlog", scope: us).map(\.owner) == [w.us])
            #expect(try await store.search("visa", scope: us).count == 3)  // two irritants and the US note
            #expect(try await store.search("quotas", scope: us).isEmpty)
            #expect(try await store.search("quotas", scope: ru).map(\.id) == [ruNote.rawValue])
            // Two irritants and the track "Operation of diplomatic missions"; query syntax is ignored.
            #expect(try await store.search("\" * : & ' ( missions", scope: ru).count == 3)
            #expect(try await store.search("   ", scope: ru).isEmpty)
            #expect(try await store.search("missions", scope: .nothing).isEmpty)

            // The index follows edits and deletions in the same transaction.
            try await w.run(
                .editNote(.init(mechanism: w.mechanism, note: ruNote, body: "Consular staff (sample)")),
                as: w.ruNegotiator
            )
            #expect(try await store.search("quotas", scope: ru).isEmpty)
            #expect(try await store.search("consular", scope: ru).map(\.id) == [ruNote.rawValue])
            try await w.run(.deleteNote(.init(mechanism: w.mechanism, note: ruNote)), as: w.ruNegotiator)
            #expect(try await store.search("consular", scope: ru).isEmpty)

            // A row changed in several commits before the index catches up is indexed as it ends.
            let usNote = try await w.run(
                .writeNote(.init(mechanism: w.mechanism, body: "Embassy parking (sample)")),
                as: w.usNegotiator
            )[0].itemID
            for body in ["Embassy staffing (sample)", "Embassy security (sample)"] {
                try await w.run(.editNote(.init(mechanism: w.mechanism, note: usNote, body: body)), as: w.usNegotiator)
            }
            #expect(try await store.search("embassy security", scope: us).map(\.id) == [usNote.rawValue])
            #expect(try await store.search("parking", scope: us).isEmpty)
            #expect(try await store.search("staffing embassy", scope: us).isEmpty)

            // Rebuilding the projection rebuilds the index with it.
            // (As sets: rebuilt rows get new sequence numbers, which order equally ranked hits.)
            let before = Set(try await store.search("missions", scope: us).map(\.id))
            _ = try await store.rebuild()
            #expect(Set(try await store.search("missions", scope: us).map(\.id)) == before)
            #expect(try await store.search("consular", scope: ru).isEmpty)
            #expect(try await store.search("backlog", scope: us).map(\.owner) == [w.us])
        }
    }

    @Test(arguments: Backend.available)
    func credentialsAreKeptOutsideTheLogs(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let w = try await StoreWorld(store)
            let account = try #require(w.usLead.account)
            let sizes = try await Self.sizes(store)
            #expect(try await store.credential(for: account) == nil)
            try await store.setCredential("$2b$12$first", for: account, now: at("2025-02-18T12:00:00Z"))
            try await store.setCredential("$2b$12$second", for: account, now: at("2025-02-19T12:00:00Z"))
            let credential = try #require(try await store.credential(for: account))
            #expect(credential.passwordHash == "$2b$12$second")
            #expect(credential.createdAt == Timestamp("2025-02-18T12:00:00Z"))
            #expect(credential.updatedAt == Timestamp("2025-02-19T12:00:00Z"))
            await #expect(throws: StoreError.unknownAccount("nobody")) {
                try await store.setCredential("x", for: AccountID("nobody"))
            }
            #expect(try await Self.sizes(store) == sizes)
        }
    }

    static func sizes(_ store: Store) async throws -> [String: Int64] {
        try await store.read { db in
            try await db.raw("SELECT id, size FROM logs").all().reduce(into: [:]) {
                $0[try $1.decode(column: "id", as: String.self)] = try $1.decode(column: "size", as: Int64.self)
            }
        }
    }
}
