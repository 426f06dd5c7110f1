// The exports of a negotiating text: Akoma Ntoso 3.0 XML that validates against the OASIS schema
// for every kind of text, with brackets credited to their sides and each side's status; and
// plain text with brackets and credits.

import Foundation
import ParleyCore
import Testing

@Suite struct TextExportTests {
    /// A text with a bracketed clause (two sides' alternatives, one a deletion), an agreed
    /// preamble paragraph with a Russian version, an article with a paragraph, and a stale version.
    func bracketedText(_ kind: TextKind = .jointStatement) throws -> (World, NegotiatingText) {
        var w = try World.withTexts()
        let t = try w.createText("Joint statement & <draft>")
        let pp = try w.propose(t, "Recalling the talks held in Riyadh,", section: .preamble)
        try w.version(t, pp, w.first(t, pp).id, "Ссылаясь на переговоры в Эр-Рияде,")
        try w.agreeByBoth(t, pp)
        let op = try w.propose(t, "The sides will restore the functioning of their missions.")
        try w.amend(t, op, "The sides will restore their missions \"fully\".", as: w.ruNegotiator)
        try w.run(.proposeDeletion(.init(mechanism: w.mechanism, text: t, clause: op)), as: w.ruNegotiator)
        let article = try w.propose(t, "Missions", section: .article, after: op)
        let para = try w.propose(t, "Staff levels will be restored.", section: .operative, after: article)
        try w.version(t, para, w.first(t, para).id, "Штат будет восстановлен.", authentic: false)
        try w.run(
            .reviseAlternative(
                .init(
                    mechanism: w.mechanism,
                    text: t,
                    clause: para,
                    alternative: w.first(t, para).id,
                    wording: "Staff levels will be fully restored."
                )
            ),
            as: w.usNegotiator
        )
        // The same clauses under another kind: only the document element depends on it.
        var text = w.text(t)
        text.kind = kind
        return (w, text)
    }

    func parties(_ w: World) -> [Party] { [w.us, w.ru].compactMap { w.state.party($0) } }

    func xml(_ w: World, _ text: NegotiatingText) -> String {
        TextExport.akomaNtoso(text, parties: parties(w), exportedAt: Timestamp(secondsSince1970: 1_740_000_000))
    }

    @Test(arguments: TextKind.allCases)
    func akomaNtosoMapsKindBracketsStatusesAndLanguages(_ kind: TextKind) throws {
        let (w, text) = try bracketedText(kind)
        let xml = xml(w, text)
        let element: String
        switch kind {
        case .jointStatement, .communique: element = "<statement name=\"\(kind.rawValue)\">"
        case .memorandumOfUnderstanding, .termsOfReference: element = "<doc name=\"\(kind.rawValue)\">"
        case .agreement: element = "<act name=\"agreement\">"
        }
        #expect(xml.contains(element))
        #expect(xml.contains(kind == .agreement ? "<body>" : "<mainBody>"))
        #expect(xml.contains("<FRBRalias value=\"\(text.reference)\" name=\"reference\"/>"))
        #expect(xml.contains("<FRBRlanguage language=\"en\"/>"))
        #expect(xml.contains("<FRBRlanguage language=\"ru\"/>"))
        #expect(xml.contains("<TLCOrganization eId=\"usa\""))
        #expect(xml.contains("<TLCOrganization eId=\"rus\""))
        #expect(xml.contains("refersTo=\"#rus\">The sides will restore their missions &quot;fully&quot;.</inline>"))
        #expect(xml.contains("<inline name=\"deletion\""))
        #expect(xml.contains("Proposed by Russian Federation"))
        #expect(xml.contains("by=\"#usa\" refersTo=\"#preamble__container_1\" outcome=\"#agreed\""))
        #expect(xml.contains("by=\"#rus\" refersTo=\"#para_1\" outcome=\"#proposed\""))
        #expect(xml.contains("Joint statement &amp; &lt;draft&gt;"))
        #expect(xml.contains("staleVersion"))
    }

    @Test(
        .enabled(if: AkomaNtosoSchema.isPresent, Comment(rawValue: AkomaNtosoSchema.skipMessage)),
        arguments: TextKind.allCases
    )
    func akomaNtosoValidatesAgainstTheOASISSchema(_ kind: TextKind) throws {
        let (w, text) = try bracketedText(kind)
        let (status, output) = try AkomaNtosoSchema.validate(xml(w, text))
        #expect(status == 0, "xmllint: \(output)")
    }

    @Test func adoptedAndSignedTextCarriesItsSignaturesInConclusions() throws {
        var w = try World.withTexts()
        let (t, _) = try w.agreedText()
        try w.adopt(t)
        try w.sign(t, as: w.usLead)
        try w.sign(t, as: w.ruLead)
        let text = w.text(t)
        #expect(text.status == .signed)
        let xml = xml(w, text)
        #expect(xml.contains("<conclusions>"))
        #expect(xml.contains("<signature refersTo=\"#usa\"><party refersTo=\"#usa\">United States</party>"))
        #expect(xml.contains(text.adoptedHash ?? "no hash"))
        #expect(!xml.contains("<inline name=\"alternative\""))
    }

    @Test(.enabled(if: AkomaNtosoSchema.isPresent, Comment(rawValue: AkomaNtosoSchema.skipMessage)))
    func signedAndEmptyTextsValidateToo() throws {
        var w = try World.withTexts()
        let empty = try w.createText("An empty draft")
        #expect(try AkomaNtosoSchema.validate(xml(w, w.text(empty))).status == 0)
        let (t, _) = try w.agreedText()
        try w.adopt(t)
        try w.sign(t, as: w.usLead)
        try w.sign(t, as: w.ruLead)
        let (status, output) = try AkomaNtosoSchema.validate(xml(w, w.text(t)))
        #expect(status == 0, "xmllint: \(output)")
    }

    @Test func plainTextBracketsAndCreditsAlternatives() throws {
        let (w, text) = try bracketedText()
        let plain = TextExport.plainText(text) { w.state.party($0)?.name ?? "?" }
        #expect(plain.hasPrefix("\(text.reference)  Joint statement & <draft>\n"))
        #expect(plain.contains("PP1   Recalling the talks held in Riyadh,"))
        #expect(plain.contains("[The sides will restore the functioning of their missions.] (United States, "))
        #expect(plain.contains("[delete] (Russian Federation, "))
        #expect(plain.contains("Status: United States: agreed; Russian Federation: agreed"))
        #expect(plain.contains("--- ru ---"))
        #expect(plain.contains("(working translation) (stale)"))
    }
}
