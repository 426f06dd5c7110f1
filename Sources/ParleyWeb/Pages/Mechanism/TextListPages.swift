// ParleyWeb: the texts of a mechanism (reference, title, kind, status, progress) and the form to
// start one (title, kind, track, working language and other languages).

import ParleyCore
import ParleyStore

struct TextListPage: Sendable {
    struct Row: Sendable {
        var reference: String
        var href: String
        var title: String
        var kind: String
        var status: StatusView
        var progress: String
    }
    var mechanismTitle: String
    var mechanismHref: String
    var texts: [Row]
    var hasTexts: Bool
    var canCreate: Bool

    static func row(_ text: NegotiatingText, mechanism: MechanismID) -> Row {
        let p = text.progress
        return Row(
            reference: text.reference.description,
            href: mechanism.href + "/texts/" + text.reference.description,
            title: text.title,
            kind: TextFormat.kind(text.kind),
            status: TextFormat.status(text.status),
            progress:
                "\(p.clauses) clauses, \(p.bracketedClauses) bracketed, \(p.agreedClauses) agreed by every side"
        )
    }
}

struct NewTextPage: Sendable {
    struct Option: Sendable {
        var value: String
        var text: String
        var selected: Bool
    }
    var mechanismTitle: String
    var mechanismHref: String
    var title: String = ""
    var kinds: [Option]
    var tracks: [Option]
    var hasTracks: Bool
    var workingLanguage: String = "en"
    var otherLanguages: String = ""
    var cites: String = ""
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var titleError: String?
    var kindError: String?
    var trackError: String?
    var workingLanguageError: String?
    var otherLanguagesError: String?
    var citesError: String?

    init(_ access: MechanismAccess, kind: String, track: String) {
        mechanismTitle = access.mechanism.title
        mechanismHref = access.id.href
        kinds = TextKind.allCases.map {
            Option(value: $0.rawValue, text: TextFormat.kind($0), selected: $0.rawValue == kind)
        }
        tracks =
            [Option(value: "", text: "No track", selected: track.isEmpty)]
            + access.structure.tracks.map {
                Option(value: $0.id.rawValue, text: $0.title, selected: $0.id.rawValue == track)
            }
        hasTracks = tracks.count > 1
    }

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        titleError = errors.message(for: "title")
        kindError = errors.message(for: "kind")
        trackError = errors.message(for: "track")
        workingLanguageError = errors.message(for: "workingLanguage")
        otherLanguagesError = errors.message(for: "otherLanguages")
        citesError = errors.message(for: "cites")
    }
}
