// Clause numbers are derived from the order of the clauses in the text, never stored: a clause
// keeps its id when it moves and simply takes the number of its new place.
//
// The scheme (the usual one for negotiating drafts): preamble paragraphs are PP1, PP2, … (printed
// unnumbered in the final text); operative paragraphs 1, 2, …; an article heading is
// "Article 1", "Article 2", …, and the operative paragraphs after it are 1.1, 1.2, … Operative
// paragraphs before the first article heading are numbered on their own, 1, 2, …
// Clauses outside the text (all alternatives withdrawn, or agreed deleted) take no number.

/// A clause's derived number.
public enum ClauseNumber: Hashable, Sendable, CustomStringConvertible {
    case preamble(Int)
    case paragraph(Int)
    case article(Int)
    case articleParagraph(article: Int, paragraph: Int)

    public var description: String {
        switch self {
        case .preamble(let n): return "PP\(n)"
        case .paragraph(let n): return "\(n)"
        case .article(let n): return "Article \(n)"
        case .articleParagraph(let a, let p): return "\(a).\(p)"
        }
    }
}

extension NegotiatingText {
    /// The number of every clause in the text, by id.
    public func numbering() -> [ClauseID: ClauseNumber] {
        var numbers: [ClauseID: ClauseNumber] = [:]
        var preamble = 0
        var paragraph = 0
        var article = 0
        for clause in clauses where clause.isInText(sides: sides) {
            switch clause.section {
            case .preamble:
                preamble += 1
                numbers[clause.id] = .preamble(preamble)
            case .article:
                article += 1
                paragraph = 0
                numbers[clause.id] = .article(article)
            case .operative:
                paragraph += 1
                numbers[clause.id] =
                    article == 0 ? .paragraph(paragraph) : .articleParagraph(article: article, paragraph: paragraph)
            }
        }
        return numbers
    }

    /// How a clause is named in messages: "clause 3", "clause PP2", or, for a clause outside the
    /// text, "a withdrawn clause".
    public func name(of clause: ClauseID, numbers: [ClauseID: ClauseNumber]? = nil) -> String {
        guard let number = (numbers ?? numbering())[clause] else {
            return self.clause(clause).map { $0.liveAlternatives.isEmpty ? "a withdrawn clause" : "a deleted clause" }
                ?? "an unknown clause"
        }
        return "clause \(number)"
    }
}
