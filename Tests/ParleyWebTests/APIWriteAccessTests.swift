// Every API route that changes something × the roles that may not use it: the operator (who
// reads no content) and an unknown reference answer exactly as a missing item; an observer is
// refused; another party's private note cannot be touched. None of it appends anything.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import Testing

@testable import ParleyWeb

@Suite struct APIWriteAccessTests {
    @Test func refusedWritesChangeNothing() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await APIUser.signIn(client, "us-negotiator")
            let member = try await pw.addMember(lead: "us-lead", name: "A US delegate")
            _ = try await us.call(
                client,
                .post,
                pw.api + "/irritants/IRR-1/steps",
                ["owner": pw.world.us.rawValue, "description": "A step"]
            )
            _ = try await us.call(
                client,
                .post,
                pw.api + "/commitments",
                ["text": "A commitment", "owner": ["kind": "allSides"]]
            )
            // (method, path with REF for the item's reference, existing reference, body)
            let routes: [(HTTPRequest.Method, String, String, [String: Any])] =
                [
                    (.post, "/irritants", "", ["title": "t", "description": "d"]),
                    (.post, "/irritants/REF/steps", "IRR-1", ["owner": pw.world.us.rawValue, "description": "d"]),
                    (.put, "/steps/REF", "STP-1", ["description": "d", "status": "done"]),
                    (
                        .post, "/meetings", "",
                        [
                            "kind": "summit", "title": "t", "start": "2099-01-01T00:00:00Z", "timeZone": "UTC",
                            "durationMinutes": 60, "city": "Geneva", "country": "CHE",
                        ]
                    ),
                    (.post, "/meetings/REF/joint-summary", "MTG-1", ["summary": "s"]),
                    (.post, "/meetings/REF/outcomes", "MTG-1", ["text": "o"]),
                    (.post, "/meetings/REF/cancel", "MTG-1", [:]),
                    (.put, "/meetings/REF/minutes", "MTG-1", ["body": "m"]),
                    (
                        .post, "/contacts", "",
                        [
                            "kind": "call", "initiatedBy": pw.world.us.rawValue, "at": "2025-02-12T15:00:00Z",
                            "participants": [member.rawValue], "summary": "s",
                        ]
                    ),
                    (.post, "/commitments", "", ["text": "t", "owner": ["kind": "allSides"]]),
                    (.post, "/commitments/REF/confirm-fulfilment", "CMT-1", [:]),
                    (.post, "/commitments/REF/mark-lapsed", "CMT-1", [:]),
                    (.post, "/readouts", "", ["event": "MTG-1", "body": "b"]),
                    (.post, "/notes", "", ["body": "b"]),
                    (.put, "/notes/REF", "NTE-2", ["body": "b"]),
                    (.delete, "/notes/REF", "NTE-2", [:]),
                ] + APIIrritantsController.actions.map { (.post, "/irritants/REF/\($0)", "IRR-1", [:]) }

            let op = try await APIUser.signIn(client, "operator")
            let observer = try await APIUser.signIn(client, "us-observer")
            let ru = try await APIUser.signIn(client, "ru-negotiator")
            let missing = try await us.call(client, .get, pw.api + "/irritants/IRR-99")
            let before = try await pw.record()
            for (method, template, reference, body) in routes {
                let path = template.replacingOccurrences(of: "REF", with: reference)
                let label = "\(method) \(path)"
                let asOperator = try await op.call(client, method, pw.api + path, body)
                #expect(asOperator.status == .notFound, "operator \(label)")
                #expect(asOperator.text == missing.text, "operator \(label)")
                let asObserver = try await observer.call(client, method, pw.api + path, body)
                #expect(asObserver.status == .forbidden, "observer \(label): \(asObserver.text)")
                if !reference.isEmpty {
                    let kind = reference.prefix { $0 != "-" }
                    let unknown = template.replacingOccurrences(of: "REF", with: "\(kind)-99")
                    for user in [us, ru, observer] {
                        let response = try await user.call(client, method, pw.api + unknown, body)
                        #expect(response.status == .notFound, "\(user.username) \(method) \(unknown)")
                        #expect(response.text == missing.text)
                    }
                }
                if reference == "NTE-2" {
                    // The US holds NTE-2; Russia has no note of that number.
                    let foreign = try await ru.call(client, method, pw.api + path, body)
                    #expect(foreign.status == .notFound, "RU \(label)")
                    #expect(foreign.text == missing.text)
                }
            }
            #expect(try await pw.record() == before)
        }
    }
}
