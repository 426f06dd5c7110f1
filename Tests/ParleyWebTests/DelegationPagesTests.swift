// The delegation pages over a real store: members and teams are shared, so every party reads
// every delegation; accounts are private, so a party reads only its own and another party's
// account answers exactly as a missing one; only the party's lead is offered and allowed the
// forms; refusals come back on the form with the input kept and nothing changed.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct DelegationPagesTests {
    func accountID(_ pw: PagesWorld, _ username: String) async throws -> String {
        try #require(try await pw.world.store.account(username: username)).id.rawValue
    }

    func members(_ pw: PagesWorld) async throws -> [Member] {
        try #require(try await pw.world.store.structure(of: pw.m, in: nil)).members
    }

    @Test func everyPartyReadsDelegationsAndOnlyItsOwnAccounts() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let usLead = try await browser(client, "us-lead")
            let ruLead = try await browser(client, "ru-lead")
            let page = pw.base + "/delegation"
            let add = page + "/members/new"
            let usAdded = try await usLead.post(
                client,
                add,
                [("name", "Marco Rubio"), ("title", "Secretary of State"), ("role", "head")]
            )
            #expect(usAdded.status == .seeOther)
            #expect(usAdded.headers[.location] == page)
            let ruAdded = try await ruLead.post(
                client,
                add,
                [("name", "Sergey Lavrov"), ("title", "Minister of Foreign Affairs"), ("role", "head")]
            )
            #expect(ruAdded.status == .seeOther)

            let usViewers = ["us-lead", "us-negotiator", "us-observer"]
            for username in usViewers + ["ru-lead", "ru-negotiator", "sa-facilitator"] {
                let viewer = try await browser(client, username)
                let html = try await viewer.get(client, page)
                #expect(html.status == .ok)
                #expect(html.text.contains("Marco Rubio"))
                #expect(html.text.contains("Sergey Lavrov"))
                #expect(html.text.contains("Head of delegation"))
                // Accounts are in each party's private log: the own party's only.
                let ownParty = usViewers.contains(username)
                #expect(html.text.contains("<bdi dir=\"auto\">us-observer</bdi></td>") == ownParty)
                #expect(html.text.contains("<bdi dir=\"auto\">ru-negotiator</bdi></td>") == username.hasPrefix("ru-"))
                #expect(
                    html.text.contains("<bdi dir=\"auto\">sa-facilitator</bdi></td>") == (username == "sa-facilitator")
                )
                let manages = username.hasSuffix("-lead")
                #expect(html.text.contains("Add a member") == manages)
                #expect(html.text.contains("/deactivate") == manages)
            }

            let dashboard = try await usLead.get(client, pw.base)
            #expect(dashboard.text.contains("href=\"\(page)\""))

            let op = try await browser(client, "operator")
            let missing = try await usLead.get(client, "/mechanisms/00000000-0000-4000-8000-000000000000/delegation")
            let foreign = try await usLead.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)/delegation")
            let asOperator = try await op.get(client, page)
            let operatorForm = try await op.get(client, add)
            for response in [missing, foreign, asOperator, operatorForm] {
                #expect(response.status == .notFound)
                #expect(response.text == missing.text)
            }
        }
    }

    @Test func onlyTheLeadManagesAndRefusalsKeepTheInput() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let usLead = try await browser(client, "us-lead")
            let us = try await browser(client, "us-negotiator")
            let observer = try await browser(client, "us-observer")
            let op = try await browser(client, "operator")
            let add = pw.base + "/delegation/members/new"
            let fields = [("name", "Mike Waltz"), ("title", "National Security Advisor"), ("role", "member")]
            let before = try await pw.record()

            #expect(try await usLead.get(client, add).status == .ok)
            // The policy's own reason, for each role that is not the lead.
            for (viewer, reason) in [
                (us, "Only your party&#39;s lead"), (observer, "Observers can read but not change the record"),
            ] {
                #expect(try await viewer.get(client, add).status == .forbidden)
                let refused = try await viewer.post(client, add, fields)
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains(reason))
            }
            #expect(try await op.post(client, add, fields).status == .notFound)
            #expect(try await usLead.post(client, add, fields, csrf: false).status == .forbidden)
            #expect(try await pw.record() == before)

            let empty = try await usLead.post(
                client,
                add,
                [("name", ""), ("title", "Kept <title>"), ("role", "expert")]
            )
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("There is a problem"))
            #expect(empty.text.contains(##"href="#name""##))
            #expect(empty.text.contains(#"id="name-error""#))
            #expect(empty.text.contains("Kept &lt;title&gt;"))
            #expect(empty.text.contains(#"value="expert" checked"#))
            let badRole = try await usLead.post(client, add, [("name", "A"), ("title", "B"), ("role", "boss")])
            #expect(badRole.status == .unprocessableContent)
            #expect(badRole.text.contains(##"href="#role""##))
            #expect(try await pw.record() == before)
            #expect(try await members(pw).isEmpty)

            #expect(try await usLead.post(client, add, fields).status == .seeOther)
            #expect(try await members(pw).map(\.name) == ["Mike Waltz"])
        }
    }

    @Test func correctingMembersAndFormingTeams() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let usLead = try await browser(client, "us-lead")
            let ruLead = try await browser(client, "ru-lead")
            let ru = try await browser(client, "ru-negotiator")
            let page = pw.base + "/delegation"
            _ = try await usLead.post(
                client,
                page + "/members/new",
                [("name", "Steve Witkoff"), ("title", "Special Envoy"), ("role", "member")]
            )
            let member = try #require(try await members(pw).first)
            let edit = page + "/members/" + member.id.rawValue
            let form = try await usLead.get(client, edit)
            #expect(form.status == .ok)
            #expect(form.text.contains(#"value="Special Envoy""#))

            // Members are shared, so another party's member is no secret: the policy refuses.
            let before = try await pw.record()
            for viewer in [ruLead, ru] {
                #expect(try await viewer.get(client, edit).status == .forbidden)
                let refused = try await viewer.post(client, edit, [("name", "X"), ("title", "Y"), ("role", "head")])
                #expect(refused.status == .forbidden)
            }
            let missing = try await usLead.get(client, page + "/members/00000000-0000-4000-8000-000000000000")
            #expect(missing.status == .notFound)
            #expect(try await pw.record() == before)

            let updated = try await usLead.post(
                client,
                edit,
                [("name", "Steve Witkoff"), ("title", "Special Envoy for the Middle East"), ("role", "deputy")]
            )
            #expect(updated.status == .seeOther)
            let html = try await ru.get(client, page).text
            #expect(html.contains("Special Envoy for the Middle East"))
            #expect(html.contains("Deputy head"))

            let beforeTeams = try await pw.record()
            let teams = page + "/teams/new"
            let track = try #require(try await pw.world.store.structure(of: pw.m, in: nil)?.tracks.first)
            let noMembers = try await usLead.post(
                client,
                teams,
                [("name", "High-level team"), ("track", track.id.rawValue)]
            )
            #expect(noMembers.status == .unprocessableContent)
            #expect(noMembers.text.contains(##"href="#members""##))
            #expect(noMembers.text.contains(#"value="High-level team""#))
            #expect(try await ru.post(client, teams, [("name", "T")]).status == .forbidden)
            #expect(try await pw.record() == beforeTeams)

            let formed = try await usLead.post(
                client,
                teams,
                [("name", "High-level team"), ("track", track.id.rawValue), ("members", member.id.rawValue)]
            )
            #expect(formed.status == .seeOther)
            let withTeam = try await ruLead.get(client, page).text
            #expect(withTeam.contains("High-level team"))
            #expect(withTeam.contains(track.title))
        }
    }

    @Test func accountsOfTheLeadsPartyOnlyAndForeignOnesAnswerLikeMissing() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let usLead = try await browser(client, "us-lead")
            let ruLead = try await browser(client, "ru-lead")
            let us = try await browser(client, "us-negotiator")
            let accounts = pw.base + "/delegation/accounts/"
            let observer = try await accountID(pw, "us-observer")
            let ruNegotiator = try await accountID(pw, "ru-negotiator")
            let before = try await pw.record()

            let missing = try await usLead.post(client, accounts + "00000000-0000-4000-8000-000000000000/deactivate")
            let foreign = try await usLead.post(client, accounts + ruNegotiator + "/deactivate")
            let foreignRole = try await usLead.post(client, accounts + ruNegotiator + "/role", [("role", "observer")])
            let fromRussia = try await ruLead.post(client, accounts + observer + "/deactivate")
            for response in [missing, foreign, foreignRole, fromRussia] {
                #expect(response.status == .notFound)
                #expect(response.text == missing.text)
            }
            let negotiator = try await us.post(client, accounts + observer + "/deactivate")
            #expect(negotiator.status == .forbidden)
            #expect(negotiator.text.contains("There is a problem"))
            let badRole = try await usLead.post(client, accounts + observer + "/role", [("role", "operator")])
            #expect(badRole.status == .unprocessableContent)
            #expect(try await pw.record() == before)

            let changed = try await usLead.post(client, accounts + observer + "/role", [("role", "negotiator")])
            #expect(changed.status == .seeOther)
            #expect(try await pw.world.store.account(username: "us-observer")?.role == .negotiator)
            let deactivated = try await usLead.post(client, accounts + observer + "/deactivate")
            #expect(deactivated.status == .seeOther)
            #expect(try await pw.world.store.account(username: "us-observer")?.active == false)
            let afterDeactivation = try await pw.record()
            let again = try await usLead.post(client, accounts + observer + "/deactivate")
            #expect(again.status == .conflict)
            #expect(again.text.contains("already deactivated"))
            #expect(try await pw.record() == afterDeactivation)
            // Russia's record never changed.
            #expect(try await pw.world.store.account(username: "ru-negotiator")?.active == true)
        }
    }

    @Test func aLeadOpensAnAccountWhosePasswordIsShownOnce() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let usLead = try await browser(client, "us-lead")
            let us = try await browser(client, "us-negotiator")
            let form = pw.base + "/delegation/accounts/new"
            #expect(try await usLead.get(client, form).status == .ok)
            #expect(try await us.get(client, form).status == .forbidden)
            let before = try await pw.record()
            #expect(
                try await us.post(client, form, [("username", "us-expert"), ("role", "observer")]).status
                    == .forbidden
            )
            let taken = try await usLead.post(client, form, [("username", "ru-lead"), ("role", "observer")])
            #expect(taken.status == .unprocessableContent)
            #expect(taken.text.contains(##"href="#username""##))
            #expect(taken.text.contains(#"value="ru-lead""#))
            #expect(taken.text.contains(#"value="observer" checked"#))
            #expect(!taken.text.contains("one-time password"))
            #expect(try await pw.record() == before)

            let created = try await usLead.post(client, form, [("username", "us-expert"), ("role", "observer")])
            #expect(created.status == .created)
            #expect(created.headers[.cacheControl] == "no-store")
            let password = try #require(oneTimePassword(created.text))
            #expect(password.count == 20)
            #expect(try await pw.world.store.account(username: "us-expert")?.party == pw.world.us)

            let (_, signedIn) = try await signIn(client, username: "us-expert", password: password)
            let expert = try #require(signedIn)
            let page = try await expert.get(client, pw.base + "/delegation")
            #expect(page.status == .ok)
            #expect(!page.text.contains(password))
        }
    }
}

/// The password in an account-created page.
func oneTimePassword(_ html: String) -> String? {
    guard let start = html.range(of: "<code>"),
        let end = html.range(of: "</code>", range: start.upperBound..<html.endIndex)
    else { return nil }
    return String(html[start.upperBound..<end.lowerBound])
}
