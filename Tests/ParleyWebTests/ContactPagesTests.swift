// The contact pages over a real store: sides and facilitators record contacts with their
// participants, initiator, time and duration; every party reads them; observers and the
// operator change nothing; bad input comes back beside its field with nothing changed.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct ContactPagesTests {
    @Test func recordingAContactAndReadingItAsEachViewer() async throws {
        let pw = try await PagesWorld.make()
        let members = try await pw.addMembers()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")
            let op = try await browser(client, "operator")
            let form = pw.base + "/contacts/new"
            let newForm = try await sa.get(client, form)
            #expect(newForm.status == .ok)
            #expect(newForm.text.contains("US Envoy, Special Envoy (United States)"))
            #expect(newForm.text.contains("Note verbale"))
            #expect(try await observer.get(client, form).status == .forbidden)

            let fields: [(String, String)] = [
                ("kind", "call"), ("initiatedBy", pw.world.ru.rawValue),
                ("participants", members.us.rawValue), ("participants", members.ru.rawValue),
                ("date", "2025-02-12"), ("time", "14:30"), ("durationMinutes", "90"),
                ("summary", "The presidents spoke by telephone"),
            ]
            let before = try await pw.record()
            #expect(try await observer.post(client, form, fields).status == .forbidden)
            #expect(try await sa.post(client, form, fields, csrf: false).status == .forbidden)
            let noParticipants = try await sa.post(client, form, fields.filter { $0.0 != "participants" })
            #expect(noParticipants.status == .unprocessableContent)
            #expect(noParticipants.text.contains(#"id="participants-error""#))
            #expect(noParticipants.text.contains("The presidents spoke by telephone"))
            let future = try await sa.post(client, form, fields.map { $0.0 == "date" ? ($0.0, "2099-01-01") : $0 })
            #expect(future.status == .unprocessableContent)
            #expect(future.text.contains(#"id="date-error""#))
            let badTime = try await sa.post(client, form, fields.map { $0.0 == "time" ? ($0.0, "25:00") : $0 })
            #expect(badTime.status == .unprocessableContent)
            let badDuration = try await sa.post(
                client,
                form,
                fields.map { $0.0 == "durationMinutes" ? ($0.0, "an hour") : $0 }
            )
            #expect(badDuration.status == .unprocessableContent)
            #expect(badDuration.text.contains(#"id="durationMinutes-error""#))
            let stranger = try await sa.post(
                client,
                form,
                fields.map { $0.0 == "participants" ? ($0.0, "not-a-member") : $0 }
            )
            #expect(stranger.status == .unprocessableContent)
            #expect(stranger.text.contains("Choose participants from the delegations"))
            #expect(try await pw.record() == before)

            let recorded = try await sa.post(client, form, fields)
            #expect(recorded.status == .seeOther)
            #expect(recorded.headers[.location] == pw.base + "/contacts/CON-1")
            for viewer in [us, ru, sa, observer] {
                let list = try await viewer.get(client, pw.base + "/contacts")
                #expect(list.status == .ok)
                #expect(list.text.contains(#"href="\#(pw.base)/contacts/CON-1""#))
                let detail = try await viewer.get(client, pw.base + "/contacts/CON-1")
                #expect(detail.status == .ok)
                #expect(detail.text.contains("Call of 2025-02-12 14:30 UTC"))
                #expect(detail.text.contains("90 minutes"))
                #expect(detail.text.contains("US Envoy (United States)"))
                #expect(detail.text.contains("RU Envoy (Russia)"))
                #expect(detail.text.contains(pw.base + "/readouts/CON-1"))
            }
            #expect(try await us.get(client, pw.base + "/contacts").text.contains("Record a contact"))
            #expect(!(try await observer.get(client, pw.base + "/contacts").text.contains("Record a contact")))

            let missing = try await us.get(client, pw.base + "/contacts/CON-99")
            expectAllNotFound(
                [
                    try await us.get(client, pw.base + "/contacts/NTE-1"),
                    try await ru.get(client, pw.base + "/contacts/NTE-2"),
                    try await us.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)/contacts/CON-1"),
                    try await op.get(client, pw.base + "/contacts/CON-1"),
                    try await op.get(client, pw.base + "/contacts"),
                    try await op.get(client, form),
                ],
                like: missing
            )
        }
    }
}
