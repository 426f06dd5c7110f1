// Paged lists over a real store (issue 5): the HTML register pages 50 at a time and keeps its
// status filter in the page links, the dashboard counts every irritant but lists only the newest,
// the API pages by cursor with a bounded limit and a status filter, and bad paging parameters
// get a 400 in Parley's own HTML or JSON error format.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct ListPagingTests {
    /// Raises irritants until the mechanism holds `total` (PagesWorld starts with IRR-1), then
    /// has Russia acknowledge the first `acknowledged` of them.
    static func grow(_ pw: PagesWorld, to total: Int, acknowledged: Int = 0) async throws {
        let store = pw.world.store
        let us = try #require(try await store.account(username: "us-negotiator")).actor
        let ru = try #require(try await store.account(username: "ru-negotiator")).actor
        for n in 2...total {
            _ = try await store.execute(
                .raiseIrritant(.init(mechanism: pw.m, title: "Paged irritant \(n)", description: "For paging")),
                by: us
            )
        }
        for n in 0..<acknowledged {
            let row = try #require(
                try await store.item(
                    Reference(kind: .irritant, number: n + 1),
                    in: pw.m,
                    scope: ReadScope(mechanisms: [pw.m], party: pw.world.ru)
                )
            )
            _ = try await store.execute(.acknowledgeIrritant(.init(mechanism: pw.m, irritant: ItemID(row.id))), by: ru)
        }
    }

    /// The references of the irritant table's rows, in page order.
    static func references(_ html: String) -> [String] {
        html.components(separatedBy: "/irritants/IRR-").dropFirst().compactMap { rest in
            rest.split(separator: "\"", maxSplits: 1).first.map { "IRR-" + $0 }
        }
    }

    @Test func theRegisterPagesFiftyAtATimeAndKeepsItsFilter() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        try await Self.grow(pw, to: 60, acknowledged: 3)
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let first = try await us.get(client, pw.base + "/irritants")
            #expect(first.status == .ok)
            #expect(Self.references(first.text) == (1...50).map { "IRR-\($0)" })
            #expect(first.text.contains("Irritants 1 to 50 of 60, oldest first. Page 1 of 2."))
            #expect(first.text.contains(#"href="\#(pw.base)/irritants?page=2" rel="next">Next page"#))
            #expect(!first.text.contains("Previous page"))

            let last = try await us.get(client, pw.base + "/irritants?page=2")
            #expect(last.status == .ok)
            #expect(Self.references(last.text) == (51...60).map { "IRR-\($0)" })
            #expect(last.text.contains(#"href="\#(pw.base)/irritants" rel="prev">Previous page"#))
            #expect(!last.text.contains("Next page"))

            // Filtered: 57 still raised, so two pages, and the links keep the filter.
            let raised = try await us.get(client, pw.base + "/irritants?status=raised")
            #expect(Self.references(raised.text) == (4...53).map { "IRR-\($0)" })
            #expect(raised.text.contains("of 57"))
            #expect(raised.text.contains(#"<option value="raised" selected>"#))
            #expect(raised.text.contains(#"href="\#(pw.base)/irritants?status=raised&amp;page=2" rel="next""#))
            let raisedLast = try await us.get(client, pw.base + "/irritants?status=raised&page=2")
            #expect(Self.references(raisedLast.text) == (54...60).map { "IRR-\($0)" })
            #expect(raisedLast.text.contains(#"href="\#(pw.base)/irritants?status=raised" rel="prev""#))
            let acknowledged = try await us.get(client, pw.base + "/irritants?status=acknowledged")
            #expect(Self.references(acknowledged.text) == ["IRR-1", "IRR-2", "IRR-3"])
            #expect(!acknowledged.text.contains("Next page"))
            let none = try await us.get(client, pw.base + "/irritants?status=resolved")
            #expect(none.status == .ok)
            #expect(none.text.contains("No irritants have this status."))

            for query in ["page=0", "page=3", "page=x", "page=-1", "status=open", "status=raised&page=3"] {
                let response = try await us.get(client, pw.base + "/irritants?" + query)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.text.contains("<!DOCTYPE html>"), "\(query)")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(query)")
            }
        }
    }

    @Test func theDashboardCountsEveryIrritantAndListsOnlyTheNewest() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        try await Self.grow(pw, to: 60, acknowledged: 3)
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            for viewer in ["us-negotiator", "ru-negotiator", "sa-facilitator"] {
                let page = try await browser(client, viewer).get(client, pw.base)
                #expect(page.status == .ok)
                let html = page.text
                #expect(html.contains(#"<strong class="tag tag--red">Raised</strong> 57</li>"#), "\(viewer)")
                #expect(html.contains(#"<strong class="tag tag--yellow">Acknowledged</strong> 3</li>"#), "\(viewer)")
                #expect(html.contains(#"<strong class="tag tag--green">Resolved</strong> 0</li>"#), "\(viewer)")
                #expect(html.contains("All 60 irritants"), "\(viewer)")
                #expect(Self.references(html) == (51...60).reversed().map { "IRR-\($0)" }, "\(viewer)")
            }
        }
    }

    @Test func theAPIPagesByCursorAndFiltersByStatus() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        try await Self.grow(pw, to: 60, acknowledged: 3)
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await APIUser.signIn(client, "us-negotiator")
            func references(_ response: TestResponse) -> [String] {
                (response.object["irritants"] as? [[String: Any]] ?? []).compactMap { $0["reference"] as? String }
            }
            // The default page is bounded; following `next` reaches every irritant once.
            let first = try await us.call(client, .get, pw.api + "/irritants")
            #expect(first.status == .ok)
            #expect(references(first) == (1...50).map { "IRR-\($0)" })
            let next = try #require(first.object["next"] as? Int)
            let last = try await us.call(client, .get, pw.api + "/irritants?after=\(next)")
            #expect(references(last) == (51...60).map { "IRR-\($0)" })
            #expect(last.object["next"] == nil)
            let whole = try await us.call(client, .get, pw.api + "/irritants?limit=200")
            #expect(references(whole).count == 60)

            // A filter pages too.
            let acknowledged = try await us.call(client, .get, pw.api + "/irritants?status=acknowledged&limit=2")
            #expect(references(acknowledged) == ["IRR-1", "IRR-2"])
            let cursor = try #require(acknowledged.object["next"] as? Int)
            let rest = try await us.call(
                client,
                .get,
                pw.api + "/irritants?status=acknowledged&limit=2&after=\(cursor)"
            )
            #expect(references(rest) == ["IRR-3"])
            #expect(rest.object["next"] == nil)

            for query in ["limit=201", "limit=0", "status=open", "status="] {
                let response = try await us.call(client, .get, pw.api + "/irritants?" + query)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.apiError.code == "bad_request", "\(query)")
                #expect(response.apiError.field == String(query.prefix { $0 != "=" }), "\(query)")
            }
        }
    }
}
