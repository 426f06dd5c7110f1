// ParleyWeb: a negotiating text rendered to printable HTML without a server or a store, for
// tools that export or time it (parley-bench renders a 300-clause text with it).

public import ParleyCore

public struct TextRenderer: Sendable {
    private let templates: Templates

    /// Loads the page templates once.
    public init() throws { templates = try Templates() }

    /// The printable page of `text` (as `…/TXT-n/print` answers it), naming `parties`.
    public func printableHTML(_ text: NegotiatingText, parties: [Party]) throws -> String {
        let page = TextPrintPage(
            text,
            names: PartyNames(parties),
            stylesheet: "/static/parley-print.css",
            language: text.workingLanguage.rawValue
        )
        return try templates.render("text-print", page)
    }
}
