// A negotiating text in the pages' store world, built through `Store.execute`: TXT-1, a joint
// statement between the United States and Russia in English with a Russian version, with an
// agreed preamble paragraph and an operative clause bracketed between the US words and a Russian
// amendment.

import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

struct TextWorld {
    let pw: PagesWorld
    let text: ItemID
    let preamble: ClauseID
    let bracketed: ClauseID
    let usAlternative: AlternativeID
    let ruAlternative: AlternativeID

    static let preambleWords = "Recalling the talks held in Riyadh,"
    static let usWords = "The sides will restore the functioning of their missions."
    static let ruWords = "The sides will restore their missions in full."

    var base: String { pw.base + "/texts/TXT-1" }

    func actor(_ username: String) async throws -> Actor {
        try #require(try await pw.world.store.account(username: username)).actor
    }

    func current() async throws -> NegotiatingText {
        let scope = ReadScope(mechanisms: [pw.m], party: pw.world.us)
        let reference = Reference(kind: .text, number: 1)
        guard case .item(.text(let t))? = try await pw.world.store.item(reference, in: pw.m, scope: scope)?.value else {
            throw CancellationError()
        }
        return t
    }

    static func make() async throws -> TextWorld {
        let pw = try await PagesWorld.make()
        let store = pw.world.store
        func actor(_ username: String) async throws -> Actor {
            try #require(try await store.account(username: username)).actor
        }
        let us = try await actor("us-negotiator")
        let ru = try await actor("ru-negotiator")
        let created = try await store.execute(
            .createText(
                .init(
                    mechanism: pw.m,
                    title: "Joint statement on the operation of diplomatic missions",
                    kind: .jointStatement,
                    workingLanguage: "en",
                    otherLanguages: ["ru"]
                )
            ),
            by: us
        )
        guard case .textCreated(let t) = created.entries[0].data else { throw CancellationError() }
        func propose(_ wording: String, _ section: ClauseSection, after: ClauseID?) async throws -> ClauseProposed {
            let r = try await store.execute(
                .proposeClause(.init(mechanism: pw.m, text: t.id, section: section, after: after, wording: wording)),
                by: us
            )
            guard case .textClauseProposed(let p) = r.entries[0].data else { throw CancellationError() }
            return p
        }
        let pp = try await propose(preambleWords, .preamble, after: nil)
        for who in [us, ru] {
            _ = try await store.execute(
                .setClauseStatus(
                    .init(
                        mechanism: pw.m,
                        text: t.id,
                        clause: pp.clause,
                        alternative: pp.alternative,
                        status: .agreed,
                        wording: preambleWords
                    )
                ),
                by: who
            )
        }
        let op = try await propose(usWords, .operative, after: nil)
        let amended = try await store.execute(
            .proposeAmendment(.init(mechanism: pw.m, text: t.id, clause: op.clause, wording: ruWords)),
            by: ru
        )
        guard case .textAlternativeProposed(let a) = amended.entries[0].data else { throw CancellationError() }
        return TextWorld(
            pw: pw,
            text: t.id,
            preamble: pp.clause,
            bracketed: op.clause,
            usAlternative: op.alternative,
            ruAlternative: a.alternative
        )
    }
}
