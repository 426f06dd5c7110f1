// ParleyWeb: a form's errors as the GOV.UK "Error summary" pattern shows them — a list at the
// top linking to each field, and the same message beside the field. ParleyCore's validation
// names the field of each problem, so its messages land next to the right input.

import ParleyCore

/// One message of an error summary, linking to its field when it has one.
struct SummaryMessage: Sendable {
    var field: String?
    var message: String
}

/// The errors of one submitted form, by field.
struct FormErrors: Sendable {
    private(set) var messages: [SummaryMessage] = []

    var isEmpty: Bool { messages.isEmpty }

    mutating func add(_ field: String?, _ message: String) {
        messages.append(SummaryMessage(field: field, message: message))
    }

    /// The first message about `field`, to show beside it.
    func message(for field: String) -> String? {
        messages.first { $0.field == field }?.message
    }

    /// The same errors under the form's field names: ParleyCore's indexed fields
    /// (`participants[2]`) name their list's input, and `names` renames the rest (`text` → `outcome`).
    func renamed(_ names: [String: String] = [:]) -> FormErrors {
        var out = FormErrors()
        for message in messages {
            let field = message.field.map { field in
                let base = field.firstIndex(of: "[").map { String(field[..<$0]) } ?? field
                return names[base] ?? base
            }
            out.add(field, message.message)
        }
        return out
    }

    /// The problems of a refusal: each field problem of `.invalid`, or the reason of the rest.
    init(_ refusal: Refusal) {
        switch refusal {
        case .invalid(let problems):
            for problem in problems { add(Self.formField(problem.field), problem.message) }
        case .forbidden(let reason), .conflict(let reason):
            add(nil, reason)
        case .notVisible:
            add(nil, WebError.notFound.message)
        }
    }

    init() {}

    /// The form's name for a field ParleyCore names by position (`members[1]` is `members`):
    /// a form names a repeated field once, and the summary links to that one field.
    static func formField(_ field: String) -> String {
        guard field.hasSuffix("]"), let open = field.firstIndex(of: "[") else { return field }
        return String(field[..<open])
    }
}
