// Preparing a page's data for Mustache once (TemplateValues) must change no page: the same bytes
// as swift-mustache reading every value through Mirror, for nil optionals that send the look-up
// up the stack, lists, values that describe themselves, and a whole printable text.

import Foundation
import Mustache
import ParleyCore
import ParleyStore
import Testing

@testable import ParleyWeb

@Suite struct TemplateValuesTests {
    struct Day: CustomStringConvertible {
        var n: Int
        var description: String { "day \(n)" }
    }
    enum Colour { case red, blue }
    struct Row {
        var name: String
        var note: String?
        var count: Int
        var flag: Bool
        var tags: [String]
    }
    struct Page {
        var title: String
        var note: String?
        var rows: [Row]
        var none: [Row]
        var day: Day
        var colour: Colour
        var nested: Row?
        var reversed: ReversedCollection<[Int]>
    }

    @Test func preparedValuesRenderExactlyAsMirroredOnes() throws {
        let template = try MustacheTemplate(
            string: """
                {{title}} {{note}} {{day}} {{colour}}
                {{#rows}}[{{name}}|{{note}}|{{#note}}has {{.}}{{/note}}{{^note}}none{{/note}}|{{count}}|\
                {{#flag}}on{{/flag}}{{^flag}}off{{/flag}}|{{#tags}}<{{.}}>{{/tags}}{{^tags}}no tags{{/tags}}]
                {{/rows}}{{^none}}empty{{/none}}{{#nested}}{{name}}{{/nested}}{{#reversed}}{{.}},{{/reversed}}
                {{day.n}} {{rows.0.name}}
                """
        )
        let page = Page(
            title: "A & B",
            note: "outer note",
            rows: [
                Row(name: "first", note: nil, count: 0, flag: true, tags: ["x", "<y>"]),
                Row(name: "second", note: "own", count: 2, flag: false, tags: []),
            ],
            none: [],
            day: Day(n: 3),
            colour: .blue,
            nested: Row(name: "inner", note: nil, count: 1, flag: true, tags: []),
            reversed: [1, 2, 3].reversed()
        )
        let prepared = try #require(TemplateValues.prepare(page))
        #expect(prepared is [String: Any])
        #expect(template.render(prepared) == template.render(page))
        // A nil note looks up the outer one, as before.
        #expect(template.render(prepared).contains("[first|outer note|has outer note|"))
    }

    @Test func aPrintableTextRendersTheSameBytes() async throws {
        let tw = try await TextWorld.make()
        defer { Task { await tw.pw.world.close() } }
        let text = try await tw.current()
        let parties = try #require(try await tw.pw.world.store.structure(of: tw.pw.m, in: nil)).parties
        let page = TextPrintPage(
            text,
            names: PartyNames(parties),
            stylesheet: "/static/parley-print.css",
            language: text.workingLanguage.rawValue
        )
        let templates = try Templates()
        let html = try templates.render("text-print", page)
        #expect(html == (try templates.renderAsGiven("text-print", page)))
        #expect(html.contains("[" + TextWorld.ruWords + "]"))
    }

    @Test func theComparisonCountsClausesInTheRightNumber() {
        #expect(TextComparePage.changedWords(0) == "0 clauses changed")
        #expect(TextComparePage.changedWords(1) == "1 clause changed")
        #expect(TextComparePage.changedWords(2) == "2 clauses changed")
    }
}
