// The private-note pages over a real store: each side writes and reads only its own notes;
// another party's note answers exactly as a missing one; bad input and a missing form token
// change nothing.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct NotePagesTests {
    @Test func eachSideReadsOnlyItsOwnNotes() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let op = try await browser(client, "operator")

            let usList = try await us.get(client, pw.base + "/notes")
            #expect(usList.status == .ok)
            #expect(usList.text.contains(StoreWorld.usNote))
            #expect(!usList.text.contains(StoreWorld.ruNote))
            let ruList = try await ru.get(client, pw.base + "/notes")
            #expect(ruList.status == .ok)
            #expect(ruList.text.contains(StoreWorld.ruNote))
            #expect(!ruList.text.contains("US private note"))
            let saList = try await sa.get(client, pw.base + "/notes")
            #expect(saList.status == .ok)
            #expect(!saList.text.contains("private note:"))
            #expect(try await op.get(client, pw.base + "/notes").status == .notFound)

            // The US holds NTE-1 and NTE-2, Russia only NTE-1 (private sequences).
            let usSecond = try await us.get(client, pw.base + "/notes/NTE-2")
            #expect(usSecond.status == .ok)
            #expect(usSecond.text.contains(StoreWorld.usNote + " (2)"))
            let foreign = try await ru.get(client, pw.base + "/notes/NTE-2")
            let missing = try await ru.get(client, pw.base + "/notes/NTE-99")
            let garbage = try await ru.get(client, pw.base + "/notes/IRR-1")
            let facilitator = try await sa.get(client, pw.base + "/notes/NTE-2")
            let asOperator = try await op.get(client, pw.base + "/notes/NTE-1")
            for response in [foreign, missing, garbage, facilitator, asOperator] {
                #expect(response.status == .notFound)
                #expect(response.text == missing.text)
                #expect(!response.text.contains("US private note"))
            }
            let ruFirst = try await ru.get(client, pw.base + "/notes/NTE-1")
            #expect(ruFirst.text.contains(StoreWorld.ruNote))
            #expect(!ruFirst.text.contains("US private note"))
        }
    }

    @Test func writingANoteAttachedToAnItem() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let op = try await browser(client, "operator")
            let form = pw.base + "/notes/new"
            let page = try await us.get(client, form + "?about=IRR-1")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"value="IRR-1""#))
            #expect(try await op.get(client, form).status == .notFound)

            let before = try await pw.record()
            let empty = try await us.post(client, form, [("about", "IRR-1"), ("body", "  ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(#"id="body-error""#))
            #expect(empty.text.contains(#"value="IRR-1""#))
            let badRef = try await us.post(client, form, [("about", "nonsense"), ("body", "Kept body")])
            #expect(badRef.status == .unprocessableContent)
            #expect(badRef.text.contains(#"id="about-error""#))
            #expect(badRef.text.contains("Kept body"))
            let unknownRef = try await us.post(client, form, [("about", "IRR-42"), ("body", "Kept body")])
            #expect(unknownRef.status == .unprocessableContent)
            #expect(unknownRef.text.contains(#"id="about-error""#))
            let forged = try await us.post(client, form, [("body", "Forged")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await pw.record() == before)

            let secret = "US view: watch the sanctions language"
            let written = try await us.post(client, form, [("about", "IRR-1"), ("body", secret)])
            #expect(written.status == .seeOther)
            #expect(written.headers[.location] == pw.base + "/notes/NTE-3")
            let shown = try await us.get(client, pw.base + "/notes/NTE-3")
            #expect(shown.status == .ok)
            #expect(shown.text.contains(secret))
            #expect(shown.text.contains("IRR-1"))

            let foreign = try await ru.get(client, pw.base + "/notes/NTE-3")
            let missing = try await ru.get(client, pw.base + "/notes/NTE-98")
            #expect(foreign.status == .notFound)
            #expect(foreign.text == missing.text)
            for uri in [pw.base, pw.base + "/notes", pw.base + "/irritants/IRR-1"] {
                #expect(!(try await ru.get(client, uri).text.contains(secret)))
            }
            #expect(try await us.get(client, pw.base).text.contains(secret))
        }
    }
}
