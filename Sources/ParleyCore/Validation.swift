// Field validation with messages a person can act on (GOV.UK Design System error messages:
// say what is wrong and how to fix it). Collects every problem of a command, then refuses once.

import Foundation

/// Length limits, in characters (extended grapheme clusters, as a person counts them).
public enum Limits {
    public static let title = 200
    public static let name = 200
    public static let city = 100
    public static let reason = 2_000
    public static let shortText = 2_000
    public static let body = 20_000
    /// One clause's words (one alternative, or one language version of it).
    public static let clause = 10_000
    public static let usernameLength = 3...64
    public static let durationMinutes = 1...10_080  // up to a week
    public static let cadenceDays = 1...366
}

struct Validation {
    private(set) var problems: [FieldError] = []

    mutating func fail(_ field: String, _ message: String) {
        problems.append(FieldError(field: field, message: message))
    }

    mutating func check(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { fail(field, message()) }
    }

    /// A required single-line text: trimmed, not empty, at most `max` characters, no line breaks.
    mutating func line(_ value: String, _ field: String, label: String, max: Int) -> String {
        let trimmed = value.trimmedOfWhitespace
        if trimmed.isEmpty {
            fail(field, "Enter \(label)")
        } else if let count = Self.count(trimmed, over: max) {
            fail(field, "\(capitalised(label)) must be \(max) characters or fewer (it has \(count))")
        } else if trimmed.unicodeScalars.contains(where: Self.isControl) {
            // Only C0/C1 controls (line breaks, tabs): format characters such as ZWNJ are part of
            // Persian and other scripts' spelling and must stay.
            fail(field, "\(capitalised(label)) must be on one line")
        }
        return trimmed
    }

    /// A required multi-line text: trimmed, not empty, at most `max` characters.
    mutating func text(_ value: String, _ field: String, label: String, max: Int) -> String {
        let trimmed = value.trimmedOfWhitespace
        if trimmed.isEmpty {
            fail(field, "Enter \(label)")
        } else if let count = Self.count(trimmed, over: max) {
            fail(field, "\(capitalised(label)) must be \(max) characters or fewer (it has \(count))")
        }
        return trimmed
    }

    /// The number of characters in `text` when it has more than `max`, else nil. A character is
    /// at least one UTF-8 byte, so a text of no more than `max` bytes is counted without walking
    /// its grapheme clusters, which costs more than the rest of a command's checks.
    static func count(_ text: String, over max: Int) -> Int? {
        if text.utf8.count <= max { return nil }
        let count = text.count
        return count > max ? count : nil
    }

    /// General category Cc, which Unicode fixes for ever as U+0000–U+001F and U+007F–U+009F:
    /// compared directly rather than looked up in the character database for every scalar.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// An optional multi-line text: nil when blank.
    mutating func optionalText(_ value: String?, _ field: String, label: String, max: Int) -> String? {
        guard let value, !value.trimmedOfWhitespace.isEmpty else { return nil }
        return text(value, field, label: label, max: max)
    }

    mutating func country(_ value: String, _ field: String) -> CountryCode? {
        let code = CountryCode(value.trimmingCharacters(in: .whitespaces))
        if code == nil {
            fail(
                field,
                value.trimmingCharacters(in: .whitespaces).isEmpty
                    ? "Enter the country as an ISO 3166-1 alpha-3 code, such as USA, RUS or SAU"
                    : "Country must be an ISO 3166-1 alpha-3 code in capitals, such as USA, RUS or SAU (not \(value))"
            )
        }
        return code
    }

    mutating func timeZone(_ value: String, _ field: String) {
        // IANA names such as Asia/Riyadh; Foundation knows the tz database's names.
        if value.isEmpty {
            fail(field, "Enter the venue's time zone as an IANA name, such as Asia/Riyadh")
        } else if TimeZone(identifier: value) == nil {
            fail(field, "Time zone must be an IANA time zone name, such as Asia/Riyadh or Europe/Moscow (not \(value))")
        }
    }

    mutating func duration(_ minutes: Int, _ field: String) {
        check(
            Limits.durationMinutes.contains(minutes),
            field,
            minutes <= 0
                ? "Duration must be more than 0 minutes"
                : "Duration must be at most \(Limits.durationMinutes.upperBound) minutes (a week)"
        )
    }

    /// Refuses with every problem found, if any.
    func finish() throws(Refusal) {
        if !problems.isEmpty { throw .invalid(problems) }
    }

    private func capitalised(_ label: String) -> String {
        var words = label.split(separator: " ", maxSplits: 1).map(String.init)
        if ["a", "an", "the"].contains(words.first ?? "") { words.removeFirst() }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
