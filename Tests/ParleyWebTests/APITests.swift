import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ParleyWeb

@Suite struct APITests {
    static let json: HTTPFields = [.contentType: "application/json"]

    static func body(_ object: [String: String]) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    static func errorCode(_ response: TestResponse) throws -> (code: String?, field: String?) {
        let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        return (error?["code"] as? String, error?["field"] as? String)
    }

    /// A fresh API token for `username`.
    static func token(_ client: some TestClientProtocol, username: String) async throws -> String {
        let response = try await client.execute(
            uri: "/api/v1/auth/token",
            method: .post,
            headers: json,
            body: try body(["username": username, "password": TestWorld.password])
        )
        #expect(response.status == .created)
        let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        return try #require(object?["token"] as? String)
    }

    @Test func tokenAuthenticatesAndIsStoredHashed() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            let token = try await Self.token(client, username: "us-negotiator")
            #expect(token.hasPrefix("parley_"))
            let stored = await world.tokens.records
            #expect(stored.count == 1)
            #expect(stored.keys.first == SecureBytes.sha256Hex(token))
            #expect(!stored.keys.contains(token))

            let me = try await client.execute(
                uri: "/api/v1/me",
                method: .get,
                headers: [.authorization: "Bearer \(token)"]
            )
            #expect(me.status == .ok)
            #expect(me.text.contains(#""username":"us-negotiator""#))
            let lower = try await client.execute(
                uri: "/api/v1/me",
                method: .get,
                headers: [.authorization: "bearer \(token)"]
            )
            #expect(lower.status == .ok)
            let list = try await client.execute(
                uri: "/api/v1/mechanisms",
                method: .get,
                headers: [.authorization: "Bearer \(token)"]
            )
            #expect(list.text.contains("US–Russia consultations"))
            #expect(!list.text.contains("Another mechanism"))
        }
    }

    @Test func badOrMissingTokenIsJSON401() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            for auth in [
                nil, "Bearer parley_nonsense", "Basic dXM6cGFzcw==", "Bearer ",
                "Bearer parley_" + String(repeating: "A", count: 43),
            ] {
                let fields: HTTPFields = auth.map { [.authorization: $0] } ?? [:]
                let response = try await client.execute(uri: "/api/v1/me", method: .get, headers: fields)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="parley""#)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(try Self.errorCode(response).code == "invalid_token")
            }
        }
    }

    @Test func sessionCookieDoesNotOpenTheAPI() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let browser = try #require(
                try await signIn(client, username: "us-negotiator", password: TestWorld.password).browser
            )
            let response = try await client.execute(
                uri: "/api/v1/me",
                method: .get,
                headers: headers(cookie: browser.cookieHeader)
            )
            #expect(response.status == .unauthorized)
        }
    }

    @Test func badCredentialsAreJSON401AndThrottled() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            for _ in 0..<5 {
                let response = try await client.execute(
                    uri: "/api/v1/auth/token",
                    method: .post,
                    headers: Self.json,
                    body: try Self.body(["username": "us-negotiator", "password": "wrong"])
                )
                #expect(response.status == .unauthorized)
                #expect(try Self.errorCode(response).code == "bad_credentials")
            }
            let throttled = try await client.execute(
                uri: "/api/v1/auth/token",
                method: .post,
                headers: Self.json,
                body: try Self.body(["username": "us-negotiator", "password": TestWorld.password])
            )
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers[.retryAfter] == "30")
            #expect(try Self.errorCode(throttled).code == "too_many_attempts")
        }
    }

    @Test func malformedTokenRequestsNameTheField() async throws {
        let app = try await TestWorld().application()
        try await app.test(.router) { client in
            let missing = try await client.execute(
                uri: "/api/v1/auth/token",
                method: .post,
                headers: Self.json,
                body: try Self.body(["username": "x"])
            )
            #expect(missing.status == .unprocessableContent)
            let (code, field) = try Self.errorCode(missing)
            #expect(code == "invalid_input")
            #expect(field == "password")
            let notJSON = try await client.execute(
                uri: "/api/v1/auth/token",
                method: .post,
                headers: formHeaders,
                body: ByteBuffer(string: "username=x")
            )
            #expect(notJSON.status == .unsupportedMediaType)
            let garbage = try await client.execute(
                uri: "/api/v1/auth/token",
                method: .post,
                headers: Self.json,
                body: ByteBuffer(string: "{nope")
            )
            #expect(garbage.status == .unprocessableContent)
            #expect(try Self.errorCode(garbage).code == "invalid_input")
        }
    }

    @Test func bearerHeaderParsing() {
        #expect(BearerMiddleware.bearerToken("Bearer abc") == "abc")
        #expect(BearerMiddleware.bearerToken("BEARER  abc") == "abc")
        #expect(BearerMiddleware.bearerToken("Basic abc") == nil)
        #expect(BearerMiddleware.bearerToken("Bearer") == nil)
        #expect(BearerMiddleware.bearerToken("Bearer \t abc \t") == "abc")
        #expect(BearerMiddleware.bearerToken("Bearer  \t ") == nil)
        #expect(BearerMiddleware.bearerToken(nil) == nil)
    }
}
