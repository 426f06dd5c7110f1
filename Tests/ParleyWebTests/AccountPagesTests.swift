// The account page over a real store: it shows the signed-in account; a change of password
// needs the current one and a repeated new one, and ends the account's other sessions but not
// this one; API tokens are shown once, listed by label, and revoked; every form needs the
// session's CSRF token, and bad input changes nothing.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import Testing

@testable import ParleyWeb

@Suite struct AccountPagesTests {
    /// GET /api/v1/me with `token`.
    static func me(_ client: some TestClientProtocol, _ token: String) async throws -> HTTPResponse.Status {
        try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]).status
    }

    @Test func showsTheAccountAndManagesTokens() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let page = try await us.get(client, "/account")
            #expect(page.status == .ok)
            #expect(page.text.contains("us-negotiator"))
            #expect(page.text.contains("United States"))
            #expect(page.text.contains("You have no API tokens."))

            let empty = try await us.post(client, "/account/tokens", [("label", "  ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("Enter what the token is for"))
            let forged = try await us.post(client, "/account/tokens", [("label", "forged")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(!(try await us.get(client, "/account")).text.contains("forged"))

            let made = try await us.post(client, "/account/tokens", [("label", "weekly audit")])
            #expect(made.status == .created)
            let range = try #require(made.text.range(of: "parley_"))
            let token = String(made.text[range.lowerBound...].prefix { $0 != "<" })
            #expect(try await Self.me(client, token) == .ok)
            let listed = try await us.get(client, "/account")
            #expect(listed.text.contains("weekly audit"))
            #expect(!listed.text.contains(token))

            // Another account cannot revoke it: the same answer as a token that does not exist.
            let hash = SecureBytes.sha256Hex(token)
            let ru = try await browser(client, "ru-negotiator")
            #expect(try await ru.post(client, "/account/tokens/revoke", [("token", hash)]).status == .notFound)
            #expect(
                try await us.post(client, "/account/tokens/revoke", [("token", hash)], csrf: false).status == .forbidden
            )
            #expect(try await Self.me(client, token) == .ok)

            let revoked = try await us.post(client, "/account/tokens/revoke", [("token", hash)])
            #expect(revoked.status == .seeOther)
            #expect(try await Self.me(client, token) == .unauthorized)
            #expect(!(try await us.get(client, "/account")).text.contains("weekly audit"))
        }
    }

    @Test func changingThePasswordEndsOtherSessionsOnly() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let here = try await browser(client, "us-negotiator")
            let elsewhere = try await browser(client, "us-negotiator")
            let other = try await browser(client, "ru-negotiator")
            let new = "a new password for the test"

            let refusals: [([(String, String)], String)] = [
                ([("current", "wrong password"), ("new", new), ("repeat", new)], "Your current password is not right"),
                ([("current", StoreWorld.password), ("new", "short"), ("repeat", "short")], "at least 10 characters"),
                ([("current", StoreWorld.password), ("new", new), ("repeat", new + "!")], "Repeat the new password"),
                ([("current", ""), ("new", new), ("repeat", new)], "Enter your current password"),
            ]
            for (fields, message) in refusals {
                let response = try await here.post(client, "/account/password", fields)
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains(message))
                #expect(!response.text.contains(new))
            }
            let forged = try await here.post(
                client,
                "/account/password",
                [("current", StoreWorld.password), ("new", new), ("repeat", new)],
                csrf: false
            )
            #expect(forged.status == .forbidden)
            #expect(try await elsewhere.get(client, "/account").status == .ok)

            let changed = try await here.post(
                client,
                "/account/password",
                [("current", StoreWorld.password), ("new", new), ("repeat", new)]
            )
            #expect(changed.status == .seeOther)
            #expect(changed.headers[.location] == "/account?password-changed=1")
            #expect(try await here.get(client, "/account").status == .ok)
            #expect(try await elsewhere.get(client, "/account").status == .seeOther)
            #expect(try await other.get(client, "/account").status == .ok)
            #expect(try await signIn(client, username: "us-negotiator", password: StoreWorld.password).browser == nil)
            #expect(try await signIn(client, username: "us-negotiator", password: new).browser != nil)
        }
    }

    @Test func signedOutVisitorsAreSentToSignIn() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/account", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/sign-in")
        }
    }
}
