// The operator's pages over a real store: the operator lands on them, sees structure and counts
// of accounts but no content, and builds a mechanism (mechanism, party, track, first account with
// a one-time password) through forms that keep the input on refusal. Everyone else gets the one
// not-found page, and the operator gets it for every page of a mechanism's content.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct OperatorPagesTests {
    @Test func theOperatorLandsOnItsPageAndReadsNoContent() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let (response, signedIn) = try await signIn(client, username: "operator", password: StoreWorld.password)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/operator")
            let op = try #require(signedIn)
            #expect(try await op.get(client, "/").headers[.location] == "/operator")

            let home = try await op.get(client, "/operator")
            #expect(home.status == .ok)
            #expect(home.text.contains("US–Russia consultations"))
            #expect(home.text.contains("Another mechanism"))
            #expect(home.text.contains("United States, Russia, Saudi Arabia"))
            #expect(home.text.contains(#"href="/operator">Mechanisms and parties"#))
            let show = try await op.get(client, pw.m.operatorHref)
            #expect(show.status == .ok)
            #expect(show.text.contains("SAU"))
            // Counts only: the United States has three accounts (negotiator, observer, lead).
            #expect(show.text.contains("<td>3</td>"))
            for html in [home.text, show.text] {
                for content in [
                    StoreWorld.usNote, StoreWorld.ruNote, PagesWorld.usReadout, PagesWorld.ruReadout, "IRR-1",
                    "Shared item", "us-negotiator", "ru-lead",
                ] {
                    #expect(!html.contains(content))
                }
            }

            let missing = try await op.get(client, "/operator/mechanisms/00000000-0000-4000-8000-000000000000")
            #expect(missing.status == .notFound)
            for page in ["", "/irritants", "/irritants/IRR-1", "/notes", "/delegation", "/delegation/accounts/new"] {
                let content = try await op.get(client, pw.base + page)
                #expect(content.status == .notFound)
                #expect(content.text == missing.text)
            }
            for username in ["us-lead", "us-negotiator", "ru-lead", "sa-facilitator"] {
                let viewer = try await browser(client, username)
                for page in ["/operator", pw.m.operatorHref, pw.m.operatorHref + "/accounts/new"] {
                    let refused = try await viewer.get(client, page)
                    #expect(refused.status == .notFound)
                    #expect(refused.text == missing.text)
                }
                let home = try await viewer.get(client, "/mechanisms")
                #expect(!home.text.contains(#"href="/operator""#))
            }
        }
    }

    @Test func theOperatorBuildsAMechanismThroughTheForms() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let store = pw.world.store
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let op = try await browser(client, "operator")
            let usLead = try await browser(client, "us-lead")
            let count = try await store.allMechanisms().count

            let noTitle = try await op.post(
                client,
                "/operator/mechanisms",
                [("title", ""), ("contactCadenceDays", "30")]
            )
            #expect(noTitle.status == .unprocessableContent)
            #expect(noTitle.text.contains(##"href="#title""##))
            #expect(noTitle.text.contains(#"value="30""#))
            let badCadence = try await op.post(
                client,
                "/operator/mechanisms",
                [("title", "Kept <title>"), ("contactCadenceDays", "monthly")]
            )
            #expect(badCadence.status == .unprocessableContent)
            #expect(badCadence.text.contains(##"href="#contactCadenceDays""##))
            #expect(badCadence.text.contains("Kept &lt;title&gt;"))
            #expect(
                try await op.post(client, "/operator/mechanisms", [("title", "X")], csrf: false).status == .forbidden
            )
            #expect(try await usLead.post(client, "/operator/mechanisms", [("title", "X")]).status == .notFound)
            #expect(try await store.allMechanisms().count == count)

            let opened = try await op.post(
                client,
                "/operator/mechanisms",
                [("title", "Arctic talks"), ("contactCadenceDays", "30")]
            )
            #expect(opened.status == .seeOther)
            let href = try #require(opened.headers[.location])
            #expect(href.hasPrefix("/operator/mechanisms/"))
            let m = try #require(try await store.allMechanisms().first { $0.title == "Arctic talks" })
            #expect(href == m.id.operatorHref)
            #expect(m.contactCadenceDays == 30)

            #expect(try await op.get(client, href + "/parties/new").status == .ok)
            let badParty = try await op.post(
                client,
                href + "/parties/new",
                [("name", "Norway"), ("country", "NOX"), ("languages", "no, en"), ("kind", "side")]
            )
            #expect(badParty.status == .unprocessableContent)
            #expect(badParty.text.contains(##"href="#country""##))
            #expect(badParty.text.contains(#"value="no, en""#))
            #expect(badParty.text.contains(#"value="side" checked"#))
            let badKind = try await op.post(
                client,
                href + "/parties/new",
                [("name", "Norway"), ("languages", "no"), ("kind", "referee")]
            )
            #expect(badKind.status == .unprocessableContent)
            #expect(badKind.text.contains(##"href="#kind""##))
            #expect(try await store.structure(of: m.id, in: nil)?.parties.isEmpty == true)
            let added = try await op.post(
                client,
                href + "/parties/new",
                [("name", "Norway"), ("country", "NOR"), ("languages", "no, en"), ("kind", "side")]
            )
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == href)
            let party = try #require(try await store.structure(of: m.id, in: nil)?.parties.first)
            #expect(party.country?.rawValue == "NOR")
            #expect(party.languages.map(\.rawValue) == ["no", "en"])

            let noTrack = try await op.post(client, href + "/tracks/new", [("title", " ")])
            #expect(noTrack.status == .unprocessableContent)
            #expect(noTrack.text.contains(##"href="#title""##))
            #expect(try await op.post(client, href + "/tracks/new", [("title", "Fisheries")]).status == .seeOther)
            #expect(try await op.get(client, href).text.contains("Fisheries"))

            let accounts = href + "/accounts/new"
            let noParty = try await op.post(client, accounts, [("username", "no-lead"), ("role", "lead")])
            #expect(noParty.status == .unprocessableContent)
            #expect(noParty.text.contains(##"href="#party""##))
            #expect(noParty.text.contains(#"value="no-lead""#))
            let badName = try await op.post(
                client,
                accounts,
                [("party", party.id.rawValue), ("username", "No Lead"), ("role", "lead")]
            )
            #expect(badName.status == .unprocessableContent)
            #expect(badName.text.contains(##"href="#username""##))
            #expect(try await store.activeAccountCounts(in: m.id).isEmpty)

            let created = try await op.post(
                client,
                accounts,
                [("party", party.id.rawValue), ("username", "no-lead"), ("role", "lead")]
            )
            #expect(created.status == .created)
            #expect(created.text.contains("Norway"))
            let password = try #require(oneTimePassword(created.text))
            #expect(try await store.activeAccountCounts(in: m.id) == [party.id: 1])
            #expect(try await op.get(client, href).text.contains("<td>1</td>"))

            let lead = try #require(try await signIn(client, username: "no-lead", password: password).browser)
            let delegation = try await lead.get(client, "/mechanisms/\(m.id.rawValue)/delegation")
            #expect(delegation.status == .ok)
            #expect(delegation.text.contains("Create an account"))
        }
    }
}
