// ParleyWeb: a negotiating text as a printable page (an A4 sheet, parley-print.css): the clauses
// in each language, each bracketed alternative in square brackets with a footnote naming the
// sides that proposed it and when; then each side's status, the hash and the signatures.

import ParleyCore

struct TextPrintPage: Sendable {
    struct Segment: Sendable {
        var words: String
        var footnote: Int?
        var note: String?
    }
    struct ClauseView: Sendable {
        var number: String
        var isPreamble: Bool
        var isArticle: Bool
        var segments: [Segment]
        var statuses: String
    }
    struct LanguageView: Sendable {
        var language: String
        var heading: String
        var clauses: [ClauseView]
    }
    struct Footnote: Sendable {
        var number: Int
        var text: String
    }

    var language: String
    var stylesheet: String
    var reference: String
    var title: String
    var kind: String
    var status: String
    var sides: String
    var revision: Int
    var languages: [LanguageView]
    var footnotes: [Footnote]
    var hasFootnotes: Bool
    var adoptedHash: String?
    var signatures: [String]
    var hasSignatures: Bool

    init(_ text: NegotiatingText, names: PartyNames, stylesheet: String, language: String) {
        let numbers = text.numbering()
        let inText = text.clauses.filter { numbers[$0.id] != nil }
        var footnotes: [Footnote] = []
        var noteNumber: [AlternativeID: Int] = [:]
        for clause in inText where clause.isBracketed {
            for a in clause.liveAlternatives {
                noteNumber[a.id] = footnotes.count + 1
                footnotes.append(
                    Footnote(
                        number: footnotes.count + 1,
                        text: (a.isCompromise ? "Compromise proposed by " : "Proposed by ")
                            + TextFormat.credit(a.proposedBy, names) + ", " + PageFormat.utc(a.proposedAt)
                            + (a.supporters.isEmpty ? "" : "; supported by " + TextFormat.credit(a.supporters, names))
                    )
                )
            }
        }
        func view(_ language: LanguageTag) -> LanguageView {
            let working = language == text.workingLanguage
            let clauses = inText.map { clause -> ClauseView in
                let live = clause.liveAlternatives
                let segments = live.map { a -> Segment in
                    var words: String
                    var note: String?
                    switch a.kind {
                    case .deletion: words = "delete"
                    case .move, .wording:
                        if working {
                            words = a.wording
                        } else if let v = clause.version(in: language, of: a.id) {
                            words = v.wording
                            if clause.isStale(v) { note = "stale translation" }
                        } else {
                            words = "…"
                            note = "no \(language) version"
                        }
                        if a.kind == .move { note = "move " + (note ?? "") }
                    }
                    if clause.isBracketed { words = "[" + words + "]" }
                    return Segment(words: words, footnote: noteNumber[a.id], note: note)
                }
                return ClauseView(
                    number: numbers[clause.id]!.description,
                    isPreamble: clause.section == .preamble,
                    isArticle: clause.section == .article,
                    segments: segments,
                    statuses: text.sides.map {
                        names.name($0) + ": " + TextFormat.clauseStatusWords(clause.status(of: $0))
                    }
                    .joined(separator: "; ")
                )
            }
            return LanguageView(
                language: language.rawValue,
                heading: working ? "\(language) (working language)" : language.rawValue,
                clauses: clauses
            )
        }
        self.language = language
        self.stylesheet = stylesheet
        reference = text.reference.description
        title = text.title
        kind = TextFormat.kind(text.kind)
        status = TextFormat.status(text.status).text
        sides = TextFormat.credit(text.sides, names)
        revision = text.revision
        languages = ([text.workingLanguage] + text.otherLanguages).map(view)
        self.footnotes = footnotes
        hasFootnotes = !footnotes.isEmpty
        adoptedHash = text.adoptedHash
        signatures = text.signatures.map { names.name($0.party) + ", " + PageFormat.utc($0.at) }
        hasSignatures = !signatures.isEmpty
    }
}
