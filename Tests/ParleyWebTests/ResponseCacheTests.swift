// Kept answers (ResponseCache): the same account reading an unchanged mechanism gets the same
// bytes; any change to the shared record or to the reader's own private record shows at once;
// another party's reader never gets an answer kept for someone else; the cache stays bounded.

import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct ResponseCacheTests {
    @Test func keptAnswersFollowEveryChangeAndNeverCrossAccounts() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let ru = try await browser(client, "ru-negotiator")
            let first = try await us.get(client, pw.base)
            let again = try await us.get(client, pw.base)
            #expect(first.status == .ok)
            #expect(again.text == first.text)

            // Russia reads the same page after the US: its own notes, none of the US ones.
            let ruPage = try await ru.get(client, pw.base).text
            #expect(ruPage.contains(StoreWorld.ruNote))
            #expect(!ruPage.contains(StoreWorld.usNote))

            // A shared change shows on both sides' next read, in pages and the API.
            let api = try await APIUser.signIn(client, "ru-negotiator")
            let listed = try await api.call(client, .get, pw.api + "/irritants")
            #expect(!listed.text.contains("IRR-2"))
            let raised = try await api.call(
                client,
                .post,
                pw.api + "/irritants",
                ["title": "Kept answers", "description": "Must show at once"]
            )
            #expect(raised.status == .created)
            #expect(try await api.call(client, .get, pw.api + "/irritants").text.contains("IRR-2"))
            #expect(try await us.get(client, pw.base).text.contains("Kept answers"))
            #expect(try await us.get(client, pw.base + "/irritants").text.contains("Kept answers"))

            // A private change shows to its party, and to no one else.
            let note = "A second US note, written after the page was kept"
            let usBefore = try await us.get(client, pw.base).text
            let ruBefore = try await ru.get(client, pw.base).text
            let written = try await us.post(client, pw.base + "/notes/new", [("body", note)])
            #expect(written.status == .seeOther)
            let usAfter = try await us.get(client, pw.base).text
            #expect(!usBefore.contains(note))
            #expect(usAfter.contains(note))
            #expect(try await ru.get(client, pw.base).text == ruBefore)
        }
    }

    /// Kept answers skip reading the log versions when the request's sign-in read saw the
    /// database unchanged (LogVersions); a commit by another process (the CLI, another store on
    /// the same file) must still show at the next read.
    @Test func aChangeCommittedByAnotherProcessShowsAtTheNextRead() async throws {
        let pw = try await PagesWorld.make()
        defer { Task { await pw.world.close() } }
        let app = try await pw.world.application()
        try await app.test(.router) { client in
            let us = try await browser(client, "us-negotiator")
            let api = try await APIUser.signIn(client, "us-negotiator")
            let page = try await us.get(client, pw.base).text
            #expect(try await us.get(client, pw.base).text == page)
            let list = try await api.call(client, .get, pw.api + "/irritants").text
            #expect(try await api.call(client, .get, pw.api + "/irritants").text == list)

            var logger = Logger(label: "parley.other.process")
            logger.logLevel = .critical
            let other = try await Store.open(
                try DatabaseLocation(parsing: pw.world.directory.appendingPathComponent("p.sqlite").path),
                signer: try ServerKey.loadOrCreate(
                    path: pw.world.directory.appendingPathComponent("k").path,
                    name: "test.localhost"
                ),
                logger: logger
            )
            let title = "Raised by another process"
            _ = try await other.execute(
                .raiseIrritant(.init(mechanism: pw.m, title: title, description: "Seen at once")),
                by: try await pw.actor("us-negotiator")
            )
            await other.close()
            #expect(try await us.get(client, pw.base).text.contains(title))
            #expect(try await api.call(client, .get, pw.api + "/irritants").text.contains(title))
        }
    }

    @Test func theCacheIsBounded() {
        let cache = ResponseCache(maxEntries: 2, maxBytes: 1 << 20)
        func answer(_ text: String) -> CachedAnswer {
            CachedAnswer(body: ByteBuffer(string: text), contentType: "text/plain")
        }
        cache.keep(answer("a"), as: "1")
        cache.keep(answer("b"), as: "2")
        cache.keep(answer("c"), as: "3")
        #expect(cache.answer("1") == nil)
        #expect(cache.answer("2")?.body == ByteBuffer(string: "b"))
        #expect(cache.answer("3")?.body == ByteBuffer(string: "c"))
        let small = ResponseCache(maxEntries: 10, maxBytes: 40)
        small.keep(answer(String(repeating: "x", count: 20)), as: "too big for a quarter")
        #expect(small.answer("too big for a quarter") == nil)
    }

    @Test func whileAKeyIsBuiltTheAnswerKeptMeanwhileIsGivenAtOnce() async throws {
        let cache = ResponseCache()
        let previous = CachedAnswer(body: ByteBuffer(string: "previous minute"), contentType: "text/plain")
        cache.keep(previous, as: "page|minute-1")
        // Nobody builds the new minute yet: the first request claims it.
        let first = await cache.answerOrClaim("page|minute-2", meanwhile: "page|minute-1")
        #expect(first.answer == nil && first.claimed)
        // While it builds, the others get the previous minute's answer instead of waiting.
        let other = await cache.answerOrClaim("page|minute-2", meanwhile: "page|minute-1")
        #expect(other.answer?.body == ByteBuffer(string: "previous minute") && !other.claimed)
        // Without such an answer they wait for the build, as before.
        let waiter = Task { await cache.answerOrClaim("page|minute-2", meanwhile: "page|minute-0") }
        try await Task.sleep(for: .milliseconds(50))
        cache.finish(
            "page|minute-2",
            with: CachedAnswer(body: ByteBuffer(string: "new minute"), contentType: "text/plain")
        )
        #expect(await waiter.value.answer?.body == ByteBuffer(string: "new minute"))
        #expect(
            await cache.answerOrClaim("page|minute-2", meanwhile: "page|minute-1").answer?.body
                == ByteBuffer(string: "new minute")
        )
    }

    @Test func requestsForAKeyBeingBuiltWaitForThatOneBuild() async throws {
        let cache = ResponseCache()
        let first = await cache.answerOrClaim("k")
        #expect(first.answer == nil && first.claimed)
        let waiters = (0..<5).map { _ in Task { await cache.answerOrClaim("k") } }
        try await Task.sleep(for: .milliseconds(50))
        cache.finish("k", with: CachedAnswer(body: ByteBuffer(string: "built once"), contentType: "text/plain"))
        for waiter in waiters {
            let got = await waiter.value
            #expect(got.answer?.body == ByteBuffer(string: "built once"))
            #expect(!got.claimed)
        }
        #expect(await cache.answerOrClaim("k").answer?.body == ByteBuffer(string: "built once"))

        // A failed build keeps nothing; its waiters build their own, and the key can be claimed again.
        _ = await cache.answerOrClaim("f")
        let waiter = Task { await cache.answerOrClaim("f") }
        try await Task.sleep(for: .milliseconds(50))
        cache.finish("f", with: nil)
        let got = await waiter.value
        #expect(got.answer == nil && !got.claimed)
        #expect(await cache.answerOrClaim("f").claimed)
    }
}
