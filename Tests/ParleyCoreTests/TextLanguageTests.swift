import ParleyCore
import Testing

@Suite struct TextLanguageTests {
    @Test func versionsAreInTheTextsOtherLanguages() throws {
        var w = try World()
        let t = try w.createText(other: ["ru", "ar"])
        let c = try w.propose(t, "The sides will meet.")
        let a = w.first(t, c).id
        func set(_ language: String) -> Refusal? {
            w.refusal(
                .setLanguageVersion(
                    .init(
                        mechanism: w.mechanism,
                        text: t,
                        clause: c,
                        alternative: a,
                        language: language,
                        wording: "x",
                        authentic: true
                    )
                ),
                as: w.ruNegotiator
            )
        }
        #expect(
            set("en") == .invalid("language", "en is the working language: its words are the alternatives themselves")
        )
        #expect(set("fr") == .invalid("language", "Choose one of the text's other languages: ru, ar"))
        #expect(set("AR") == nil, "language tags compare case-insensitively")
        #expect(w.clause(t, c).versions.map(\.language.rawValue) == ["ar"])
    }

    @Test func versionsGoVisiblyStaleWhenTheirSourceIsRevised() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will meet.")
        let a = w.first(t, c).id
        try w.version(t, c, a, "Стороны встретятся.", authentic: false)
        #expect(w.clause(t, c).staleVersions.isEmpty)
        #expect(w.clause(t, c).versions[0].translatesRevision == 1)
        try w.run(
            .reviseAlternative(
                .init(mechanism: w.mechanism, text: t, clause: c, alternative: a, wording: "The sides will meet again.")
            ),
            as: w.usNegotiator
        )
        #expect(w.clause(t, c).staleVersions.map(\.wording) == ["Стороны встретятся."])
        // Translating the revised words again clears it; the same words again are refused.
        try w.version(t, c, a, "Стороны встретятся снова.", authentic: false)
        #expect(w.clause(t, c).staleVersions.isEmpty)
        #expect(w.clause(t, c).versions.count == 1)
        #expect(throws: Refusal.conflict("This ru version is already recorded, in these words")) {
            try w.version(t, c, a, "Стороны встретятся снова.", authentic: false)
        }
    }

    @Test func aRoundIsHeldAtAMeeting() throws {
        var w = try World()
        let t = try w.createText()
        let meeting = try w.scheduleRiyadh()
        #expect(
            w.refusal(.openRound(.init(mechanism: w.mechanism, text: t, meeting: Reference("TXT-1"))), as: w.usLead)
                == .invalid("meeting", "A round's meeting must be a meeting, not TXT-1")
        )
        try w.run(
            .openRound(.init(mechanism: w.mechanism, text: t, meeting: w.meeting(meeting).reference)),
            as: w.usLead
        )
        #expect(
            w.text(t).round
                == TextRound(number: 1, meeting: Reference("MTG-1"), startRevision: 1, openedAt: Timestamp(w.now))
        )
    }

    @Test func aWithdrawnTextTakesNoMoreComments() throws {
        var w = try World()
        let t = try w.createText()
        let c = try w.propose(t, "The sides will meet.")
        try w.run(.withdrawText(.init(mechanism: w.mechanism, text: t)), as: w.usNegotiator)
        #expect(
            w.refusal(
                .commentOnClause(.init(mechanism: w.mechanism, text: t, clause: c, body: "Why?")),
                as: w.saNegotiator
            )
                == .conflict("TXT-1 was withdrawn; it takes no more comments")
        )
    }
}
