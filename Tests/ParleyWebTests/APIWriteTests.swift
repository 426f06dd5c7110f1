// The JSON API's changes over a real store: each create answers 201 with the item and a
// Location that reads it back; each action goes through ParleyCore's policy (an observer
// writes nothing, a facilitator confirms nothing for a side, the operator sees nothing); and
// another party's private item cannot be changed, answering as a missing one.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import Testing

@testable import ParleyWeb

@Suite struct APIWriteTests {
    /// POSTs `json` as `user` and expects 201 with a Location that `reader` can GET.
    static func create(
        _ client: some TestClientProtocol,
        _ user: APIUser,
        _ uri: String,
        _ json: [String: Any],
        reader: APIUser? = nil
    ) async throws -> TestResponse {
        let response = try await user.call(client, .post, uri, json)
        #expect(response.status == .created, "\(user.username) POST \(uri): \(response.text)")
        let location = try #require(response.headers[.location])
        let read = try await (reader ?? user).call(client, .get, location)
        #expect(read.status == .ok, "GET \(location)")
        return response
    }

    @Test func irritantsAndStepsThroughTheirLifecycle() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await APIUser.signIn(client, "us-negotiator")
            let ru = try await APIUser.signIn(client, "ru-negotiator")
            let sa = try await APIUser.signIn(client, "sa-facilitator")
            let observer = try await APIUser.signIn(client, "us-observer")
            let op = try await APIUser.signIn(client, "operator")
            let usLead = try await APIUser.signIn(client, "us-lead")
            let ruLead = try await APIUser.signIn(client, "ru-lead")
            let raise: [String: Any] = ["title": "Visa delays", "description": "Diplomatic visas take months"]

            let before = try await pw.record()
            #expect(try await observer.call(client, .post, pw.api + "/irritants", raise).status == .forbidden)
            #expect(try await sa.call(client, .post, pw.api + "/irritants", raise).status == .forbidden)
            #expect(try await op.call(client, .post, pw.api + "/irritants", raise).status == .notFound)
            #expect(try await pw.record() == before)

            let raised = try await Self.create(client, us, pw.api + "/irritants", raise, reader: ru)
            #expect(raised.headers[.location] == pw.api + "/irritants/IRR-2")
            #expect(raised.object["status"] as? String == "raised")

