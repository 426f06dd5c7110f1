// The commitment pages over a real store: sides record commitments; the register groups them by
// status; fulfilment is confirmed only by the leads of the other sides and a lapse only by a lead
// after the due date — each action offered exactly to those ParleyCore allows it.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct CommitmentPagesTests {
    let usOwned: [(String, String)] = [
        ("text", "Restore embassy staffing"), ("source", "MTG-1"), ("due", "2025-03-01"),
    ]

    @Test func recordingKeepsInputOnErrorsAndEveryoneReadsTheRegister() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")
            let op = try await browser(client, "operator")
            let form = pw.base + "/commitments/new"
            #expect(try await us.get(client, form).status == .ok)
            #expect(try await sa.get(client, form).status == .forbidden)
            #expect(try await observer.get(client, form).status == .forbidden)

            let fields = usOwned + [("owner", pw.world.us.rawValue)]
            let before = try await pw.record()
            #expect(try await sa.post(client, form, fields).status == .forbidden)
            #expect(try await us.post(client, form, fields, csrf: false).status == .forbidden)
            let badDue = try await us.post(client, form, fields.map { $0.0 == "due" ? ($0.0, "March") : $0 })
            #expect(badDue.status == .unprocessableContent)
            #expect(badDue.text.contains(#"id="due-error""#))
            #expect(badDue.text.contains("Restore embassy staffing"))
            let badSource = try await us.post(client, form, fields.map { $0.0 == "source" ? ($0.0, "IRR-1") : $0 })
            #expect(badSource.status == .unprocessableContent)
            #expect(badSource.text.contains(#"id="source-error""#))
            let facilitatorOwned = try await us.post(
                client,
                form,
                fields.map { $0.0 == "owner" ? ($0.0, pw.facilitator.rawValue) : $0 }
            )
            #expect(facilitatorOwned.status == .unprocessableContent)
            #expect(facilitatorOwned.text.contains("facilitators hold no commitments"))
            let noText = try await us.post(client, form, fields.map { $0.0 == "text" ? ($0.0, "") : $0 })
            #expect(noText.status == .unprocessableContent)
            #expect(noText.text.contains(#"id="text-error""#))
            #expect(try await pw.record() == before)

            let recorded = try await us.post(client, form, fields)
            #expect(recorded.status == .seeOther)
            #expect(recorded.headers[.location] == pw.base + "/commitments/CMT-1")
            for viewer in [us, ru, sa, observer] {
                let list = try await viewer.get(client, pw.base + "/commitments")
                #expect(list.status == .ok)
                #expect(list.text.contains(#"href="\#(pw.base)/commitments/CMT-1""#))
                #expect(list.text.contains(#"id="fulfilled""#))
                let detail = try await viewer.get(client, pw.base + "/commitments/CMT-1")
                #expect(detail.status == .ok)
                #expect(detail.text.contains("Restore embassy staffing"))
                #expect(detail.text.contains(#"href="\#(pw.base)/meetings/MTG-1""#))
                // A US commitment is confirmed by Russia alone.
                #expect(detail.text.contains("Not confirmed"))
                #expect(detail.text.components(separatedBy: "<td dir=\"auto\">United States</td>").count == 1)
            }
            let missing = try await us.get(client, pw.base + "/commitments/CMT-99")
            expectAllNotFound(
                [
                    try await us.get(client, pw.base + "/commitments/NTE-1"),
                    try await ru.get(client, pw.base + "/commitments/NTE-2"),
                    try await us.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)/commitments/CMT-1"),
                    try await op.get(client, pw.base + "/commitments/CMT-1"),
                    try await op.get(client, pw.base + "/commitments"),
                ],
                like: missing
            )
        }
    }

    @Test func onlyTheOtherSidesLeadConfirmsFulfilment() async throws {
        let pw = try await PagesWorld.make()
        try await pw.execute(
            .recordCommitment(
                .init(mechanism: pw.m, text: "Restore embassy staffing", owner: .party(pw.world.us), source: nil)
            ),
            as: "us-negotiator"
        )
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let usLead = try await browser(client, "us-lead")
            let ruLead = try await browser(client, "ru-lead")
            let page = pw.base + "/commitments/CMT-1"
            let action = page + "/confirm"
            let before = try await pw.record()
            for viewer in [ru, sa, usLead] {
                #expect(!(try await viewer.get(client, page).text.contains("Confirm fulfilment")))
            }
            #expect(try await ru.post(client, action).status == .forbidden)
            #expect(try await sa.post(client, action).status == .forbidden)
            let own = try await usLead.post(client, action)
            #expect(own.status == .forbidden)
            #expect(
                own.text.contains("your side&#39;s own commitment") || own.text.contains("your side's own commitment")
            )
            #expect(try await ruLead.post(client, action, csrf: false).status == .forbidden)
            #expect(try await pw.record() == before)
            // No due date: it cannot lapse, and nobody is offered it.
            #expect(!(try await ruLead.get(client, page).text.contains("Mark this commitment lapsed")))
            #expect(try await ruLead.post(client, page + "/lapse").status == .conflict)

            #expect(try await ruLead.get(client, page).text.contains("Confirm fulfilment for your side"))
            let confirmed = try await ruLead.post(client, action)
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.headers[.location] == page)
            let after = try await ruLead.get(client, page).text
            #expect(after.contains(">Fulfilled<"))
            #expect(after.contains(">Confirmed<"))
            #expect(!after.contains("Confirm fulfilment for your side"))
            #expect(try await ruLead.post(client, action).status == .conflict)
            #expect(try await ruLead.post(client, page + "/explode").status == .notFound)
        }
    }

    @Test func aLeadMarksAnOverdueCommitmentLapsed() async throws {
        let pw = try await PagesWorld.make()
        try await pw.execute(
            .recordCommitment(
                .init(
                    mechanism: pw.m,
                    text: "Appoint ambassadors",
                    owner: .allSides,
                    source: Reference(kind: .meeting, number: 1),
                    due: CalendarDay("2025-03-01")
                )
            ),
            as: "ru-negotiator"
        )
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let usLead = try await browser(client, "us-lead")
            let observer = try await browser(client, "us-observer")
            let page = pw.base + "/commitments/CMT-1"
            // All sides undertook it: both sides confirm, and a lead of either may mark the lapse.
            let detail = try await usLead.get(client, page).text
            #expect(detail.contains("Confirm fulfilment for your side"))
            #expect(detail.contains("Mark this commitment lapsed"))
            #expect(!(try await us.get(client, page).text.contains("Mark this commitment lapsed")))
            #expect(try await us.post(client, page + "/lapse").status == .forbidden)
            #expect(try await observer.post(client, page + "/lapse").status == .forbidden)

            let lapsed = try await usLead.post(client, page + "/lapse", [("reason", "Not done in time")])
            #expect(lapsed.status == .seeOther)
            let after = try await usLead.get(client, page).text
            #expect(after.contains(">Lapsed<"))
            #expect(!after.contains("What you can do"))
            let list = try await us.get(client, pw.base + "/commitments").text
            #expect(list.contains(#"id="lapsed""#))
            #expect(list.contains("Appoint ambassadors"))
        }
    }
}
