// The texts JSON API over a real store: a side creates a text and proposes a clause; every
// answer is JSON; a facilitator's status is refused; a bad body is a 422 naming the field; and a
// text of a mechanism the caller is not in answers exactly as a missing one.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyCore
import Testing

@testable import ParleyWeb

@Suite struct TextsAPITests {
    static func token(_ client: some TestClientProtocol, _ username: String) async throws -> String {
        let response = try await client.execute(
            uri: "/api/v1/auth/token",
            method: .post,
            headers: [.contentType: "application/json"],
            body: ByteBuffer(
                bytes: try JSONSerialization.data(withJSONObject: [
                    "username": username, "password": StoreWorld.password,
                ])
            )
        )
        let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        return try #require(object?["token"] as? String)
    }

    static func call(
        _ client: some TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ uri: String,
        token: String,
        json: Any? = nil
    ) async throws -> (TestResponse, [String: Any]) {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        let object = (try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]) ?? [:]
        return (response, object)
    }

    @Test func createProposeAndReadThroughTheAPI() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let app = try await tw.pw.world.application()
        try await app.test(.router) { client in
            let us = try await Self.token(client, "us-negotiator")
            let sa = try await Self.token(client, "sa-facilitator")
            let no = try await Self.token(client, "no-negotiator")
            let texts = "/api/v1/mechanisms/\(tw.pw.m.rawValue)/texts"

            let (created, body) = try await Self.call(
                client,
                .post,
                texts,
                token: us,
                json: ["title": "Communiqué", "kind": "communique", "workingLanguage": "en"]
            )
            #expect(created.status == .created)
            let text = try #require(body["text"] as? [String: Any])
            let inner = try #require(text["text"] as? [String: Any])
            #expect(inner["reference"] as? String == "TXT-2")

            let (proposed, change) = try await Self.call(
                client,
                .post,
                texts + "/TXT-2/clauses",
                token: us,
                json: ["section": "operative", "wording": "The sides met in Riyadh."]
            )
            #expect(proposed.status == .created)
            let entry = try #require((change["entries"] as? [[String: Any]])?.first)
            #expect(entry["kind"] as? String == "text.clauseProposed")
            let numbers = (change["text"] as? [String: Any])?["numbers"] as? [String: String]
            #expect(numbers?.values.contains("1") == true)

            let (bad, badBody) = try await Self.call(
                client,
                .post,
                texts + "/TXT-2/clauses",
                token: us,
                json: ["section": "somewhere", "wording": "x"]
            )
            #expect(bad.status == .unprocessableContent)
            #expect((badBody["error"] as? [String: Any])?["field"] as? String == "section")

            let (refused, refusedBody) = try await Self.call(
                client,
                .post,
                texts + "/TXT-1/clauses/\(tw.bracketed.rawValue)/status",
                token: sa,
                json: ["alternative": tw.ruAlternative.rawValue, "status": "agreed", "wording": TextWorld.ruWords]
            )
            #expect(refused.status == .forbidden)
            #expect((refusedBody["error"] as? [String: Any])?["code"] as? String == "forbidden")

            let (akn, _) = try await Self.call(client, .get, texts + "/TXT-1/akn", token: sa)
            #expect(akn.headers[.contentType] == "application/akn+xml; charset=utf-8")
            let (notAdopted, _) = try await Self.call(client, .get, texts + "/TXT-1/canonical", token: us)
            #expect(notAdopted.status == .conflict)

            let (missing, _) = try await Self.call(client, .get, texts + "/TXT-99", token: us)
            let (foreign, _) = try await Self.call(client, .get, texts + "/TXT-1", token: no)
            #expect(missing.status == .notFound)
            #expect(foreign.status == .notFound)
            #expect(foreign.text == missing.text)
        }
    }
}
