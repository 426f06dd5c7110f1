// The readout pages over a real store: each side's readout of one meeting or contact, side by
// side, for every party; a side publishes its own, facilitators and observers publish none; an
// event that is not a meeting or contact answers exactly as a missing one.

import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct ReadoutPagesTests {
    @Test func sideBySideForEachViewer() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")
            let op = try await browser(client, "operator")
            for viewer in [us, ru, sa, observer] {
                let list = try await viewer.get(client, pw.base + "/readouts")
                #expect(list.status == .ok)
                #expect(list.text.contains(#"href="\#(pw.base)/readouts/MTG-1""#))
                let page = try await viewer.get(client, pw.base + "/readouts/MTG-1")
                #expect(page.status == .ok)
                let text = page.text
                let usAt = try #require(text.range(of: PagesWorld.usReadout))
                let ruAt = try #require(text.range(of: PagesWorld.ruReadout))
                // One column per side, in the mechanism's order: the United States, then Russia.
                #expect(usAt.lowerBound < ruAt.lowerBound)
                #expect(text.contains("side-by-side__column"))
            }
            #expect(try await us.get(client, pw.base + "/readouts/MTG-1").text.contains("Publish the readout"))
            #expect(!(try await sa.get(client, pw.base + "/readouts/MTG-1").text.contains("Publish the readout")))
            #expect(!(try await observer.get(client, pw.base + "/readouts/MTG-1").text.contains("Publish the readout")))

            let missing = try await us.get(client, pw.base + "/readouts/MTG-99")
            expectAllNotFound(
                [
                    try await us.get(client, pw.base + "/readouts/IRR-1"),
                    try await us.get(client, pw.base + "/readouts/NTE-1"),
                    try await ru.get(client, pw.base + "/readouts/NTE-2"),
                    try await us.get(client, pw.base + "/readouts/RDO-1"),
                    try await us.get(client, pw.base + "/readouts/nonsense"),
                    try await us.get(client, "/mechanisms/\(pw.world.otherMechanism.rawValue)/readouts/MTG-1"),
                    try await op.get(client, pw.base + "/readouts/MTG-1"),
                    try await op.get(client, pw.base + "/readouts"),
                    try await us.post(client, pw.base + "/readouts/NTE-1", [("body", "x")]),
                ],
                like: missing
            )
        }
    }

    @Test func aSidePublishesItsOwnReadout() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let ru = try await browser(client, "ru-negotiator")
            let sa = try await browser(client, "sa-facilitator")
            let observer = try await browser(client, "us-observer")
            let action = pw.base + "/readouts/MTG-1"
            let before = try await pw.record()
            #expect(try await sa.post(client, action, [("body", "Hosted")]).status == .forbidden)
            #expect(try await observer.post(client, action, [("body", "Seen")]).status == .forbidden)
            #expect(try await ru.post(client, action, [("body", "Second")], csrf: false).status == .forbidden)
            let empty = try await ru.post(client, action, [("body", " ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(#"id="body-error""#))
            #expect(empty.text.contains(##"href="#body""##))
            #expect(try await pw.record() == before)

            let published = try await ru.post(client, action, [("body", "RU second readout: work continues")])
            #expect(published.status == .seeOther)
            #expect(published.headers[.location] == action)
            let page = try await sa.get(client, action).text
            #expect(page.contains("RU second readout: work continues"))
            #expect(page.contains("RDO-3"))
            #expect(try await pw.record() != before)
        }
    }
}
