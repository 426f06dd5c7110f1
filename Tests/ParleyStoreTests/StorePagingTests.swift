// Paged lists and counts by status (issue 5), on every database: pages in both orders, by cursor
// and by offset, filtered by status or by what a row hangs off; counts made in SQL that match the
// rows; another party's private rows neither listed nor counted.

import Foundation
import ParleyCore
import Testing

@testable import ParleyStore

@Suite struct StorePagingTests {
    @Test(arguments: Backend.available)
    func pagesWalkEveryRowOnceInEitherOrder(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            var w = try await StoreWorld(store)
            var raised: [String] = []
            for n in 1...7 { raised.append(try await w.raise("Irritant \(n)", as: w.usNegotiator).rawValue) }
            let us = try await w.scope(w.usNegotiator)

            // Oldest first by cursor: 3, 3, then the last 1 with no cursor after it.
            var seen: [String] = []
            var after: Int64?
            var pages = 0
            repeat {
                let page = try await store.items(.irritant, in: w.mechanism, scope: us, after: after, limit: 3)
                seen += page.rows.map(\.id)
                after = page.next
                pages += 1
            } while after != nil
            #expect(seen == raised)
            #expect(pages == 3)

            // Newest first by cursor.
            let newest = try await store.items(.irritant, in: w.mechanism, scope: us, newestFirst: true, limit: 3)
            #expect(newest.rows.map(\.id) == Array(raised.reversed().prefix(3)))
            let older = try await store.items(
                .irritant,
                in: w.mechanism,
                scope: us,
                newestFirst: true,
                after: newest.next,
                limit: 3
            )
            #expect(older.rows.map(\.id) == Array(raised.reversed().dropFirst(3).prefix(3)))

            // By offset, as the HTML register pages: the last page is short and has no next.
            let last = try await store.items(.irritant, in: w.mechanism, scope: us, offset: 6, limit: 3)
            #expect(last.rows.map(\.id) == [raised[6]])
            #expect(last.next == nil)
            let past = try await store.items(.irritant, in: w.mechanism, scope: us, offset: 9, limit: 3)
            #expect(past.rows.isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func statusFiltersPageAndCountInSQL(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            var w = try await StoreWorld(store)
            var raised: [ItemID] = []
            for n in 1...5 { raised.append(try await w.raise("Irritant \(n)", as: w.usNegotiator)) }
            for id in [raised[0], raised[2], raised[4]] {
                try await w.run(.acknowledgeIrritant(.init(mechanism: w.mechanism, irritant: id)), as: w.ruNegotiator)
            }
            try await w.run(
                .startDiscussion(.init(mechanism: w.mechanism, irritant: raised[4])),
                as: w.ruNegotiator
            )
            let ru = try await w.scope(w.ruNegotiator)

            #expect(
                try await store.statusCounts(.irritant, in: w.mechanism, scope: ru) == [
                    "raised": 2, "acknowledged": 2, "inDiscussion": 1,
                ]
            )
            let first = try await store.items(.irritant, status: "acknowledged", in: w.mechanism, scope: ru, limit: 1)
            #expect(first.rows.map(\.id) == [raised[0].rawValue])
            let second = try await store.items(
                .irritant,
                status: "acknowledged",
                in: w.mechanism,
                scope: ru,
                after: first.next,
                limit: 1
            )
            #expect(second.rows.map(\.id) == [raised[2].rawValue])
            #expect(second.next == nil)
            #expect(try await store.statusCounts(.irritant, in: w.mechanism, scope: .nothing).isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func anotherPartysPrivateRowsAreNeitherListedNorCounted(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            var w = try await StoreWorld(store)
            var notes: [PartyID: [ItemID]] = [:]
            for (party, actor) in [(w.us, w.usNegotiator), (w.ru, w.ruNegotiator), (w.ru, w.ruNegotiator)] {
                let id = try await w.run(
                    .writeNote(.init(mechanism: w.mechanism, body: "Sample note")),
                    as: actor
                )[0].itemID
                notes[party, default: []].append(id)
            }
            for (id, actor) in [(notes[w.us]![0], w.usNegotiator), (notes[w.ru]![0], w.ruNegotiator)] {
                try await w.run(.deleteNote(.init(mechanism: w.mechanism, note: id)), as: actor)
            }
            let us = try await w.scope(w.usNegotiator)
            let ru = try await w.scope(w.ruNegotiator)

            #expect(try await store.statusCounts(.note, in: w.mechanism, scope: us) == ["deleted": 1])
            #expect(try await store.statusCounts(.note, in: w.mechanism, scope: ru) == ["deleted": 1])
            #expect(
                try await store.items(.note, in: w.mechanism, scope: us).rows.map(\.id) == [notes[w.us]![0].rawValue]
            )
            #expect(
                try await store.items(.note, in: w.mechanism, scope: ru, newestFirst: true).rows.map(\.id)
                    == notes[w.ru]!.reversed().map(\.rawValue)
            )
        }
    }

    @Test(arguments: Backend.available)
    func stepsAndReadoutsAreReadByWhatTheyHangOff(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            var w = try await StoreWorld(store)
            let first = try await w.raise("First", as: w.usNegotiator)
            let second = try await w.raise("Second", as: w.usNegotiator)
            for irritant in [first, second, first] {
                try await w.run(
                    .addStep(.init(mechanism: w.mechanism, irritant: irritant, owner: w.us, description: "A step")),
                    as: w.usNegotiator
                )
            }
            _ = try await w.scheduleRiyadh()
            try await w.run(
                .publishReadout(.init(mechanism: w.mechanism, event: Reference("MTG-1")!, body: "US readout")),
                as: w.usNegotiator
            )
            try await w.run(
                .publishReadout(.init(mechanism: w.mechanism, event: Reference("MTG-1")!, body: "RU readout")),
                as: w.ruNegotiator
            )
            let us = try await w.scope(w.usNegotiator)

            let steps = try await store.items(.step, about: first.rawValue, in: w.mechanism, scope: us).rows
            #expect(steps.map(\.reference) == [Reference("STP-1"), Reference("STP-3")])
            let readouts = try await store.readouts(
                of: [Reference("MTG-1")!, Reference("CON-1")!],
                in: w.mechanism,
                scope: us
            )
            #expect(readouts[Reference("MTG-1")!]?.map(\.party) == [w.us, w.ru])
            #expect(readouts[Reference("CON-1")!] == nil)
            #expect(try await store.readouts(of: [Reference("MTG-1")!], in: w.mechanism, scope: .nothing).isEmpty)
        }
    }
}
