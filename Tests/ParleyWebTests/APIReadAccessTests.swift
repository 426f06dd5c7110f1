// The JSON API's reads × every role over a real store: shared items for every party's account,
// private notes and minutes for the own party only, nothing for the operator, and another
// party's private item answering byte for byte as a missing one (DESIGN.md "Access rules").

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import Testing

@testable import ParleyWeb

@Suite struct APIReadAccessTests {
    @Test func everyReadRouteByEveryRole() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            var users: [String: APIUser] = [:]
            for role in PagesWorld.roles { users[role] = try await APIUser.signIn(client, role) }
            let us = try #require(users["us-negotiator"])
            let minutes = "US minutes: private to the United States"
            let recorded = try await us.call(client, .put, pw.api + "/meetings/MTG-1/minutes", ["body": minutes])
            #expect(recorded.status == .ok)

            let missing = try await us.call(client, .get, pw.api + "/irritants/IRR-99")
            #expect(missing.status == .notFound)
            #expect(missing.apiError.code == "not_found")

            let shared = [
                "/irritants", "/irritants/IRR-1", "/meetings", "/meetings/MTG-1", "/contacts", "/commitments",
                "/readouts", "/readouts/RDO-1", "/readouts?event=MTG-1", "/notes",
            ]
            let missingItems = [
                "/irritants/IRR-99", "/steps/STP-99", "/meetings/MTG-99", "/meetings/MTG-99/minutes",
                "/contacts/CON-99", "/commitments/CMT-99", "/readouts/RDO-99", "/notes/NTE-99", "/irritants/MTG-1",
                "/notes/garbage",
            ]
            for role in PagesWorld.roles {
                let user = try #require(users[role])
                let isOperator = role == "operator"
                let isUS = role.hasPrefix("us-")
                for path in shared {
                    let response = try await user.call(client, .get, pw.api + path)
                    #expect(response.status == (isOperator ? .notFound : .ok), "\(role) GET \(path)")
                    if isOperator { #expect(response.text == missing.text) }
                    if !isUS {
                        #expect(!response.text.contains("US private note"), "\(role) GET \(path)")
                        #expect(!response.text.contains(minutes), "\(role) GET \(path)")
                    }
                }
                // The US holds NTE-1 and NTE-2; Russia only NTE-1 (private sequences).
                for path in ["/notes/NTE-2", "/meetings/MTG-1/minutes"] {
                    let response = try await user.call(client, .get, pw.api + path)
                    if isUS {
                        #expect(response.status == .ok, "\(role) GET \(path)")
                    } else {
                        #expect(response.status == .notFound, "\(role) GET \(path)")
                        #expect(response.text == missing.text, "\(role) GET \(path)")
                    }
                }
                for path in missingItems {
                    let response = try await user.call(client, .get, pw.api + path)
                    #expect(response.status == .notFound, "\(role) GET \(path)")
                    #expect(response.text == missing.text, "\(role) GET \(path)")
                }
                for path in ["", "/irritants", "/notes", "/notes/NTE-1"] {
                    let response = try await user.call(client, .get, pw.otherAPI + path)
                    #expect(response.status == .notFound, "\(role) GET other mechanism \(path)")
                    #expect(response.text == missing.text)
                }
            }

            let usNotes = try await us.call(client, .get, pw.api + "/notes")
            #expect(usNotes.text.contains(StoreWorld.usNote))
            #expect(!usNotes.text.contains(StoreWorld.ruNote))
            let ruNote = try await users["ru-negotiator"]!.call(client, .get, pw.api + "/notes/NTE-1")
            #expect(ruNote.text.contains(StoreWorld.ruNote))
            #expect(!ruNote.text.contains("US private note"))
            let usMinutes = try await users["us-observer"]!.call(client, .get, pw.api + "/meetings/MTG-1/minutes")
            #expect(usMinutes.text.contains(minutes))
        }
    }

    @Test func listsPageWithACursorAndRefuseBadPaging() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await APIUser.signIn(client, "us-negotiator")
            _ = try await us.call(client, .post, pw.api + "/irritants", ["title": "Second", "description": "More"])
            let first = try await us.call(client, .get, pw.api + "/irritants?limit=1")
            #expect((first.object["irritants"] as? [Any])?.count == 1)
            let next = try #require(first.object["next"] as? Int)
            let second = try await us.call(client, .get, pw.api + "/irritants?limit=1&after=\(next)")
            #expect(second.text.contains("IRR-2"))
            #expect(second.object["next"] == nil)
            for query in ["limit=0", "limit=201", "limit=x", "after=-1", "after=abc"] {
                let response = try await us.call(client, .get, pw.api + "/irritants?" + query)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.apiError.field == String(query.prefix { $0 != "=" }))
            }
            let badEvent = try await us.call(client, .get, pw.api + "/readouts?event=IRR-1")
            #expect(badEvent.status == .badRequest)
            #expect(badEvent.apiError.field == "event")
        }
    }
}
