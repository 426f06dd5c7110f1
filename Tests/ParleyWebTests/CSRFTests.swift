import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ParleyWeb

@Suite struct CSRFTests {
    @Test func signOutWithoutTokenIsRefusedAndChangesNothing() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let browser = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            let missing = try await client.execute(
                uri: "/sign-out",
                method: .post,
                headers: headers(cookie: browser.cookieHeader, form: true),
                body: formBody([])
            )
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("This form has expired"))
            let forged = try await client.execute(
                uri: "/sign-out",
                method: .post,
                headers: headers(cookie: browser.cookieHeader, form: true),
                body: formBody([("csrf", String(browser.csrf.reversed()))])
            )
            #expect(forged.status == .forbidden)
            #expect(await world.sessions.count == 1)
            let still = try await client.execute(
                uri: "/mechanisms",
                method: .get,
                headers: headers(cookie: browser.cookieHeader)
            )
            #expect(still.status == .ok)
        }
    }

    @Test func anotherSessionsTokenDoesNotWork() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let us = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            let ru = try #require(
                try await signIn(client, username: "ru-negotiator", password: TestWorld.password).browser
            )
            #expect(us.csrf != ru.csrf)
            let response = try await client.execute(
                uri: "/sign-out",
                method: .post,
                headers: headers(cookie: us.cookieHeader, form: true),
                body: formBody([("csrf", ru.csrf)])
            )
            #expect(response.status == .forbidden)
            #expect(await world.sessions.count == 2)
        }
    }

    @Test func signInFormNeedsItsOwnToken() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let form = try await client.execute(uri: "/sign-in", method: .get)
            let nonce = try #require(form.cookieValue("parley_signin"))
            let credentials = [("username", "us-negotiator"), ("password", TestWorld.password)]
            // No token, a token for another nonce, and no nonce cookie: all refused, no session made.
            let noToken = try await client.execute(
                uri: "/sign-in",
                method: .post,
                headers: headers(cookie: "parley_signin=\(nonce)", form: true),
                body: formBody(credentials)
            )
            #expect(noToken.status == .forbidden)
            let other = SignInFormTokens(secret: TestWorld.secret).token(forNonce: SecureBytes.token())
            let wrongToken = try await client.execute(
                uri: "/sign-in",
                method: .post,
                headers: headers(cookie: "parley_signin=\(nonce)", form: true),
                body: formBody([("csrf", other)] + credentials)
            )
            #expect(wrongToken.status == .forbidden)
            let noCookie = try await client.execute(
                uri: "/sign-in",
                method: .post,
                headers: formHeaders,
                body: formBody([("csrf", try #require(form.csrfField))] + credentials)
            )
            #expect(noCookie.status == .forbidden)
            #expect(await world.sessions.count == 0)
        }
    }

    @Test func postsThatAreNotFormsAreRefused() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let browser = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            var fields = headers(cookie: browser.cookieHeader)
            fields[.contentType] = "application/json"
            let response = try await client.execute(
                uri: "/sign-out",
                method: .post,
                headers: fields,
                body: ByteBuffer(string: #"{"csrf":"\#(browser.csrf)"}"#)
            )
            #expect(response.status == .forbidden)
            #expect(await world.sessions.count == 1)
        }
    }

    @Test func everyFormOnASignedInPageCarriesTheToken() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let browser = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            let html = try await client.execute(
                uri: "/mechanisms",
                method: .get,
                headers: headers(cookie: browser.cookieHeader)
            ).text
            let forms = html.components(separatedBy: "<form").count - 1
            let tokens = html.components(separatedBy: "name=\"csrf\" value=\"\(browser.csrf)\"").count - 1
            #expect(forms >= 1)
            #expect(forms == tokens)
        }
    }

    @Test func constantTimeComparison() {
        #expect(SecureBytes.constantTimeEquals("abc", "abc"))
        #expect(!SecureBytes.constantTimeEquals("abc", "abd"))
        #expect(!SecureBytes.constantTimeEquals("abc", "abcd"))
        #expect(!SecureBytes.constantTimeEquals("", "a"))
    }
}
