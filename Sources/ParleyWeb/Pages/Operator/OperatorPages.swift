// ParleyWeb: the data of the operator's pages (DESIGN.md "Who uses it": the operator creates
// mechanisms, parties, tracks and first accounts, and reads no party's content). They hold the
// standing structure and counts of accounts only: no irritant, note, name of an account or any
// other entry of a party's work.

import ParleyCore
import ParleyStore

/// `/operator`: every mechanism, and the form to open one.
struct OperatorHomePage: FormPage {
    struct MechanismRow: Sendable {
        var title: String
        var href: String
        var parties: String
        var tracks: Int
        var accounts: Int
    }

    var mechanisms: [MechanismRow]
    var hasMechanisms: Bool
    var title: String = ""
    var contactCadenceDays: String = ""
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var titleError: String?
    var contactCadenceDaysError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        titleError = errors.message(for: "title")
        contactCadenceDaysError = errors.message(for: "contactCadenceDays")
    }
}

/// `/operator/mechanisms/:id`: one mechanism's parties, tracks and counts of accounts.
struct OperatorMechanismPage: Sendable {
    struct PartyRow: Sendable {
        var name: String
        var country: String
        var kind: String
        var languages: String
        var accounts: Int
    }

    var title: String
    var href: String
    var contactCadence: String
    var createdAt: String
    var parties: [PartyRow]
    var hasParties: Bool
    var tracks: [String]
    var hasTracks: Bool

    init(_ structure: MechanismStructure, accounts: [PartyID: Int]) {
        let m = structure.mechanism
        title = m.title
        href = m.id.operatorHref
        contactCadence = m.contactCadenceDays.map { "Every \($0) days" } ?? "No target"
        createdAt = PageFormat.utc(m.createdAt)
        parties = structure.parties.map {
            PartyRow(
                name: $0.name,
                country: $0.country?.rawValue ?? "None",
                kind: $0.kind == .facilitator ? "Facilitator" : "Side",
                languages: $0.languages.map(\.rawValue).joined(separator: ", "),
                accounts: accounts[$0.id] ?? 0
            )
        }
        hasParties = !parties.isEmpty
        tracks = structure.tracks.map(\.title)
        hasTracks = !tracks.isEmpty
    }
}

/// The form to add a party to a mechanism.
struct PartyFormPage: FormPage {
    var mechanismTitle: String
    var mechanismHref: String
    var name: String = ""
    var country: String = ""
    var languages: String = ""
    var kinds: [FormOption]
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var nameError: String?
    var countryError: String?
    var languagesError: String?
    var kindError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        nameError = errors.message(for: "name")
        countryError = errors.message(for: "country")
        languagesError = errors.message(for: "languages")
        kindError = errors.message(for: "kind")
    }

    static func kinds(selected: String?) -> [FormOption] {
        let kinds: [(PartyKind, String)] = [
            (.side, "Side – a party to the consultations"),
            (.facilitator, "Facilitator – a host or mediator, never a side to an agreement"),
        ]
        return kinds.map { FormOption(value: $0.0.rawValue, label: $0.1, selected: $0.0.rawValue == selected) }
    }
}

/// The form to add a track to a mechanism.
struct TrackFormPage: FormPage {
    var mechanismTitle: String
    var mechanismHref: String
    var title: String = ""
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var titleError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        titleError = errors.message(for: "title")
    }
}

extension MechanismID {
    /// The operator's page of the mechanism.
    var operatorHref: String { "/operator/mechanisms/" + rawValue.addingPathPercentEncoding() }
}
