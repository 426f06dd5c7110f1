// A negotiating text as plain text, for e-mail and for reading where nothing else opens: the
// clauses in order with their derived numbers, each bracketed alternative in square brackets
// followed by the sides that proposed it and when, each side's status, and the other language
// versions after the working language (stale ones marked).

public enum TextExport {}

extension TextExport {
    /// The text as UTF-8 plain text, lines ending in LF. `name` names a party (e.g. by name).
    public static func plainText(_ text: NegotiatingText, naming name: (PartyID) -> String) -> String {
        let numbers = text.numbering()
        let inText = text.clauses.filter { numbers[$0.id] != nil }
        var out: [String] = [
            "\(text.reference)  \(text.title)",
            "Kind: \(text.kind.rawValue). Status: \(text.status.rawValue), revision \(text.revision).",
            "Between: " + text.sides.map(name).joined(separator: ", "),
            "Working language: \(text.workingLanguage.rawValue)"
                + (text.otherLanguages.isEmpty
                    ? "" : "; also in " + text.otherLanguages.map(\.rawValue).joined(separator: ", ")),
        ]
        if let hash = text.adoptedHash { out.append("Adopted; SHA-256 of the canonical form: \(hash)") }
        for signature in text.signatures {
            out.append("Signed by \(name(signature.party)) at \(signature.at)")
        }
        out.append("")
        for clause in inText {
            out.append(clauseLine(clause, number: numbers[clause.id]!, text: text, name: name))
            let marks = text.sides.map { "\(name($0)): \(clause.status(of: $0).rawValue)" }
            out.append("      Status: " + marks.joined(separator: "; "))
        }
        for language in text.otherLanguages {
            out.append("")
            out.append("--- \(language.rawValue) ---")
            for clause in inText {
                let live = clause.liveAlternatives.filter { $0.kind != .deletion }
                let versions = live.map { a -> String in
                    guard let v = clause.version(in: language, of: a.id) else { return "(no \(language) version)" }
                    let marks = (v.authentic ? "" : " (working translation)") + (clause.isStale(v) ? " (stale)" : "")
                    return (clause.isBracketed ? "[\(v.wording)]" : v.wording) + marks
                }
                out.append(pad(numbers[clause.id]!.description) + versions.joined(separator: " "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `3     words`, or for a bracketed clause each live alternative in square brackets with its credit.
    static func clauseLine(
        _ clause: Clause,
        number: ClauseNumber,
        text: NegotiatingText,
        name: (PartyID) -> String
    ) -> String {
        let live = clause.liveAlternatives
        guard clause.isBracketed else { return pad(number.description) + clause.reading(sides: text.sides) }
        let options = live.map { a -> String in
            let words: String
            switch a.kind {
            case .wording: words = a.wording
            case .deletion: words = "delete"
            case .move: words = "move: " + a.wording
            }
            return "[\(words)] (\(a.proposedBy.map(name).joined(separator: " + ")), \(a.proposedAt))"
        }
        return pad(number.description) + options.joined(separator: " ")
    }

    private static func pad(_ number: String) -> String {
        number + String(repeating: " ", count: max(1, 6 - number.count))
    }
}
