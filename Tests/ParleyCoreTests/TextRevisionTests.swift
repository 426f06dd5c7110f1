import Foundation
import ParleyCore
import Testing

@Suite struct TextRevisionTests {
    /// A short negotiation, with the text as the projection showed it after every revision.
    func negotiation() throws -> (World, ItemID, [Int: NegotiatingText]) {
        var w = try World.withTexts()
        var seen: [Int: NegotiatingText] = [:]
        let t = try w.createText()
        func snapshot(_ w: World) { seen[w.text(t).revision] = w.text(t) }
        snapshot(w)
        let a = try w.propose(t, "The sides will restore the functioning of their missions.")
        snapshot(w)
        let b = try w.propose(t, "The sides will appoint high-level teams.", after: a)
        snapshot(w)
        try w.amend(
            t,
            a,
            "The sides will restore the full functioning of their diplomatic missions.",
            as: w.ruNegotiator
        )
        snapshot(w)
        try w.run(.openRound(.init(mechanism: w.mechanism, text: t)), as: w.ruNegotiator)
        try w.run(
            .commentOnClause(.init(mechanism: w.mechanism, text: t, clause: a, body: "Which missions?")),
            as: w.saNegotiator
        )
        try w.run(
            .withdrawAlternative(.init(mechanism: w.mechanism, text: t, clause: a, alternative: w.first(t, a).id)),
            as: w.usNegotiator
        )
        snapshot(w)
        try w.agreeByBoth(t, a)
        snapshot(w)
        try w.version(t, a, w.clause(t, a).liveAlternatives[0].id, "Стороны восстановят работу миссий.")
        snapshot(w)
        try w.agreeByBoth(t, b)
        snapshot(w)
        try w.version(t, b, w.first(t, b).id, "Стороны назначат группы.")
        snapshot(w)
        return (w, t, seen)
    }

    @Test func everyEarlierRevisionCanBeShown() throws {
        let (w, t, seen) = try negotiation()
        let entries = w.state.logs[.shared(w.mechanism)] ?? []
        let last = w.text(t).revision
        #expect(Set(seen.keys) == Set(1...last).subtracting([6, 9]), "6 and 9 are first halves of agreeing")
        for revision in 1...last {
            let replayed = try #require(try NegotiatingText.replay(entries, text: t, upTo: revision))
            #expect(replayed.revision == revision)
            if let shown = seen[revision] {
                // Comments and rounds made before the next revision are part of it.
                #expect(replayed.clauses.map(\.alternatives) == shown.clauses.map(\.alternatives))
                #expect(replayed.clauses.map(\.statuses) == shown.clauses.map(\.statuses))
            }
        }
        #expect(try NegotiatingText.replay(entries, text: t) == w.text(t))
        #expect(try NegotiatingText.replay(entries, text: ItemID("other")) == nil)
    }

    @Test func progressCountsBracketsAndAgreementPerRevision() throws {
        let (w, t, _) = try negotiation()
        let progress = try NegotiatingText.progressByRevision(w.state.logs[.shared(w.mechanism)] ?? [], text: t)
        #expect(progress.map(\.revision) == Array(1...w.text(t).revision))
        #expect(progress.map(\.bracketedClauses) == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(progress.map(\.liveAlternatives) == [0, 1, 2, 3, 2, 2, 2, 2, 2, 2, 2])
        #expect(progress.map(\.agreedClauses) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2])
        #expect(progress.last == w.text(t).progress)
    }

