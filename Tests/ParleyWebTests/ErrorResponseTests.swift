import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyCore
import Testing

@testable import ParleyWeb

@Suite struct ErrorResponseTests {
    @Test func unmatchedPageRouteGetsParleyPage() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/definitely/not/here?x=<script>", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1 class=\"heading-l\">Page not found</h1>"))
            #expect(response.text.contains("<main class=\"main\" id=\"main\""))
            #expect(!response.text.contains("definitely"))
            #expect(!response.text.contains("<script>"))
        }
    }

    @Test func unmatchedAPIRouteGetsParleyJSON() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/no-such-thing", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let json = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            let error = try #require(json?["error"] as? [String: Any])
            #expect(error["code"] as? String == "not_found")
            #expect((error["message"] as? String)?.isEmpty == false)
            #expect(error["field"] == nil)
        }
    }

    @Test func wrongMethodGetsParleyBody() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/sign-out", method: .get)
            #expect(response.status == .notFound)
            #expect(response.text.contains("Page not found"))
        }
    }

    @Test func foreignAndMissingMechanismAnswerIdenticalBytesOnPages() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let browser = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            let cookie = headers(cookie: browser.cookieHeader)
            let own = try await client.execute(
                uri: "/mechanisms/\(TestWorld.usMechanism)",
                method: .get,
                headers: cookie
            )
            #expect(own.status == .ok)
            let foreign = try await client.execute(
                uri: "/mechanisms/\(TestWorld.otherMechanism)",
                method: .get,
                headers: cookie
            )
            let missing = try await client.execute(
                uri: "/mechanisms/33333333-3333-4333-8333-333333333333",
                method: .get,
                headers: cookie
            )
            #expect(foreign.status == .notFound)
            #expect(foreign.status == missing.status)
            #expect(foreign.headers == missing.headers)
            #expect(foreign.body == missing.body)
        }
    }

    @Test func foreignAndMissingMechanismAnswerIdenticalBytesInAPI() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let token = try await APITests.token(client, username: "us-negotiator")
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let own = try await client.execute(
                uri: "/api/v1/mechanisms/\(TestWorld.usMechanism)",
                method: .get,
                headers: auth
            )
            #expect(own.status == .ok)
            let foreign = try await client.execute(
                uri: "/api/v1/mechanisms/\(TestWorld.otherMechanism)",
                method: .get,
                headers: auth
            )
            let missing = try await client.execute(
                uri: "/api/v1/mechanisms/33333333-3333-4333-8333-333333333333",
                method: .get,
                headers: auth
            )
            #expect(foreign.status == .notFound)
            #expect(foreign.headers == missing.headers)
            #expect(foreign.body == missing.body)
        }
    }

    @Test func userTextIsEscapedAndMarkedAuto() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let browser = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            let page = try await client.execute(
                uri: "/mechanisms",
                method: .get,
                headers: headers(cookie: browser.cookieHeader)
            )
            #expect(page.text.contains("US–Russia consultations &lt;b&gt;"))
            #expect(!page.text.contains("consultations <b>"))
            #expect(page.text.contains("dir=\"auto\">US–Russia"))
            #expect(!page.text.contains("Another mechanism"))
        }
    }

    @Test func refusalsMapToOneStatusEach() {
        #expect(WebError(Refusal.notVisible) == WebError.notFound)
        #expect(WebError(Refusal.forbidden("only a lead may")).status == .forbidden)
        #expect(WebError(Refusal.conflict("withdrawn")).status == .conflict)
        let invalid = WebError(Refusal.invalid("title", "Enter a title"))
        #expect(invalid.status == .unprocessableContent)
        #expect(invalid.field == "title")
        #expect(Set(WebError.Code.allCases.map { WebError($0, "x").status }).count > 8)
    }
}
