// ParleyWeb: one action on a negotiating text as a plain form page (no JavaScript needed): what
// it acts on (the clause and alternative, quoted), its fields with hints, and on a refusal the
// error summary at the top and each message beside its field, with what was typed kept.
// The fields of each action are in TextAction+Fields.swift.

import ParleyCore

struct TextActionPage: Sendable {
    struct Option: Sendable {
        var value: String
        var text: String
        var selected: Bool
        var id: String
    }
    struct Field: Sendable {
        var name: String
        var label: String
        var hint: String?
        var value: String
        var error: String?
        var options: [Option] = []
        var isHidden = false
        var isText = false
        var isTextarea = false
        var isSelect = false
        var isRadios = false
        var isCheckboxes = false
        var isCheckbox = false
        var checked = false
    }

    var mechanismTitle: String
    var mechanismHref: String
    var textHref: String
    var textReference: String
    var textTitle: String
    var action: String
    var heading: String
    var lead: String?
    /// The clause acted on, as it reads now.
    var clauseNumber: String?
    var quoted: [String]
    var hasQuoted: Bool
    var fields: [Field]
    var button: String
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false

    /// Shows `errors` in the summary and beside their fields; `[n]` in a field name (one of a
    /// list, e.g. `merging[1]`) points at the list's field.
    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages.map { SummaryMessage(field: $0.field.map(Self.listField), message: $0.message) }
        hasErrors = !self.errors.isEmpty
        for i in fields.indices {
            fields[i].error = self.errors.first { $0.field == fields[i].name }?.message
        }
    }

    static func listField(_ name: String) -> String {
        name.firstIndex(of: "[").map { String(name[..<$0]) } ?? name
    }
}
