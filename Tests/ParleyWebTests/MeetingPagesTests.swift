// The meeting pages over a real store: every party reads the meeting with UTC and venue time,
// the third-country flag, host and shared record; each party reads only its own minutes; the
// forms follow ParleyCore's policy (facilitators schedule and cancel, sides record summaries
// and outcomes, observers change nothing); refusals change nothing and come back on the page.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct MeetingPagesTests {
    @Test func listAndDetailForEachViewer() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")
            let op = try await browser(client, "operator")
            for viewer in [us, ru, sa, observer] {
                let list = try await viewer.get(client, pw.base + "/meetings")
                #expect(list.status == .ok)
                #expect(list.text.contains(#"href="\#(pw.base)/meetings/MTG-1""#))
                let detail = try await viewer.get(client, pw.base + "/meetings/MTG-1")
                #expect(detail.status == .ok)
                #expect(detail.text.contains("Riyadh consultations"))
                #expect(detail.text.contains("2025-02-18 09:00 UTC"))
                #expect(detail.text.contains("2025-02-18 12:00 venue time (Asia/Riyadh)"))
                #expect(detail.text.contains("Third country"))
                #expect(detail.text.contains("Saudi Arabia"))
                #expect(detail.text.contains(pw.base + "/readouts/MTG-1"))
            }
            // Sides record the summary and outcomes; the facilitator and the observer are not offered it.
            let usDetail = try await us.get(client, pw.base + "/meetings/MTG-1").text
            #expect(usDetail.contains(#"action="\#(pw.base)/meetings/MTG-1/summary""#))
            #expect(usDetail.contains(#"action="\#(pw.base)/meetings/MTG-1/minutes""#))
            // MTG-1 took place: nobody is offered to cancel it.
            #expect(!usDetail.contains("Cancel the meeting"))
            let saDetail = try await sa.get(client, pw.base + "/meetings/MTG-1").text
            #expect(!saDetail.contains("/summary\""))
            #expect(!saDetail.contains("/outcome\""))
            let observerDetail = try await observer.get(client, pw.base + "/meetings/MTG-1").text
            #expect(!observerDetail.contains("<form method=\"post\" action=\"\(pw.base)/meetings/MTG-1/"))

            let missing = try await us.get(client, pw.base + "/meetings/MTG-99")
            expectAllNotFound(
                [
                    try await us.get(client, pw.base + "/meetings/NTE-1"),
                    try await ru.get(client, pw.base + "/meetings/NTE-2"),
                    try await us.get(client, pw.base + "/meetings/mtg-1"),
                    try await us.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)/meetings/MTG-1"),
                    try await us.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)/meetings"),
                    try await op.get(client, pw.base + "/meetings/MTG-1"),
                    try await op.get(client, pw.base + "/meetings"),
                    try await op.get(client, pw.base + "/meetings/new"),
                ],
                like: missing
            )
        }
    }

    @Test func eachPartyReadsOnlyItsOwnMinutes() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")
            let minutes = "US minutes: the delegation noted the tone"
            let before = try await pw.record()
            let recorded = try await us.post(client, pw.base + "/meetings/MTG-1/minutes", [("minutes", minutes)])
            #expect(recorded.status == .seeOther)
            #expect(recorded.headers[.location] == pw.base + "/meetings/MTG-1")
            let after = try await pw.record()
            // Only the US private log grew.
            #expect(after[0] == before[0])
            #expect(after[1] != before[1])
            #expect(after[2] == before[2])

            #expect(try await us.get(client, pw.base + "/meetings/MTG-1").text.contains(minutes))
            #expect(try await observer.get(client, pw.base + "/meetings/MTG-1").text.contains(minutes))
            for viewer in [ru, sa] {
                let page = try await viewer.get(client, pw.base + "/meetings/MTG-1").text
                #expect(!page.contains("US minutes"))
                #expect(page.contains("Your party has no minutes of this meeting."))
            }
            // The observer reads its party's minutes but may not write them.
            let refused = try await observer.post(client, pw.base + "/meetings/MTG-1/minutes", [("minutes", "x")])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("There is a problem"))
            let empty = try await ru.post(client, pw.base + "/meetings/MTG-1/minutes", [("minutes", "  ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(#"id="minutes-error""#))
            #expect(try await pw.record() == after)
        }
    }

    @Test func sidesRecordTheJointSummaryAndOutcomes() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")
            let action = pw.base + "/meetings/MTG-1/summary"
            let before = try await pw.record()
            #expect(try await us.post(client, action, [("summary", "Agreed")], csrf: false).status == .forbidden)
            let facilitator = try await sa.post(client, action, [("summary", "Agreed")])
            #expect(facilitator.status == .forbidden)
            #expect(facilitator.text.contains("Facilitators schedule meetings"))
            #expect(try await observer.post(client, action, [("summary", "Agreed")]).status == .forbidden)
            let empty = try await us.post(client, action, [("summary", "")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(##"href="#summary""##))
            #expect(empty.text.contains(#"id="summary-error""#))
            let outcome = try await us.post(client, pw.base + "/meetings/MTG-1/outcome", [("outcome", "<b>")])
            #expect(outcome.status == .seeOther)
            #expect(try await pw.record() != before)

            let summarised = try await us.post(client, action, [("summary", "The sides agreed to keep talking")])
            #expect(summarised.status == .seeOther)
            for viewer in [us, ru, sa, observer] {
                let page = try await viewer.get(client, pw.base + "/meetings/MTG-1").text
                #expect(page.contains("The sides agreed to keep talking"))
                #expect(page.contains("&lt;b&gt;"))
                #expect(!page.contains("<b>"))
            }
            let unknown = try await us.post(client, pw.base + "/meetings/MTG-1/explode")
            #expect(unknown.status == .notFound)
            let missing = try await us.post(client, pw.base + "/meetings/MTG-9/summary", [("summary", "x")])
            #expect(missing.status == .notFound)
        }
    }

    @Test func schedulingKeepsInputOnErrorsAndCancellingFollowsTheRules() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")
            let form = pw.base + "/meetings/new"
            #expect(try await sa.get(client, form).status == .ok)
            #expect(try await ru.get(client, form).status == .ok)
            #expect(try await observer.get(client, form).status == .forbidden)

            var fields: [(String, String)] = [
                ("kind", "workingMeeting"), ("title", "Istanbul working meeting"), ("city", "Istanbul"),
                ("country", "TUR"), ("timeZone", "Europe/Istanbul"), ("startDate", "2030-02-27"),
                ("startTime", "10:00"), ("startZone", "venue"), ("durationMinutes", "360"),
                ("host", pw.facilitator.rawValue), ("agenda", "IRR-1"),
            ]
            let before = try await pw.record()
            let badDate = try await sa.post(
                client,
                form,
                fields.map { $0.0 == "startDate" ? ($0.0, "27/02/2030") : $0 }
            )
            #expect(badDate.status == .unprocessableContent)
            #expect(badDate.text.contains(#"id="startDate-error""#))
            #expect(badDate.text.contains(#"value="Istanbul working meeting""#))
            #expect(badDate.text.contains(#"value="27/02/2030""#))
            let badZone = try await sa.post(
                client,
                form,
                fields.map { $0.0 == "timeZone" ? ($0.0, "Mars/Olympus") : $0 }
            )
            #expect(badZone.status == .unprocessableContent)
            #expect(badZone.text.contains(#"id="timeZone-error""#))
            let badAgenda = try await sa.post(client, form, fields.map { $0.0 == "agenda" ? ($0.0, "IRR-7") : $0 })
            #expect(badAgenda.status == .unprocessableContent)
            #expect(badAgenda.text.contains("IRR-7 does not exist"))
            #expect(badAgenda.text.contains(#"id="agenda-error""#))
            let noTitle = try await sa.post(client, form, fields.map { $0.0 == "title" ? ($0.0, "") : $0 })
            #expect(noTitle.status == .unprocessableContent)
            #expect(noTitle.text.contains(#"id="title-error""#))
            #expect(try await observer.post(client, form, fields).status == .forbidden)
            #expect(try await sa.post(client, form, fields, csrf: false).status == .forbidden)
            #expect(try await pw.record() == before)

            let scheduled = try await sa.post(client, form, fields)
            #expect(scheduled.status == .seeOther)
            #expect(scheduled.headers[.location] == pw.base + "/meetings/MTG-2")
            let detail = try await ru.get(client, pw.base + "/meetings/MTG-2").text
            // 10:00 in Istanbul (UTC+3) is 07:00 UTC; Turkey is no side, so a third country.
            #expect(detail.contains("2030-02-27 07:00 UTC"))
            #expect(detail.contains("2030-02-27 10:00 venue time (Europe/Istanbul)"))
            #expect(detail.contains("Third country"))
            #expect(detail.contains(#"href="\#(pw.base)/irritants/IRR-1""#))
            #expect(detail.contains("Cancel the meeting"))
            // Before it starts there is nothing to summarise.
            #expect(!detail.contains("Record the joint summary"))

            fields[7] = ("startZone", "utc")
            #expect(try await sa.post(client, form, fields).headers[.location] == pw.base + "/meetings/MTG-3")
            #expect(try await sa.get(client, pw.base + "/meetings/MTG-3").text.contains("2030-02-27 10:00 UTC"))

            #expect(try await observer.post(client, pw.base + "/meetings/MTG-2/cancel").status == .forbidden)
            let cancelled = try await ru.post(client, pw.base + "/meetings/MTG-2/cancel", [("reason", "Postponed")])
            #expect(cancelled.status == .seeOther)
            let after = try await ru.get(client, pw.base + "/meetings/MTG-2").text
            #expect(after.contains("Cancelled"))
            #expect(!after.contains("Cancel the meeting"))
            let again = try await ru.post(client, pw.base + "/meetings/MTG-2/cancel")
            #expect(again.status == .conflict)
            #expect(again.text.contains("already cancelled"))
            let past = try await sa.post(client, pw.base + "/meetings/MTG-1/cancel")
            #expect(past.status == .conflict)
            #expect(past.text.contains("There is a problem"))
        }
    }
}