    @Test func comparisonMarksInsertionsAndDeletions() throws {
        let (w, t, seen) = try negotiation()
        let old = try #require(seen[3])
        let new = w.text(t)
        let comparison = TextComparison.compare(old, new)
        #expect(comparison.map { $0.newNumber?.description } == ["1", "2"])
        let first = comparison[0]
        #expect(first.isReworded && !first.moved)
        #expect(
            first.pieces.map(\.description).joined()
                == "The sides will restore the {+full +}functioning of their {+diplomatic +}missions."
        )
        #expect(!comparison[1].isReworded)
        // While bracketed, the clause reads as its alternatives in brackets.
        let bracketed = TextComparison.compare(old, try #require(seen[4]))[0]
        #expect(
            bracketed.pieces.map(\.description).joined()
                == "{+[+}The sides will restore the functioning of their missions.{+] [The sides will restore the full functioning of their diplomatic missions.]+}"
        )
    }

    @Test func comparisonMatchesMovedAndRemovedClausesById() throws {
        var w = try World()
        let t = try w.createText()
        let a = try w.propose(t, "Alpha.")
        let b = try w.propose(t, "Bravo.", after: a)
        let c = try w.propose(t, "Charlie.", after: b)
        let before = w.text(t)
        try w.run(
            .proposeMove(.init(mechanism: w.mechanism, text: t, clause: a, alternative: w.first(t, a).id, after: c)),
            as: w.usNegotiator
        )
        let move = w.clause(t, a).alternatives[1].id
        try w.run(
            .withdrawAlternative(.init(mechanism: w.mechanism, text: t, clause: a, alternative: w.first(t, a).id)),
            as: w.usNegotiator
        )
        try w.set(.agreed, t, a, move, as: w.usNegotiator)
        try w.set(.agreed, t, a, move, as: w.ruNegotiator)
        try w.run(
            .withdrawAlternative(.init(mechanism: w.mechanism, text: t, clause: b, alternative: w.first(t, b).id)),
            as: w.usNegotiator
        )
        let comparison = TextComparison.compare(before, w.text(t))
        // The removed clause follows the clause that preceded it in the old text, wherever that went.
        #expect(comparison.map(\.clause) == [c, a, b])
        #expect(comparison.map(\.moved) == [false, true, false])
        #expect(comparison[0].isUnchanged && comparison[0].oldNumber?.description == "3")
        #expect(comparison[1].oldNumber?.description == "1" && comparison[1].newNumber?.description == "2")
        #expect(comparison[2].isRemoved && comparison[2].pieces == [DiffPiece(.deleted, "Bravo.")])
    }

    @Test func roundsDelimitRevisions() throws {
        let (w, t, _) = try negotiation()
        let text = w.text(t)
        #expect(text.round?.number == 1)
        #expect(text.revisions(ofRound: 1) == 4...text.revision)
        #expect(text.revisions(ofRound: 2) == nil)
    }

    @Test func comparesAThreeHundredClauseTextQuickly() throws {
        // Two revisions of a 300-clause text: every third clause reworded, the rest as they were.
        func text(_ reworded: Bool) -> NegotiatingText {
            let at = Timestamp(secondsSince1970: 0)
            var t = NegotiatingText(
                id: ItemID("t"),
                mechanism: MechanismID("m"),
                reference: Reference("TXT-1")!,
                title: "Long text",
                kind: .agreement,
                track: nil,
                workingLanguage: LanguageTag("en")!,
                otherLanguages: [],
                sides: [PartyID("a"), PartyID("b")],
                createdBy: PartyID("a"),
                createdAt: at,
                updatedAt: at
            )
            for i in 0..<300 {
                var words = (0..<60).map { "word\(($0 * 7 + i) % 50)" }
                if reworded && i % 3 == 0 {
                    words[i % 60] = "changed"
                    words.insert("inserted", at: 30)
                }
                let alternative = Alternative(
                    id: AlternativeID("a\(i)"),
                    kind: .wording,
                    wording: words.joined(separator: " ") + ".",
                    proposedBy: [PartyID("a")],
                    proposedAt: at
                )
                t.clauses.append(
                    Clause(
                        id: ClauseID("c\(i)"),
                        section: .operative,
                        alternatives: [alternative],
                        proposedBy: PartyID("a"),
                        proposedAt: at
                    )
                )
            }
            return t
        }
        let old = text(false)
        let new = text(true)
        let clock = ContinuousClock()
        var comparison: [ClauseComparison] = []
        let elapsed = clock.measure { comparison = TextComparison.compare(old, new) }
        #expect(comparison.count == 300)
        #expect(comparison.count(where: \.isReworded) == 100)
        // Well under 100 ms in release; this debug-build bound only catches an algorithm gone quadratic in the text.
        #expect(elapsed < .seconds(2), "\(elapsed)")
    }
}
