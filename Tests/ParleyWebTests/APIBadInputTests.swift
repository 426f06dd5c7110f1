// Bad input to the JSON API: a body that is not JSON, not sent as JSON, with a field of the
// wrong type, missing, too long, or naming something that does not exist — each answers a 4xx
// JSON error naming the field, and nothing is appended to any log.

import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyCore
import Testing

@testable import ParleyWeb

@Suite struct APIBadInputTests {
    @Test func badBodiesAreRefusedAndChangeNothing() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await APIUser.signIn(client, "us-negotiator")
            let long = String(repeating: "x", count: 201)
            let us0 = pw.world.us.rawValue
            // (path, body, expected status, expected field)
            let cases: [(String, Any, HTTPResponse.Status, String?)] = [
                ("/irritants", "{", .unprocessableContent, nil),
                ("/irritants", "[]", .unprocessableContent, nil),
                ("/irritants", ["title": 5, "description": "d"], .unprocessableContent, "title"),
                ("/irritants", ["description": "d"], .unprocessableContent, "title"),
                ("/irritants", ["title": long, "description": "d"], .unprocessableContent, "title"),
                ("/irritants", ["title": "   ", "description": "d"], .unprocessableContent, "title"),
                (
                    "/irritants", ["title": "t", "description": "d", "track": "no-such-track"], .unprocessableContent,
                    "track"
                ),
                ("/irritants/IRR-1/steps", ["owner": "nobody", "description": "d"], .unprocessableContent, "owner"),
                (
                    "/irritants/IRR-1/steps", ["owner": us0, "description": "d", "due": "soon"], .unprocessableContent,
                    "due"
                ),
                ("/irritants/IRR-1/park", ["reason": 7], .unprocessableContent, "reason"),
                ("/meetings", ["kind": "picnic"], .unprocessableContent, "kind"),
                (
                    "/meetings",
                    [
                        "kind": "summit", "title": "t", "start": "2025-02-18 09:00", "timeZone": "UTC",
                        "durationMinutes": 60, "city": "c", "country": "SAU",
                    ], .unprocessableContent, "start"
                ),
                (
                    "/meetings",
                    [
                        "kind": "summit", "title": "t", "start": "2025-02-18T09:00:00Z", "timeZone": "UTC",
                        "durationMinutes": 60, "city": "c", "country": "SAU", "agenda": ["IRR-99"],
                    ], .unprocessableContent, "agenda[0]"
                ),
                ("/meetings/MTG-1/joint-summary", [:], .unprocessableContent, "summary"),
                (
                    "/contacts",
                    [
                        "kind": "call", "initiatedBy": us0, "at": "2025-02-12T15:00:00Z", "summary": "s",
                        "durationMinutes": "long",
                    ],
                    .unprocessableContent, "durationMinutes"
                ),
                ("/commitments", ["text": "t", "owner": ["kind": "everyone"]], .unprocessableContent, "owner.kind"),
                ("/readouts", ["event": "MTG-99", "body": "b"], .unprocessableContent, "event"),
                ("/notes", ["body": ""], .unprocessableContent, "body"),
                ("/notes", ["body": "b", "attachedTo": "IRR-99"], .unprocessableContent, "attachedTo"),
                ("/notes/NTE-1", ["body": String(repeating: "n", count: 20_001)], .unprocessableContent, "body"),
            ]
            let before = try await pw.record()
            for (path, body, status, field) in cases {
                let method: HTTPRequest.Method = path == "/notes/NTE-1" ? .put : .post
                let response = try await us.call(client, method, pw.api + path, body)
                #expect(response.status == status, "\(path) \(body): \(response.text)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.apiError.code == "invalid_input", "\(path) \(body)")
                if let field { #expect(response.apiError.field == field, "\(path) \(body): \(response.text)") }
            }
            let notJSON = try await client.execute(
                uri: pw.api + "/irritants",
                method: .post,
                headers: [.authorization: "Bearer \(us.token)", .contentType: "text/plain"],
                body: ByteBuffer(string: "title=x")
            )
            #expect(notJSON.status == .unsupportedMediaType)
            #expect(notJSON.apiError.code == "unsupported_media_type")
            let tooLarge = try await us.call(
                client,
                .post,
                pw.api + "/notes",
                ["body": String(repeating: "a", count: 3 << 20)]
            )
            #expect(tooLarge.status == .contentTooLarge)
            #expect(try await pw.record() == before)
        }
    }
}
