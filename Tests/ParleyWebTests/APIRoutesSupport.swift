// Helpers for the JSON API route tests: a bearer token per demo-like account of PagesWorld and
// one call to send JSON with it.

import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

/// A script calling the API with one account's token.
struct APIUser {
    var username: String
    var token: String

    static func signIn(_ client: some TestClientProtocol, _ username: String) async throws -> APIUser {
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
        #expect(response.status == .created)
        let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        return APIUser(username: username, token: try #require(object?["token"] as? String))
    }

    /// Sends `json` (an object, or raw text when a String) with this user's token.
    func call(
        _ client: some TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ uri: String,
        _ json: Any? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            if let raw = json as? String {
                body = ByteBuffer(string: raw)
            } else {
                body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            }
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body)
    }
}

extension TestResponse {
    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    /// `error.code` and `error.field` of an error body.
    var apiError: (code: String?, field: String?) {
        let error = object["error"] as? [String: Any]
        return (error?["code"] as? String, error?["field"] as? String)
    }
}

extension PagesWorld {
    var api: String { "/api/v1/mechanisms/\(world.mechanism.rawValue)" }
    var otherAPI: String { "/api/v1/mechanisms/\(world.otherMechanism.rawValue)" }

    /// Every role of the matrix: both sides' negotiators, the facilitator, an observer, a
    /// lead, and the operator.
    static let roles = ["us-negotiator", "ru-negotiator", "sa-facilitator", "us-observer", "ru-lead", "operator"]
}

extension PagesWorld {
    /// A member of the delegation of `lead`'s party, added by that lead.
    func addMember(lead: String, name: String) async throws -> MemberID {
        let actor = try #require(try await world.store.account(username: lead)).actor
        let result = try await world.store.execute(
            .addMember(.init(mechanism: m, name: name, title: "Delegate", role: .member)),
            by: actor
        )
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result.entries[0])) as? [String: Any]
        return MemberID(try #require((object?["data"] as? [String: Any])?["id"] as? String))
    }
}
