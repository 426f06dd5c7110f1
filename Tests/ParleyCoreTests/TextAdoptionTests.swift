import Foundation
import ParleyCore
import Testing

@Suite struct TextAdoptionTests {
    @Test func adoptsWhenEveryClauseIsClean() throws {
        var w = try World.withTexts()
        let (t, _) = try w.agreedText()
        let entries = try w.adopt(t)
        #expect(entries.map(\.kind) == [.textAdopted])
        let text = w.text(t)
        #expect(text.status == .adopted)
        #expect(text.adoptedRevision == text.revision)
        #expect(text.adoptedHash == testHasher(try #require(text.canonicalForm())))
    }

    @Test func adoptionRefusedWhileBracketed() throws {
        var w = try World.withTexts()
        let (t, clauses) = try w.agreedText()
        try w.amend(t, clauses[1], "The sides will discuss the functioning of their missions.", as: w.ruNegotiator)
        #expect(
            w.refusal(.adoptText(.init(mechanism: w.mechanism, text: t, revision: w.text(t).revision)), as: w.usLead)
                == .conflict("TXT-1 cannot be adopted yet: clause 1 is bracketed: 2 live alternatives (USA, RUS)")
        )
        #expect(w.text(t).progress.bracketedClauses == 1)
    }

    @Test func adoptionListsEveryBlocker() throws {
        var w = try World.withTexts()
        let t = try w.createText(other: [])
        #expect(
            w.refusal(.adoptText(.init(mechanism: w.mechanism, text: t, revision: 1)), as: w.ruLead)
                == .conflict("TXT-1 cannot be adopted yet: the text has no clauses yet")
        )
        let a = try w.propose(t, "First.")
        let b = try w.propose(t, "Second.", after: a)
        try w.set(.agreedAdReferendum, t, a, w.first(t, a).id, as: w.ruNegotiator)
        try w.set(.agreed, t, a, w.first(t, a).id, as: w.usNegotiator)
        try w.set(.agreed, t, b, w.first(t, b).id, as: w.ruNegotiator)
        // Agreed ad referendum is not yet agreement.
        #expect(
            w.refusal(.adoptText(.init(mechanism: w.mechanism, text: t, revision: w.text(t).revision)), as: w.ruLead)
                == .conflict(
                    "TXT-1 cannot be adopted yet: clause 1 is not yet agreed by RUS; clause 2 is not yet agreed by USA"
                )
        )
    }

    @Test func adoptionRefusedWhileAuthenticTranslationStale() throws {
        var w = try World.withTexts()
        let (t, clauses) = try w.agreedText()
        let op2 = clauses[2]
        let a = w.first(t, op2).id
        // The United States revises its words; both agree again, but the Russian version is of the old words.
        try w.run(
            .reviseAlternative(
                .init(
                    mechanism: w.mechanism,
                    text: t,
                    clause: op2,
                    alternative: a,
                    wording: "The sides will appoint teams."
                )
            ),
            as: w.usNegotiator
        )
        try w.agreeByBoth(t, op2)
        let version = try #require(w.clause(t, op2).version(in: LanguageTag("ru")!, of: a))
        #expect(w.clause(t, op2).isStale(version))
        #expect(
            w.refusal(.adoptText(.init(mechanism: w.mechanism, text: t, revision: w.text(t).revision)), as: w.usLead)
                == .conflict(
                    "TXT-1 cannot be adopted yet: clause 2 has a stale authentic ru version: the words it translates were revised"
                )
        )
        try w.version(t, op2, a, "Стороны назначат группы.")
        #expect(!w.clause(t, op2).isStale(try #require(w.clause(t, op2).version(in: LanguageTag("ru")!, of: a))))
        #expect(try w.adopt(t).map(\.kind) == [.textAdopted])
    }

    @Test func adoptionNeedsAnAuthenticVersionOfEveryClause() throws {
        var w = try World.withTexts()
        let (t, clauses) = try w.agreedText()
        let c = try w.propose(t, "The sides will meet again.", after: clauses[2])
        try w.agreeByBoth(t, c)
        try w.version(t, c, w.first(t, c).id, "Стороны встретятся снова.", authentic: false)
        #expect(
            w.refusal(.adoptText(.init(mechanism: w.mechanism, text: t, revision: w.text(t).revision)), as: w.usLead)
                == .conflict("TXT-1 cannot be adopted yet: clause 3 has no authentic ru version of its agreed words")
        )
    }

    @Test func workingTranslationsDoNotBlockAdoption() throws {
        var w = try World.withTexts()
        let t = try w.createText(other: ["ru", "ar"])
        let c = try w.propose(t, "The sides will meet again.")
        try w.version(t, c, w.first(t, c).id, "Стороны встретятся снова.")
        try w.version(
            t,
            c,
            w.first(t, c).id,
            "سيلتقي الطرفان مرة أخرى.",
            language: "ar",
            authentic: false,
            as: w.usNegotiator
        )
        try w.agreeByBoth(t, c)
        // The Arabic working translation goes stale; only authentic languages are required.
        try w.run(
            .reviseAlternative(
                .init(
                    mechanism: w.mechanism,
                    text: t,
                    clause: c,
                    alternative: w.first(t, c).id,
                    wording: "The sides will meet."
                )
            ),
            as: w.usNegotiator
        )
        try w.version(t, c, w.first(t, c).id, "Стороны встретятся.")
        try w.agreeByBoth(t, c)
        #expect(w.text(t).authenticLanguages.map(\.rawValue) == ["ru"])
        try w.adopt(t)
        let canonical = try #require(w.text(t).canonicalForm())
        #expect(canonical.languages.map(\.rawValue) == ["en", "ru"])
        #expect(canonical.clauses.map(\.wording) == [["en": "The sides will meet.", "ru": "Стороны встретятся."]])
    }

    @Test func adoptionNeedsTheRevisionTheLeadRead() throws {
        var w = try World.withTexts()
        let (t, _) = try w.agreedText()
        let read = w.text(t).revision - 1
        #expect(
            w.refusal(.adoptText(.init(mechanism: w.mechanism, text: t, revision: read)), as: w.usLead)
                == .conflict(
                    "TXT-1 changed since you read it: you read revision \(read), it is now at revision \(read + 1); read it again before adopting"
                )
        )
    }

    @Test func onlyALeadAdoptsAndSigns() throws {
        var w = try World.withTexts()
        let (t, _) = try w.agreedText()
        #expect(
            w.refusal(
                .adoptText(.init(mechanism: w.mechanism, text: t, revision: w.text(t).revision)),
                as: w.usNegotiator
            )
                == .forbidden("Only your side's lead can adopt and sign texts")
        )
        try w.adopt(t, as: w.ruLead)
        #expect(throws: Refusal.forbidden("Only your side's lead can adopt and sign texts")) {
            try w.sign(t, as: w.ruNegotiator)
        }
    }

    @Test func adoptionNeedsAStateThatHashes() throws {
        var w = try World()
        let (t, _) = try w.agreedText()
        #expect(
            w.refusal(.adoptText(.init(mechanism: w.mechanism, text: t, revision: w.text(t).revision)), as: w.usLead)
                == .conflict("This server cannot hash a text's canonical form, so no text can be adopted on it")
        )
    }

    @Test func adoptedTextIsFrozen() throws {
        var w = try World.withTexts()
        let (t, clauses) = try w.agreedText()
        try w.adopt(t)
        let frozen = Refusal.conflict(
            "TXT-1 is adopted and frozen; to change it, create a new text that cites TXT-1"
        )
        let m = w.mechanism
        let c = clauses[1]
        let a = w.first(t, c).id
        let commands: [Command] = [
            .proposeClause(.init(mechanism: m, text: t, section: .operative, wording: "More.")),
            .proposeAmendment(.init(mechanism: m, text: t, clause: c, wording: "Other words.")),
            .proposeDeletion(.init(mechanism: m, text: t, clause: c)),
            .reviseAlternative(.init(mechanism: m, text: t, clause: c, alternative: a, wording: "Other words.")),
            .withdrawAlternative(.init(mechanism: m, text: t, clause: c, alternative: a)),
            .setLanguageVersion(
                .init(
                    mechanism: m,
                    text: t,
                    clause: c,
                    alternative: a,
                    language: "ru",
                    wording: "Иначе.",
                    authentic: true
                )
            ),
            .openRound(.init(mechanism: m, text: t)),
        ]
        for command in commands {
            #expect(w.refusal(command, as: w.usNegotiator) == frozen, "\(command.name)")
        }
        #expect(throws: frozen) { try w.set(.reserved, t, c, a, as: w.ruNegotiator) }
        #expect(
            w.refusal(.withdrawText(.init(mechanism: m, text: t)), as: w.usNegotiator)
                == .conflict("TXT-1 is adopted; only a text in drafting can be withdrawn")
        )
        #expect(
            w.refusal(.adoptText(.init(mechanism: m, text: t, revision: w.text(t).revision)), as: w.ruLead)
                == .conflict("TXT-1 is already adopted")
        )
    }

    @Test func signingNeedsEverySideLead() throws {
        var w = try World.withTexts()
        let (t, _) = try w.agreedText()
        #expect(throws: Refusal.conflict("TXT-1 is not adopted yet; a text is signed once it is adopted")) {
            try w.sign(t, hash: String(repeating: "0", count: 64), as: w.usLead)
        }
        try w.adopt(t)
        let first = try w.sign(t, as: w.usLead)
        #expect(first.map(\.kind) == [.textSignatureRecorded])
        #expect(w.text(t).status == .adopted)
        #expect(throws: Refusal.conflict("Your side has already signed TXT-1")) { try w.sign(t, as: w.usLead) }
        let second = try w.sign(t, as: w.ruLead)
        #expect(second.map(\.kind) == [.textSignatureRecorded, .textSigned])
        let text = w.text(t)
        #expect(text.status == .signed)
        #expect(text.signatures.map(\.party) == [w.us, w.ru].sorted())
        #expect(text.signatures.allSatisfy { $0.canonicalHash == text.adoptedHash })
        #expect(throws: Refusal.conflict("TXT-1 is already signed by every side")) { try w.sign(t, as: w.ruLead) }
    }

    @Test func signingChecksTheAdoptedHash() throws {
        var w = try World.withTexts()
        let (t, _) = try w.agreedText()
        try w.adopt(t)
        let wrong = String(repeating: "ab", count: 32)
        guard
            case .conflict(let message)? = w.refusal(
                .signText(.init(mechanism: w.mechanism, text: t, canonicalHash: wrong)),
                as: w.usLead
            )
        else {
            Issue.record("a wrong hash was not refused")
            return
        }
        #expect(message.hasPrefix("The hash you sent (abababababab…) is not the hash of adopted TXT-1"))
        #expect(
            w.refusal(.signText(.init(mechanism: w.mechanism, text: t, canonicalHash: "ABC")), as: w.usLead)
                == .invalid(
                    "canonicalHash",
                    "Enter the SHA-256 of the adopted text's canonical form as 64 lower-case hex digits"
                )
        )
    }

    @Test func detachedSignatureIsRecordedAsSent() throws {
        var w = try World.withTexts()
        let (t, _) = try w.agreedText()
        try w.adopt(t)
        let hash = try #require(w.text(t).adoptedHash)
        let bad = DetachedSignature(publicKey: "AAAA", signature: Data(repeating: 1, count: 64).base64EncodedString())
        #expect(
            w.refusal(
                .signText(.init(mechanism: w.mechanism, text: t, canonicalHash: hash, detached: bad)),
                as: w.usLead
            )
                == .invalid("detached.publicKey", "The public key must be a 32-byte Ed25519 key in base64")
        )
        let good = DetachedSignature(
            publicKey: Data(repeating: 7, count: 32).base64EncodedString(),
            signature: Data(repeating: 9, count: 64).base64EncodedString()
        )
        try w.run(.signText(.init(mechanism: w.mechanism, text: t, canonicalHash: hash, detached: good)), as: w.usLead)
        #expect(w.text(t).signatures.first?.detached == good)
    }

    @Test func newTextCitesTheAdoptedOneAndStartsFromIt() throws {
        var w = try World.withTexts()
        let (t, clauses) = try w.agreedText()
        try w.adopt(t)
        let next = try w.createText("Joint statement, second edition", cites: Reference("TXT-1"), as: w.ruNegotiator)
        let text = w.text(next)
        #expect(text.reference.description == "TXT-2")
        #expect(text.cites == Reference("TXT-1"))
        #expect(text.clauses.map(\.id) == clauses)
        #expect(text.clauses.map { $0.alternatives[0].wording } == w.text(t).clauses.map { $0.alternatives[0].wording })
        #expect(text.clauses.allSatisfy { $0.alternatives[0].proposedBy == [w.us, w.ru].sorted() })
        #expect(text.clauses.allSatisfy { $0.versions.count == 1 && $0.versions[0].authentic })
        // Nothing is agreed in the new text until the sides agree again.
        #expect(text.progress.agreedClauses == 0)
        // Compared clause by clause with the adopted text: same ids, same words.
        let comparison = TextComparison.compare(w.text(t), text)
        #expect(comparison.count == 3 && comparison.allSatisfy { $0.isUnchanged })
    }

    @Test func onlyAnAdoptedTextCanBeCited() throws {
        var w = try World.withTexts()
        _ = try w.createText()
        #expect(
            w.refusal(
                .createText(
                    .init(
                        mechanism: w.mechanism,
                        title: "Next",
                        kind: .agreement,
                        workingLanguage: "en",
                        cites: Reference("TXT-1")
                    )
                ),
                as: w.usLead
            ) == .invalid("cites", "TXT-1 is drafting; a new text cites an adopted text, to change it")
        )
    }

    @Test func canonicalFormHoldsOnlyTheAgreedText() throws {
        var w = try World.withTexts()
        let (t, clauses) = try w.agreedText()
        try w.run(
            .commentOnClause(.init(mechanism: w.mechanism, text: t, clause: clauses[0], body: "Shared comment.")),
            as: w.ruNegotiator
        )
        let canonical = try #require(w.text(t).canonicalForm())
        #expect(canonical.format == "parley.text/1")
        #expect(canonical.reference.description == "TXT-1")
        #expect(canonical.clauses.map(\.number) == ["PP1", "1", "2"])
        #expect(canonical.clauses.map(\.id) == clauses)
        #expect(canonical.clauses[1].wording["ru"] == "Стороны восстановят работу миссий.")
        let json = String(decoding: try JSONEncoder().encode(canonical), as: UTF8.self)
        #expect(!json.contains("Shared comment"))
        // The same adopted text gives the same form (and so the same hash) every time.
        #expect(w.text(t).canonicalForm() == canonical)
        guard case .text(let rebuilt)? = try MemoryState(replaying: w.record).item(t) else {
            Issue.record("no text after a rebuild")
            return
        }
        #expect(rebuilt.canonicalForm() == canonical)
    }
}
