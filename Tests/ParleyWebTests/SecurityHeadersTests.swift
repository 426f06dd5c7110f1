import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyWeb
import Testing

@Suite struct SecurityHeadersTests {
    @Test func policyForbidsInlineScriptAndFraming() {
        let csp = SecurityHeaders.contentSecurityPolicy
        #expect(csp.contains("script-src 'self'"))
        #expect(!csp.contains("unsafe-inline"))
        #expect(csp.contains("frame-ancestors 'none'"))
    }

    @Test func hstsOnlyBehindTLS() {
        #expect(SecurityHeaders.all(tls: true).map(\.name).contains("Strict-Transport-Security"))
        #expect(!SecurityHeaders.all(tls: false).map(\.name).contains("Strict-Transport-Security"))
    }

    /// Every header of `SecurityHeaders.all`, plus `no-store` unless static.
    static func expectSecurityHeaders(_ response: TestResponse, cacheable: Bool = false) {
        for (name, value) in SecurityHeaders.all(tls: false) {
            #expect(response.headers[HTTPField.Name(name)!] == value, "\(name) on \(response.status)")
        }
        if !cacheable { #expect(response.headers[.cacheControl] == "no-store") }
    }

    @Test func headersOnEveryKindOfResponse() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let ok = try await client.execute(uri: "/sign-in", method: .get)
            #expect(ok.status == .ok)
            Self.expectSecurityHeaders(ok)

            let notFound = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(notFound.status == .notFound)
            Self.expectSecurityHeaders(notFound)

            let forbidden = try await client.execute(
                uri: "/sign-in",
                method: .post,
                headers: formHeaders,
                body: formBody([("username", "x")])
            )
            #expect(forbidden.status == .forbidden)
            Self.expectSecurityHeaders(forbidden)

            let (_, browser) = try await signIn(client, username: "us-negotiator", password: TestWorld.password)
            let browserCookie = try #require(browser).cookieHeader
            let failure = try await client.execute(
                uri: "/mechanisms/explode",
                method: .get,
                headers: headers(cookie: browserCookie)
            )
            #expect(failure.status == .internalServerError)
            #expect(failure.text.contains("Sorry, there is a problem with the service"))
            Self.expectSecurityHeaders(failure)

            let apiMissing = try await client.execute(uri: "/api/v1/nothing", method: .get)
            Self.expectSecurityHeaders(apiMissing)
        }
    }

    @Test func staticFilesAreLongCachedWithTheirType() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/sign-in", method: .get)
            let href = try #require(page.text.range(of: #"href="/static/parley.css?v="#))
            #expect(!page.text[href.upperBound...].hasPrefix("\""))
            let css = try await client.execute(uri: "/static/parley.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            Self.expectSecurityHeaders(css, cacheable: true)
            #expect(css.text.contains(".error-summary"))
            let missing = try await client.execute(uri: "/static/nothing.css", method: .get)
            #expect(missing.status == .notFound)
            let traversal = try await client.execute(uri: "/static/..%2FPackage.swift", method: .get)
            #expect(traversal.status == .notFound)
        }
    }

    @Test func healthzAnswersOK() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == "ok")
        }
    }
}
