import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyCore
import Testing

@testable import ParleyWeb

@Suite struct SignInTests {
    @Test func successSetsSessionCookieWithSafeFlags() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let (response, browser) = try await signIn(client, username: "us-negotiator", password: TestWorld.password)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/mechanisms")
            let cookie = try #require(response.setCookies["parley_session"])
            #expect(cookie.contains("; HttpOnly"))
            #expect(cookie.contains("; SameSite=Lax"))
            #expect(cookie.contains("; Path=/"))
            #expect(!cookie.contains("Secure"))
            #expect(try #require(browser).sessionCookie.count == 43)
            // The sign-in nonce is dropped once a session exists.
            #expect(response.setCookies["parley_signin"]?.contains("Max-Age=0") == true)
            #expect(await world.sessions.count == 1)
        }
    }

    @Test func behindTLSTheCookieIsSecureAndHostPrefixed() async throws {
        let world = try await TestWorld(secureCookies: true)
        let app = try await world.application()
        try await app.test(.router) { client in
            let form = try await client.execute(uri: "/sign-in", method: .get)
            let nonceCookie = try #require(form.setCookies["__Host-parley_signin"])
            #expect(nonceCookie.contains("; Secure"))
            let nonce = try #require(form.cookieValue("__Host-parley_signin"))
            let response = try await client.execute(
                uri: "/sign-in",
                method: .post,
                headers: headers(cookie: "__Host-parley_signin=\(nonce)", form: true),
                body: formBody([
                    ("csrf", try #require(form.csrfField)), ("username", "us-negotiator"),
                    ("password", TestWorld.password),
                ])
            )
            #expect(response.status == .seeOther)
            let cookie = try #require(response.setCookies["__Host-parley_session"])
            #expect(cookie.contains("; Secure"))
            #expect(cookie.contains("; HttpOnly"))
            #expect(cookie.contains("; Path=/"))
            #expect(!cookie.contains("Domain="))
            #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!] != nil)
        }
    }

    @Test func failureKeepsUsernameAndShowsErrorSummary() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let (response, browser) = try await signIn(client, username: "us-negotiator", password: "wrong password")
            #expect(browser == nil)
            #expect(response.status == .unprocessableContent)
            #expect(response.setCookies["parley_session"] == nil)
            let html = response.text
            #expect(html.contains("<title>Error: Sign in – Parley</title>"))
            #expect(html.contains("class=\"error-summary\""))
            #expect(html.contains("<a href=\"#username\">The username or password is not right."))
            #expect(html.contains("id=\"username-error\""))
            #expect(html.contains("value=\"us-negotiator\""))
            #expect(!html.contains("wrong password"))
        }
    }

    @Test func emptyFieldsAreNamedBesideEachField() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let (response, _) = try await signIn(client, username: "", password: "")
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("<a href=\"#username\">Enter your username</a>"))
            #expect(response.text.contains("<a href=\"#password\">Enter your password</a>"))
            #expect(response.text.contains("id=\"password-error\""))
        }
    }

    @Test func unknownUserAndDisabledAccountAnswerAsWrongPassword() async throws {
        let world = try await TestWorld()
        world.accounts.disable("ru-negotiator")
        let app = try await world.application()
        try await app.test(.router) { client in
            let unknown = try await signIn(client, username: "nobody", password: TestWorld.password).response
            let disabled = try await signIn(client, username: "ru-negotiator", password: TestWorld.password).response
            #expect(unknown.status == .unprocessableContent)
            #expect(disabled.status == .unprocessableContent)
            #expect(disabled.text.contains("The username or password is not right."))
        }
    }

    @Test func signOutEndsTheSession() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let browser = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            let before = try await client.execute(
                uri: "/mechanisms",
                method: .get,
                headers: headers(cookie: browser.cookieHeader)
            )
            #expect(before.status == .ok)
            #expect(before.text.contains("Signed in as <bdi dir=\"auto\">us-negotiator</bdi>"))
            let out = try await client.execute(
                uri: "/sign-out",
                method: .post,
                headers: headers(cookie: browser.cookieHeader, form: true),
                body: formBody([("csrf", browser.csrf)])
            )
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/sign-in?signed-out=1")
            #expect(out.setCookies["parley_session"]?.contains("Max-Age=0") == true)
            #expect(await world.sessions.count == 0)
            // The old cookie, replayed, no longer opens anything.
            let after = try await client.execute(
                uri: "/mechanisms",
                method: .get,
                headers: headers(cookie: browser.cookieHeader)
            )
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/sign-in")
        }
    }

    @Test func signedOutVisitorIsSentToSignIn() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            for uri in ["/mechanisms", "/mechanisms/\(TestWorld.usMechanism)", "/"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/sign-in")
            }
            let forged = try await client.execute(
                uri: "/mechanisms",
                method: .get,
                headers: headers(cookie: "parley_session=abc")
            )
            #expect(forged.headers[.location] == "/sign-in")
            #expect(forged.setCookies["parley_session"]?.contains("Max-Age=0") == true)
        }
    }

    @Test func sessionsExpireWhenIdleAndAfterTheirLifetime() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let browser = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            // Used every hour: stays alive until the 12-hour lifetime ends.
            for _ in 0..<11 {
                world.clock.advance(seconds: 3600)
                let page = try await client.execute(
                    uri: "/mechanisms",
                    method: .get,
                    headers: headers(cookie: browser.cookieHeader)
                )
                #expect(page.status == .ok)
            }
            world.clock.advance(seconds: 3600)
            let expired = try await client.execute(
                uri: "/mechanisms",
                method: .get,
                headers: headers(cookie: browser.cookieHeader)
            )
            #expect(expired.status == .seeOther)

            let second = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            world.clock.advance(seconds: 2 * 3600)
            let idle = try await client.execute(
                uri: "/mechanisms",
                method: .get,
                headers: headers(cookie: second.cookieHeader)
            )
            #expect(idle.status == .seeOther)
        }
    }

    @Test func expiredSessionsAreRemovedFromTheStore() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            _ = try #require(try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser)
            #expect(await world.sessions.count == 1)
            world.clock.advance(seconds: 13 * 3600)
            _ = try #require(try await signIn(client, username: "ru-negotiator", password: TestWorld.password).browser)
            #expect(await world.sessions.count == 1)
        }
    }

    @Test func oversizedFormIsRefusedWithParleyPage() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let big = String(repeating: "a", count: 2 << 20)
            let response = try await client.execute(
                uri: "/sign-in",
                method: .post,
                headers: formHeaders,
                body: formBody([("username", big)])
            )
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("What you sent is too large"))
        }
    }

    @Test func headRequestsAnswerLikeGet() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/sign-in", method: .head)
            #expect(response.status == .ok)
            #expect(response.headers[.contentSecurityPolicy] != nil)
        }
    }

    @Test func demoModeNamesTheDemoAccounts() async throws {
        let demo = try await TestWorld(demo: true).application()
        try await demo.test(.router) { client in
            let page = try await client.execute(uri: "/sign-in", method: .get)
            #expect(page.text.contains("Demo accounts"))
            #expect(page.text.contains("<code dir=\"auto\">us-negotiator</code>"))
        }
        let plain = try await TestWorld().application()
        try await plain.test(.router) { client in
            let page = try await client.execute(uri: "/sign-in", method: .get)
            #expect(!page.text.contains("Demo accounts"))
        }
    }

    @Test func signInPageHasLabelsLandmarksAndLanguage() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let html = try await client.execute(uri: "/sign-in", method: .get).text
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"))
            #expect(html.contains("<label class=\"label\" for=\"username\">Username</label>"))
            #expect(html.contains("<label class=\"label\" for=\"password\">Password</label>"))
            #expect(html.contains("autocomplete=\"current-password\""))
            #expect(!html.contains("<script"))
            #expect(!html.contains("style="))
        }
    }
}
