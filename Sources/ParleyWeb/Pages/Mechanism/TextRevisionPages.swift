// ParleyWeb: a text's revisions with the progress at each (brackets, live alternatives, clauses
// agreed by every side) and its rounds, and the word-level comparison of two revisions: clause
// by clause by stable id, insertions in <ins> and deletions in <del> (TextComparison).

import ParleyCore

struct TextRevisionsPage: Sendable {
    struct Row: Sendable {
        var revision: Int
        var href: String
        var compareHref: String?
        var clauses: Int
        var bracketed: Int
        var alternatives: Int
        var agreed: Int
    }
    struct RoundRow: Sendable {
        var number: Int
        var meeting: String?
        var range: String
        var compareHref: String
    }
    var mechanismTitle: String
    var mechanismHref: String
    var textHref: String
    var reference: String
    var title: String
    var rows: [Row]
    var rounds: [RoundRow]
    var hasRounds: Bool
    var chart: TextProgressChart
}

struct TextComparePage: Sendable {
    struct Piece: Sendable {
        var text: String
        var inserted: Bool
        var deleted: Bool
    }
    struct ClauseRow: Sendable {
        var label: String
        var moved: Bool
        var added: Bool
        var removed: Bool
        var unchanged: Bool
        var pieces: [Piece]
    }
    var mechanismTitle: String
    var mechanismHref: String
    var textHref: String
    var reference: String
    var title: String
    var from: Int
    var to: Int
    var latest: Int
    var clauses: [ClauseRow]
    /// "1 clause changed", "3 clauses changed".
    var changed: String

    static func changedWords(_ count: Int) -> String {
        count == 1 ? "1 clause changed" : "\(count) clauses changed"
    }

    static func rows(_ comparison: [ClauseComparison]) -> [ClauseRow] {
        comparison.map { c in
            let label: String
            switch (c.oldNumber, c.newNumber) {
            case (let old?, let new?): label = old == new ? "Clause \(new)" : "Clause \(new) (was \(old))"
            case (nil, let new?): label = "Clause \(new) (new)"
            case (let old?, nil): label = "Clause \(old) (removed)"
            case (nil, nil): label = "Clause"
            }
            return ClauseRow(
                label: label,
                moved: c.moved,
                added: c.isAdded,
                removed: c.isRemoved,
                unchanged: c.isUnchanged,
                pieces: c.pieces.map {
                    Piece(text: $0.text, inserted: $0.change == .inserted, deleted: $0.change == .deleted)
                }
            )
        }
    }
}
