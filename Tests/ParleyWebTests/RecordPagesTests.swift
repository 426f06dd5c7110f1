// The record pages over a real store: the shared log, newest first and paged, with its signed
// checkpoint and how to verify it, for every party; each party's own private log for that party
// alone; and the dashboard and navigation linking every mechanism page.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct RecordPagesTests {
    @Test func theSharedRecordForEachViewer() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        let size = try #require(try await pw.world.store.logSize(LogID.shared(pw.m).description))
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")
            let op = try await browser(client, "operator")
            for viewer in [us, ru, sa, observer] {
                let page = try await viewer.get(client, pw.base + "/record")
                #expect(page.status == .ok)
                let text = page.text
                #expect(text.contains("\(size) entries, newest first"))
                #expect(text.contains("<code>readout.published</code>"))
                #expect(text.contains("<code>mechanism.created</code>"))
                #expect(!text.contains("<code>note.written</code>"))
                // Newest first: the last readout comes before the mechanism's creation.
                let newest = try #require(text.range(of: "<td>\(size - 1)</td>"))
                let oldest = try #require(text.range(of: "<td>0</td>"))
                #expect(newest.lowerBound < oldest.lowerBound)
                #expect(text.contains("<pre class=\"checkpoint\">"))
                #expect(text.contains("parley note verify --key"))
                #expect(text.contains("/api/v1/mechanisms/\(pw.m.rawValue)/log/checkpoint"))
            }
            let missing = try await us.get(client, pw.base + "/meetings/MTG-99")
            expectAllNotFound(
                [
                    try await op.get(client, pw.base + "/record"),
                    try await op.get(client, pw.base + "/private-record"),
                    try await us.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)/record"),
                    try await us.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)/private-record"),
                ],
                like: missing
            )
            for bad in ["0", "-1", "abc", "2", "99999999999"] {
                let response = try await us.get(client, pw.base + "/record?page=\(bad)")
                #expect(response.status == .badRequest)
                #expect(response.text.contains("page"))
            }
        }
    }

    @Test func eachPartyReadsOnlyItsOwnPrivateRecordAPageAtATime() async throws {
        let pw = try await PagesWorld.make()
        for i in 1...RecordController.pageSize {
            try await pw.execute(.writeNote(.init(mechanism: pw.m, body: "US note \(i)")), as: "us-negotiator")
        }
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        let usSize = try #require(try await pw.world.store.logSize(LogID.private(pw.m, pw.world.us).description))
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")

            let first = try await us.get(client, pw.base + "/private-record")
            #expect(first.status == .ok)
            #expect(first.text.contains("Private record of <span dir=\"auto\">United States</span>"))
            #expect(first.text.contains("\(usSize) entries, newest first. Page 1 of 2."))
            #expect(first.text.contains("<td>\(usSize - 1)</td>"))
            #expect(!first.text.contains("<td>0</td>"))
            #expect(first.text.contains(#"href="\#(pw.base)/private-record?page=2""#))
            #expect(first.text.contains("/api/v1/mechanisms/\(pw.m.rawValue)/private-log/checkpoint"))
            let second = try await us.get(client, pw.base + "/private-record?page=2")
            #expect(second.status == .ok)
            #expect(second.text.contains("<td>0</td>"))
            #expect(second.text.contains(#"href="\#(pw.base)/private-record?page=1""#))
            #expect(try await us.get(client, pw.base + "/private-record?page=3").status == .badRequest)
            // The observer reads its own party's private record.
            #expect(try await observer.get(client, pw.base + "/private-record").text.contains("Page 1 of 2."))

            // Russia and the facilitator see their own logs only: no US entry, not even its count.
            for (viewer, party) in [(ru, "Russia"), (sa, "Saudi Arabia")] {
                let page = try await viewer.get(client, pw.base + "/private-record")
                #expect(page.status == .ok)
                #expect(page.text.contains("Private record of <span dir=\"auto\">\(party)</span>"))
                #expect(!page.text.contains("United States ("))
                #expect(!page.text.contains("\(usSize) entries"))
                #expect(try await viewer.get(client, pw.base + "/private-record?page=2").status == .badRequest)
            }
        }
    }

    @Test func theDashboardAndNavigationLinkEveryPage() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let dashboard = try await us.get(client, pw.base).text
            for path in [
                "/meetings", "/meetings/MTG-1", "/meetings/new", "/contacts", "/contacts/new", "/commitments",
                "/commitments/new", "/readouts", "/readouts/MTG-1", "/record", "/private-record",
            ] {
                #expect(dashboard.contains(#"href="\#(pw.base)\#(path)""#), "dashboard links \(path)")
            }
            for page in ["/meetings", "/contacts/new", "/commitments", "/readouts/MTG-1", "/record", "/irritants"] {
                let text = try await us.get(client, pw.base + page).text
                for path in ["/meetings", "/contacts", "/commitments", "/readouts", "/record", "/notes"] {
                    #expect(text.contains(#"<li><a href="\#(pw.base)\#(path)">"#), "\(page) navigates to \(path)")
                }
            }
        }
    }
}
