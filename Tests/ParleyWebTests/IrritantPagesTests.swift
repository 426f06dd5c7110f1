// The irritant pages over a real store: who sees which action, that every change needs the
// form token and passes ParleyCore's lifecycle and policy, that refusals come back as an error
// summary with nothing changed, and that foreign and missing irritants answer alike.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct IrritantPagesTests {
    func irritantCount(_ pw: PagesWorld) async throws -> Int {
        try await pw.world.store.items(
            .irritant,
            in: pw.m,
            scope: ReadScope(mechanisms: [pw.m], party: pw.world.us)
        ).rows.count
    }

    @Test func listAndDetailForEachViewer() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let op = try await browser(client, "operator")
            for viewer in [us, ru, sa] {
                let list = try await viewer.get(client, pw.base + "/irritants")
                #expect(list.status == .ok)
                #expect(list.text.contains("IRR-1"))
                let detail = try await viewer.get(client, pw.base + "/irritants/IRR-1")
                #expect(detail.status == .ok)
                #expect(detail.text.contains("Raised by"))
                #expect(detail.text.contains("Not confirmed"))
                #expect(!detail.text.contains("US private note"))
            }
            // Russia may acknowledge the US irritant; the US may withdraw it but not acknowledge it.
            let ruDetail = try await ru.get(client, pw.base + "/irritants/IRR-1").text
            #expect(ruDetail.contains("Acknowledge this irritant"))
            #expect(!ruDetail.contains("Withdraw this irritant"))
            let usDetail = try await us.get(client, pw.base + "/irritants/IRR-1").text
            #expect(!usDetail.contains("Acknowledge this irritant"))
            #expect(usDetail.contains("Withdraw this irritant"))
            #expect(usDetail.contains(#"name="csrf""#))
            let saDetail = try await sa.get(client, pw.base + "/irritants/IRR-1").text
            #expect(!saDetail.contains("<form method=\"post\" action=\"\(pw.base)/irritants/IRR-1/"))

            let missing = try await us.get(client, pw.base + "/irritants/IRR-99")
            let garbage = try await us.get(client, pw.base + "/irritants/NTE-1")
            let foreign = try await us.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)/irritants/IRR-1")
            let asOperator = try await op.get(client, pw.base + "/irritants/IRR-1")
            let operatorList = try await op.get(client, pw.base + "/irritants")
            for response in [missing, garbage, foreign, asOperator, operatorList] {
                #expect(response.status == .notFound)
                #expect(response.text == missing.text)
            }
        }
    }

    @Test func actionsNeedTheTokenAndFollowTheLifecycle() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let action = pw.base + "/irritants/IRR-1/acknowledge"

            var before = try await pw.record()
            let forged = try await ru.post(client, action, csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await pw.record() == before)

            let own = try await us.post(client, action)
            #expect(own.status == .forbidden)
            #expect(own.text.contains("There is a problem"))
            #expect(own.text.contains("raised by your side"))
            #expect(try await pw.record() == before)

            let facilitator = try await sa.post(client, action)
            #expect(facilitator.status == .forbidden)
            #expect(try await pw.record() == before)

            let unknown = try await ru.post(client, pw.base + "/irritants/IRR-1/explode")
            #expect(unknown.status == .notFound)

            let done = try await ru.post(client, action)
            #expect(done.status == .seeOther)
            #expect(done.headers[.location] == pw.base + "/irritants/IRR-1")
            #expect(try await ru.get(client, pw.base + "/irritants/IRR-1").text.contains("Acknowledged"))
            #expect(try await pw.record() != before)

            before = try await pw.record()
            let again = try await ru.post(client, action)
            #expect(again.status == .conflict)
            #expect(again.text.contains("There is a problem"))
            #expect(try await pw.record() == before)

            let discussion = try await us.post(client, pw.base + "/irritants/IRR-1/start-discussion")
            #expect(discussion.status == .seeOther)
            let parked = try await us.post(client, pw.base + "/irritants/IRR-1/park", [("reason", "Later")])
            #expect(parked.status == .seeOther)
            #expect(try await us.get(client, pw.base + "/irritants/IRR-1").text.contains("Reopen this irritant"))
        }
    }

    @Test func raisingKeepsInputOnErrorsAndRedirectsOnSuccess() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let op = try await browser(client, "operator")
            let form = pw.base + "/irritants/new"
            #expect(try await us.get(client, form).status == .ok)
            #expect(try await sa.get(client, form).status == .forbidden)
            #expect(try await op.get(client, form).status == .notFound)

            let before = try await pw.record()
            let count = try await irritantCount(pw)
            let bad = try await us.post(client, form, [("title", ""), ("description", "Kept <text>")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("There is a problem"))
            #expect(bad.text.contains(##"href="#title""##))
            #expect(bad.text.contains("Kept &lt;text&gt;"))
            #expect(bad.text.contains(#"id="title-error""#))
            #expect(try await pw.record() == before)

            let forged = try await us.post(client, form, [("title", "Visas"), ("description", "Delays")], csrf: false)
            #expect(forged.status == .forbidden)
            let facilitator = try await sa.post(client, form, [("title", "Visas"), ("description", "Delays")])
            #expect(facilitator.status == .forbidden)
            #expect(try await pw.record() == before)
            #expect(try await irritantCount(pw) == count)

            let raised = try await us.post(client, form, [("title", "Visas"), ("description", "Delays")])
            #expect(raised.status == .seeOther)
            #expect(raised.headers[.location] == pw.base + "/irritants/IRR-2")
            let detail = try await us.get(client, pw.base + "/irritants/IRR-2")
            #expect(detail.status == .ok)
            #expect(detail.text.contains("Visas"))
            #expect(try await irritantCount(pw) == count + 1)
        }
    }

    @Test func resolvedOnlyWhenEveryLeadConfirms() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let ru = try await browser(client, "ru-negotiator")
            let usLead = try await browser(client, "us-lead")
            let ruLead = try await browser(client, "ru-lead")
            let base = pw.base + "/irritants/IRR-1"
            #expect(try await ru.post(client, base + "/acknowledge").status == .seeOther)
            #expect(try await ru.post(client, base + "/start-discussion").status == .seeOther)

            // A negotiator is not offered, nor allowed, to confirm for the side.
            #expect(!(try await ru.get(client, base).text.contains("Confirm resolution")))
            #expect(try await ru.post(client, base + "/confirm-resolution").status == .forbidden)

            #expect(try await usLead.get(client, base).text.contains("Confirm resolution for your side"))
            #expect(try await usLead.post(client, base + "/confirm-resolution").status == .seeOther)
            let half = try await usLead.get(client, base).text
            #expect(half.contains("In discussion"))
            #expect(
                half.contains("Withdraw your side&#39;s confirmation")
                    || half.contains("Withdraw your side's confirmation")
            )
            #expect(half.components(separatedBy: ">Confirmed<").count - 1 == 1)

            #expect(try await ruLead.post(client, base + "/confirm-resolution").status == .seeOther)
            let resolved = try await ruLead.get(client, base).text
            #expect(resolved.contains(">Resolved<"))
            #expect(resolved.components(separatedBy: ">Confirmed<").count - 1 == 2)
            #expect(resolved.contains("Reopen this irritant"))
        }
    }
}
