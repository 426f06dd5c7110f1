// The mechanism dashboard over a real store, signed in as each kind of viewer: a side sees the
// shared record and only its own party's notes; the facilitator sees the shared record and no
// notes; the operator and anyone outside the mechanism get the one not-found page.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct DashboardPageTests {
    @Test func showsTheSharedRecordAndOnlyTheViewersOwnNotes() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let page = try await us.get(client, pw.base)
            #expect(page.status == .ok)
            let html = page.text
            for expected in [
                "US–Russia consultations", "Operation of diplomatic missions", "IRR-1", "MTG-1", "Riyadh",
                "Third country", "2025-02-18 09:00 UTC", "2025-02-18 12:00 venue time (Asia/Riyadh)", "Saudi Arabia",
                PagesWorld.usReadout, PagesWorld.ruReadout, "RDO-1", "RDO-2", "NTE-1", StoreWorld.usNote,
                "parley note verify --key", "/api/v1/mechanisms/\(pw.m.rawValue)/log/checkpoint",
                "irritant.raised", "readout.published",
            ] {
                #expect(html.contains(expected), "dashboard lacks \(expected)")
            }
            #expect(!html.contains(StoreWorld.ruNote))
            #expect(!html.contains("Norway"))
            #expect(!html.contains("<script"))
            // Both sides' readouts in one side-by-side block, one column per side.
            #expect(html.components(separatedBy: "side-by-side__column").count - 1 == 2)
            // The latest signed checkpoint is shown as the store signed it.
            let checkpoint = try #require(try await pw.world.store.latestCheckpoint(LogID.shared(pw.m).description))
            #expect(html.contains(checkpoint.split(separator: "\n")[2]))

            let ru = try await browser(client, "ru-negotiator")
            let ruPage = try await ru.get(client, pw.base)
            #expect(ruPage.status == .ok)
            #expect(ruPage.text.contains(StoreWorld.ruNote))
            #expect(!ruPage.text.contains("US private note"))
            #expect(ruPage.text.contains(PagesWorld.usReadout))

            let sa = try await browser(client, "sa-facilitator")
            let saPage = try await sa.get(client, pw.base)
            #expect(saPage.status == .ok)
            #expect(saPage.text.contains("IRR-1"))
            #expect(!saPage.text.contains("US private note"))
            #expect(!saPage.text.contains(StoreWorld.ruNote))
        }
    }

    @Test func operatorForeignAndMissingMechanismsAnswerTheSameNotFound() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let missing = try await us.get(client, "/mechanisms/00000000-0000-4000-8000-000000000000")
            let foreign = try await us.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)")
            let op = try await browser(client, "operator")
            let asOperator = try await op.get(client, pw.base)
            #expect(missing.status == .notFound)
            #expect(foreign.status == .notFound)
            #expect(asOperator.status == .notFound)
            #expect(missing.text == foreign.text)
            #expect(missing.text == asOperator.text)
            #expect(!asOperator.text.contains("US–Russia"))
        }
    }

    @Test func escapesWhatPeopleTyped() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let raised = try await us.post(
                client,
                pw.base + "/irritants/new",
                [("title", "<script>alert(1)</script>"), ("description", "a & b")]
            )
            #expect(raised.status == .seeOther)
            let html = try await us.get(client, pw.base).text
            #expect(!html.contains("<script>alert(1)</script>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}

@Suite struct ObserverPageTests {
    @Test func anObserverReadsItsPartysRecordButIsOfferedNoChange() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let observer = try await browser(client, "us-observer")
            let dashboard = try await observer.get(client, pw.base)
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains(StoreWorld.usNote))
            #expect(!dashboard.text.contains(StoreWorld.ruNote))
            #expect(!dashboard.text.contains("Raise an irritant"))
            #expect(!dashboard.text.contains("Write a private note"))
            let detail = try await observer.get(client, pw.base + "/irritants/IRR-1")
            #expect(detail.status == .ok)
            #expect(!detail.text.contains("What you can do"))
            #expect(try await observer.get(client, pw.base + "/irritants/new").status == .forbidden)
            #expect(try await observer.get(client, pw.base + "/notes/new").status == .forbidden)

            let before = try await pw.record()
            let raise = try await observer.post(
                client,
                pw.base + "/irritants/new",
                [("title", "Visas"), ("description", "Delays")]
            )
            #expect(raise.status == .forbidden)
            let note = try await observer.post(client, pw.base + "/notes/new", [("body", "A note")])
            #expect(note.status == .forbidden)
            let park = try await observer.post(client, pw.base + "/irritants/IRR-1/park")
            #expect(park.status == .forbidden)
            #expect(try await pw.record() == before)
        }
    }
}
