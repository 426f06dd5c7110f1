// The negotiating-text pages over a real store: the text as each viewer reads it (brackets with
// their proposers, each side's status, filters, language columns), that a facilitator reads but
// is offered no status or agreement action, that every change needs the form token and passes
// ParleyCore, that refusals come back beside the field with input kept and nothing changed,
// that private notes on clauses stay with their party, and the revisions and comparison pages.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct TextPagesTests {
    @Test func eachViewerReadsTheTextWithBracketsAndStatuses() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let app = try await tw.pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let op = try await browser(client, "operator")
            for viewer in [us, ru, sa] {
                let list = try await viewer.get(client, tw.pw.base + "/texts")
                #expect(list.status == .ok)
                #expect(list.text.contains("TXT-1"))
                #expect(list.text.contains("1 bracketed"))
                let page = try await viewer.get(client, tw.base)
                #expect(page.status == .ok)
                #expect(page.text.contains(#"<span class="bracket">[</span>"#))
                #expect(page.text.contains("Alternative A: proposed by <span dir=\"auto\">United States</span>"))
                #expect(page.text.contains("Alternative B: proposed by <span dir=\"auto\">Russia</span>"))
                #expect(page.text.contains("PP1"))
                #expect(page.text.contains("Agreed by every side"))
                #expect(page.text.contains("No ru version yet"))
                #expect(page.text.contains("clause 1 is bracketed"))
            }
            let usPage = try await us.get(client, tw.base).text
            #expect(usPage.contains("/actions/set-status?clause="))
            #expect(usPage.contains("/actions/amend?clause="))
            #expect(usPage.contains("Propose a new clause"))
            // The facilitator reads, may comment, and is offered no status or agreement action.
            let saPage = try await sa.get(client, tw.base).text
            #expect(saPage.contains("/actions/comment?clause="))
            for offered in ["set-status", "amend", "support", "compromise", "adopt", "propose-clause", "revise"] {
                #expect(!saPage.contains("/actions/\(offered)"), "facilitator offered \(offered)")
            }

            let missing = try await us.get(client, tw.pw.base + "/texts/TXT-99")
            let wrongKind = try await us.get(client, tw.pw.base + "/texts/IRR-1")
            let foreign = try await us.get(client, "/mechanisms/\(tw.pw.world.otherMechanism.rawValue)/texts/TXT-1")
            let asOperator = try await op.get(client, tw.base)
            let noClause = try await us.get(client, tw.base + "/actions/amend?clause=nope")
            let noAction = try await us.get(client, tw.base + "/actions/dance")
            for response in [missing, wrongKind, foreign, asOperator, noClause, noAction] {
                #expect(response.status == .notFound)
                #expect(response.text == missing.text)
            }
        }
    }

    @Test func filtersShowOnlyBracketedOrNotYetAgreedClauses() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let app = try await tw.pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let all = try await us.get(client, tw.base).text
            #expect(all.contains("Showing 2 of 2 clauses"))
            let bracketed = try await us.get(client, tw.base + "?bracketed=1").text
            #expect(bracketed.contains("Showing 1 of 2 clauses"))
            #expect(!bracketed.contains(TextWorld.preambleWords))
            let pending = try await us.get(client, tw.base + "?pending=1").text
            #expect(pending.contains("Showing 1 of 2 clauses"))
            #expect(pending.contains(TextWorld.usWords))
            let sa = try await browser(client, "sa-facilitator")
            #expect(!(try await sa.get(client, tw.base).text.contains("Only clauses your side has not agreed")))
        }
    }

    @Test func actionsNeedTheTokenPassCoreAndKeepInputOnRefusal() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let app = try await tw.pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let clause = tw.bracketed.rawValue
            let amend = tw.base + "/actions/amend"

            var before = try await tw.pw.record()
            let forged = try await us.post(client, amend, [("clause", clause), ("wording", "x")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await tw.pw.record() == before)

            let form = try await us.get(client, amend + "?clause=" + clause)
            #expect(form.status == .ok)
            #expect(form.text.contains(TextWorld.usWords))

            let empty = try await us.post(client, amend, [("clause", clause), ("wording", "   ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("There is a problem"))
            #expect(empty.text.contains(#"id="wording-error""#))
            #expect(try await tw.pw.record() == before)

            // Setting a status on words that changed since they were read is refused.
            let stale = try await us.post(
                client,
                tw.base + "/actions/set-status",
                [
                    ("clause", clause), ("alternative", tw.ruAlternative.rawValue), ("status", "agreed"),
                    ("wording", "other words"),
                ]
            )
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("not the words you read"))
            #expect(try await tw.pw.record() == before)

            let badStatus = try await us.post(
                client,
                tw.base + "/actions/set-status",
                [
                    ("clause", clause), ("alternative", tw.ruAlternative.rawValue), ("status", "maybe"),
                    ("wording", TextWorld.ruWords),
                ]
            )
            #expect(badStatus.status == .unprocessableContent)
            #expect(badStatus.text.contains(#"id="status""#))

            // A facilitator holds no agreement state: refused, nothing changed.
            let facilitator = try await sa.post(
                client,
                tw.base + "/actions/set-status",
                [
                    ("clause", clause), ("alternative", tw.ruAlternative.rawValue), ("status", "agreed"),
                    ("wording", TextWorld.ruWords),
                ]
            )
            #expect(facilitator.status == .forbidden)
            #expect(facilitator.text.contains("Facilitators hold no agreement state on texts"))
            #expect(try await tw.pw.record() == before)

            let amended = try await us.post(
                client,
                amend,
                [("clause", clause), ("wording", "The sides will restore their missions.")]
            )
            #expect(amended.status == .seeOther)
            #expect(amended.headers[.location]?.hasPrefix(tw.base + "#clause-") == true)
            #expect(try await tw.current().clause(tw.bracketed)?.liveAlternatives.count == 3)

            before = try await tw.pw.record()
            let agreed = try await us.post(
                client,
                tw.base + "/actions/set-status",
                [
                    ("clause", clause), ("alternative", tw.ruAlternative.rawValue), ("status", "agreed"),
                    ("wording", TextWorld.ruWords),
                ]
            )
            #expect(agreed.status == .seeOther)
            #expect(try await tw.pw.record() != before)
            #expect(try await tw.current().clause(tw.bracketed)?.status(of: tw.pw.world.us) == .agreed)

            let commented = try await sa.post(
                client,
                tw.base + "/actions/comment",
                [("clause", clause), ("body", "The host can offer a room for the experts.")]
            )
            #expect(commented.status == .seeOther)
            #expect(try await us.get(client, tw.base).text.contains("The host can offer a room for the experts."))
        }
    }

    @Test func aCompromiseAgreedByBothClosesTheBracketAndTheTextIsAdopted() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let app = try await tw.pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let usLead = try await browser(client, "us-lead")
            let clause = tw.bracketed.rawValue
            let words = "The sides will fully restore the functioning of their missions."
            let compromise = try await us.post(
                client,
                tw.base + "/actions/compromise",
                [
                    ("clause", clause), ("merging", tw.usAlternative.rawValue), ("merging", tw.ruAlternative.rawValue),
                    ("wording", words),
                ]
            )
            #expect(compromise.status == .seeOther)
            // Russia's alternative stays live until Russia joins the compromise's credit.
            let merged = try #require(try await tw.current().clause(tw.bracketed)?.alternatives.last)
            #expect(merged.isCompromise)
            #expect(try await tw.current().clause(tw.bracketed)?.isBracketed == true)
            let supported = try await ru.post(
                client,
                tw.base + "/actions/support",
                [("clause", clause), ("alternative", merged.id.rawValue)]
            )
            #expect(supported.status == .seeOther)
            #expect(try await tw.current().clause(tw.bracketed)?.isBracketed == false)
            for viewer in [us, ru] {
                let r = try await viewer.post(
                    client,
                    tw.base + "/actions/set-status",
                    [("clause", clause), ("alternative", merged.id.rawValue), ("status", "agreed"), ("wording", words)]
                )
                #expect(r.status == .seeOther)
            }
            // A negotiator is not offered adoption; the lead is, and adopts.
            #expect(!(try await us.get(client, tw.base).text.contains("/actions/adopt")))
            let page = try await usLead.get(client, tw.base).text
            #expect(page.contains("/actions/adopt"))
            let adoptForm = try await usLead.get(client, tw.base + "/actions/adopt")
            let revision = try await tw.current().revision
            #expect(adoptForm.text.contains(#"name="revision" value="\#(revision)""#))
            let old = try await usLead.post(client, tw.base + "/actions/adopt", [("revision", String(revision - 1))])
            #expect(old.status == .conflict)
            let adopted = try await usLead.post(client, tw.base + "/actions/adopt", [("revision", String(revision))])
            #expect(adopted.status == .seeOther)
            let after = try await tw.current()
            #expect(after.status == .adopted)
            let signing = try await usLead.get(client, tw.base).text
            #expect(signing.contains("/actions/record-signature"))
            let signed = try await usLead.post(
                client,
                tw.base + "/actions/record-signature",
                [("canonicalHash", after.adoptedHash ?? "")]
            )
            #expect(signed.status == .seeOther)
            #expect(try await tw.current().signatures.count == 1)
        }
    }

    @Test func privateNotesOnClausesStayWithTheirParty() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let app = try await tw.pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let body = "US private: hold firm on the missions clause"
            let written = try await us.post(
                client,
                tw.base + "/actions/note",
                [("clause", tw.bracketed.rawValue), ("body", body)]
            )
            #expect(written.status == .seeOther)
            let notePage = try #require(written.headers[.location])
            #expect(notePage.hasPrefix(tw.pw.base + "/notes/NTE-"))
            let note = try await us.get(client, notePage)
            #expect(note.text.contains(tw.base + "#clause-" + tw.bracketed.rawValue))
            #expect(try await ru.get(client, notePage).status == .notFound)
            #expect(try await us.get(client, tw.base).text.contains(body))
            #expect(!(try await ru.get(client, tw.base).text.contains(body)))
        }
    }

    @Test func revisionsChartAndWordLevelComparison() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let app = try await tw.pw.world.application()
        try await app.test(.router) { client in
            let ru = try await browser(client, "ru-negotiator")
            let revised = try await ru.post(
                client,
                tw.base + "/actions/revise",
                [
                    ("clause", tw.bracketed.rawValue), ("alternative", tw.ruAlternative.rawValue),
                    ("wording", "The sides will restore their embassies in full."),
                ]
            )
            #expect(revised.status == .seeOther)
            let latest = try await tw.current().revision
            let revisions = try await ru.get(client, tw.base + "/revisions")
            #expect(revisions.status == .ok)
            #expect(revisions.text.contains("<svg"))
            #expect(revisions.text.contains("<polyline points=\""))
            #expect(revisions.text.contains("Revision \(latest)"))
            let compare = try await ru.get(client, tw.base + "/compare?from=\(latest - 1)&to=\(latest)")
            #expect(compare.status == .ok)
            #expect(compare.text.contains("<del>missions</del>"))
            #expect(compare.text.contains("<ins>embassies</ins>"))
            // One revised clause: the count agrees in number with its noun.
            #expect(compare.text.contains("<p>1 clause changed. "))
            let earlier = try await ru.get(client, tw.base + "?revision=1")
            #expect(earlier.status == .ok)
            #expect(earlier.text.contains("You are reading revision 1"))
            #expect(!earlier.text.contains("/actions/"))
            for bad in ["?from=abc", "?from=0&to=1", "?from=1&to=\(latest + 1)"] {
                let r = try await ru.get(client, tw.base + "/compare" + bad)
                #expect(r.status == .badRequest)
            }
        }
    }

    @Test func startingATextKeepsInputAndNamesTheField() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let app = try await tw.pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            #expect(try await us.get(client, tw.pw.base + "/texts/new").status == .ok)
            #expect(try await sa.get(client, tw.pw.base + "/texts/new").status == .forbidden)
            let before = try await tw.pw.record()
            let bad = try await us.post(
                client,
                tw.pw.base + "/texts/new",
                [("title", ""), ("kind", "communique"), ("workingLanguage", "en"), ("otherLanguages", "en, fr")]
            )
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains(#"id="title-error""#))
            #expect(bad.text.contains(#"id="otherLanguages-error""#))
            #expect(bad.text.contains(#"value="en, fr""#))
            #expect(try await tw.pw.record() == before)
            let good = try await us.post(
                client,
                tw.pw.base + "/texts/new",
                [("title", "Communiqué"), ("kind", "communique"), ("workingLanguage", "en"), ("otherLanguages", "fr")]
            )
            #expect(good.status == .seeOther)
            #expect(good.headers[.location] == tw.pw.base + "/texts/TXT-2")
        }
    }

    @Test func exportsPrintPlainAndAkomaNtoso() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let app = try await tw.pw.world.application()
        try await app.test(.router) { client in
            let ru = try await browser(client, "ru-negotiator")
            let print = try await ru.get(client, tw.base + "/print")
            #expect(print.status == .ok)
            #expect(print.text.contains("parley-print"))
            #expect(print.text.contains(#"<li id="fn-1" value="1" dir="auto">Proposed by United States"#))
            #expect(print.text.contains("[" + TextWorld.ruWords + "]"))
            let plain = try await ru.get(client, tw.base + "/plain")
            #expect(plain.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(plain.text.contains("[" + TextWorld.usWords + "] (United States, "))
            let akn = try await ru.get(client, tw.base + "/akn")
            #expect(akn.headers[.contentType] == "application/akn+xml; charset=utf-8")
            #expect(akn.text.contains("<statement name=\"jointStatement\">"))
            let css = try await ru.get(client, "/static/parley-print.css")
            #expect(css.status == .ok)
            #expect(css.text.contains("size: A4"))
        }
    }
}