            let ack = try await ru.call(client, .post, pw.api + "/irritants/IRR-2/acknowledge")
            #expect(ack.status == .ok)
            #expect(ack.object["status"] as? String == "acknowledged")
            #expect(try await ru.call(client, .post, pw.api + "/irritants/IRR-2/start-discussion").status == .ok)
            for user in [sa, us, observer] {
                let refused = try await user.call(client, .post, pw.api + "/irritants/IRR-2/confirm-resolution")
                #expect(refused.status == .forbidden, "\(user.username) confirms")
            }
            #expect(try await usLead.call(client, .post, pw.api + "/irritants/IRR-2/confirm-resolution").status == .ok)
            #expect(
                try await usLead.call(client, .post, pw.api + "/irritants/IRR-2/withdraw-confirmation").status == .ok
            )
            #expect(try await ruLead.call(client, .post, pw.api + "/irritants/IRR-2/confirm-resolution").status == .ok)
            #expect(try await usLead.call(client, .post, pw.api + "/irritants/IRR-2/confirm-resolution").status == .ok)
            let resolved = try await us.call(client, .get, pw.api + "/irritants/IRR-2")
            #expect(resolved.object["status"] as? String == "resolved")
            let reopened = try await ru.call(client, .post, pw.api + "/irritants/IRR-2/reopen", ["reason": "Not over"])
            #expect(reopened.status == .ok)
            #expect(try await us.call(client, .post, pw.api + "/irritants/IRR-2/park").status == .ok)
            // Only the side that raised it may withdraw it.
            #expect(try await ru.call(client, .post, pw.api + "/irritants/IRR-2/withdraw").status == .forbidden)
            #expect(try await us.call(client, .post, pw.api + "/irritants/IRR-2/withdraw", [:]).status == .ok)
            #expect(try await us.call(client, .post, pw.api + "/irritants/IRR-99/acknowledge").status == .notFound)

            let step = try await Self.create(
                client,
                us,
                pw.api + "/irritants/IRR-1/steps",
                ["owner": pw.world.us.rawValue, "description": "Return the properties", "due": "2025-06-01"],
                reader: ru
            )
            #expect(step.headers[.location] == pw.api + "/steps/STP-1")
            let done: [String: Any] = ["description": "Return the properties", "status": "done"]
            // Only the side that owns a step changes its status.
            #expect(try await ru.call(client, .put, pw.api + "/steps/STP-1", done).status == .forbidden)
            let updated = try await us.call(client, .put, pw.api + "/steps/STP-1", done)
            #expect(updated.status == .ok)
            #expect(updated.object["status"] as? String == "done")
            let detail = try await ru.call(client, .get, pw.api + "/irritants/IRR-1")
            #expect((detail.object["steps"] as? [Any])?.count == 1)
            #expect(
                try await observer.call(
                    client,
                    .put,
                    pw.api + "/steps/STP-1",
                    ["description": "x", "status": "open"]
                ).status == .forbidden
            )
        }
    }

    @Test func meetingsContactsCommitmentsAndReadouts() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await APIUser.signIn(client, "us-negotiator")
            let ru = try await APIUser.signIn(client, "ru-negotiator")
            let sa = try await APIUser.signIn(client, "sa-facilitator")
            let observer = try await APIUser.signIn(client, "us-observer")
            let ruLead = try await APIUser.signIn(client, "ru-lead")

            let meeting: [String: Any] = [
                "kind": "workingMeeting", "title": "Istanbul talks", "start": "2025-02-27T08:00:00Z",
                "timeZone": "Europe/Istanbul", "durationMinutes": 360, "city": "Istanbul", "country": "TUR",
            ]
            #expect(try await observer.call(client, .post, pw.api + "/meetings", meeting).status == .forbidden)
            let scheduled = try await Self.create(client, sa, pw.api + "/meetings", meeting, reader: ru)
            #expect(scheduled.headers[.location] == pw.api + "/meetings/MTG-2")
            let summary = try await us.call(
                client,
                .post,
                pw.api + "/meetings/MTG-2/joint-summary",
                ["summary": "The sides discussed the work of embassies"]
            )
            #expect(summary.status == .ok)
            #expect(summary.text.contains("The sides discussed"))
            let outcome = try await ru.call(client, .post, pw.api + "/meetings/MTG-2/outcomes", ["text": "Next round"])
            #expect(outcome.status == .ok)
            let ruMinutes = try await ru.call(client, .put, pw.api + "/meetings/MTG-2/minutes", ["body": "RU minutes"])
            #expect(ruMinutes.status == .ok)
            let usMinutes = try await us.call(client, .get, pw.api + "/meetings/MTG-2/minutes")
            #expect(usMinutes.status == .notFound)
            #expect(!usMinutes.text.contains("RU minutes"))
            // Only a meeting that has not started yet can be cancelled.
            var future = meeting
            future["start"] = "2099-01-10T08:00:00Z"
            _ = try await Self.create(client, sa, pw.api + "/meetings", future)
            #expect(try await sa.call(client, .post, pw.api + "/meetings/MTG-2/cancel").status == .conflict)
            let cancelled = try await sa.call(client, .post, pw.api + "/meetings/MTG-3/cancel", ["reason": "Moved"])
            #expect(cancelled.status == .ok)
            #expect(cancelled.object["status"] as? String == "cancelled")

            let member = try await pw.addMember(lead: "us-lead", name: "A US delegate")
            let contact = try await Self.create(
                client,
                sa,
                pw.api + "/contacts",
                [
                    "kind": "call", "initiatedBy": pw.world.us.rawValue, "at": "2025-02-12T15:00:00Z",
                    "participants": [member.rawValue],
                    "durationMinutes": 90, "summary": "A telephone conversation",
                ],
                reader: us
            )
            #expect(contact.headers[.location] == pw.api + "/contacts/CON-1")

            let commitment = try await Self.create(
                client,
                us,
                pw.api + "/commitments",
                [
                    "text": "Restore embassy staffing", "owner": ["kind": "allSides"], "source": "MTG-1",
                    "due": "2025-03-01",
                ],
                reader: ru
            )
            #expect(commitment.headers[.location] == pw.api + "/commitments/CMT-1")
            #expect(
                try await sa.call(client, .post, pw.api + "/commitments/CMT-1/confirm-fulfilment").status == .forbidden
            )
            #expect(
                try await ruLead.call(client, .post, pw.api + "/commitments/CMT-1/confirm-fulfilment").status == .ok
            )
            #expect(
                try await observer.call(client, .post, pw.api + "/commitments/CMT-1/mark-lapsed").status == .forbidden
            )
            // Confirming and marking lapsed are a lead's, for its side.
            #expect(try await us.call(client, .post, pw.api + "/commitments/CMT-1/mark-lapsed").status == .forbidden)
            let usLead = try await APIUser.signIn(client, "us-lead")
            let lapsed = try await usLead.call(
                client,
                .post,
                pw.api + "/commitments/CMT-1/mark-lapsed",
                ["reason": "Late"]
            )
            #expect(lapsed.status == .ok)
            #expect(lapsed.object["status"] as? String == "lapsed")

            let readout = try await Self.create(
                client,
                us,
                pw.api + "/readouts",
                ["event": "CON-1", "body": "US readout of the call"],
                reader: ru
            )
            #expect(readout.headers[.location] == pw.api + "/readouts/RDO-3")
            let sideBySide = try await ru.call(client, .get, pw.api + "/readouts?event=MTG-1")
            #expect(sideBySide.text.contains(PagesWorld.usReadout))
            #expect(sideBySide.text.contains(PagesWorld.ruReadout))
            #expect(!sideBySide.text.contains("US readout of the call"))
        }
    }

    @Test func notesAreWrittenEditedAndDeletedByTheirOwnPartyOnly() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await APIUser.signIn(client, "us-negotiator")
            let ru = try await APIUser.signIn(client, "ru-negotiator")
            let observer = try await APIUser.signIn(client, "us-observer")
            let secret = "US assessment: keep this to ourselves"
            let written = try await Self.create(
                client,
                us,
                pw.api + "/notes",
                ["attachedTo": "IRR-1", "body": secret],
                reader: observer
            )
            #expect(written.headers[.location] == pw.api + "/notes/NTE-3")
            #expect(try await observer.call(client, .post, pw.api + "/notes", ["body": "x"]).status == .forbidden)

            let before = try await pw.record()
            let missing = try await ru.call(client, .get, pw.api + "/notes/NTE-99")
            for (method, body) in [(HTTPRequest.Method.get, nil), (.put, ["body": "overwritten"]), (.delete, nil)] {
                let response = try await ru.call(client, method, pw.api + "/notes/NTE-3", body as Any?)
                #expect(response.status == .notFound, "RU \(method) US note")
                #expect(response.text == missing.text)
            }
            #expect(try await pw.record() == before)

            let edited = try await us.call(client, .put, pw.api + "/notes/NTE-3", ["body": secret + " (edited)"])
            #expect(edited.status == .ok)
            #expect(edited.text.contains("(edited)"))
            #expect(try await us.call(client, .delete, pw.api + "/notes/NTE-3").status == .noContent)
            let gone = try await us.call(client, .get, pw.api + "/notes/NTE-3")
            #expect(gone.status == .notFound)
            #expect(gone.text == missing.text)
            #expect(!(try await us.call(client, .get, pw.api + "/notes")).text.contains(secret))
        }
    }
}
