// ParleyWeb: how the text pages word things (DESIGN.md "Look and feel": status as text and
// colour together): a text's kind and status, a side's status on a clause, a clause's part.

import ParleyCore

enum TextFormat {
    static func kind(_ kind: TextKind) -> String {
        switch kind {
        case .jointStatement: return "Joint statement"
        case .memorandumOfUnderstanding: return "Memorandum of understanding"
        case .communique: return "Communiqué"
        case .agreement: return "Agreement"
        case .termsOfReference: return "Terms of reference"
        }
    }

    static func status(_ status: TextStatus) -> StatusView {
        switch status {
        case .drafting: return StatusView(text: "Drafting", tag: "tag--blue")
        case .adopted: return StatusView(text: "Adopted", tag: "tag--yellow")
        case .signed: return StatusView(text: "Signed", tag: "tag--green")
        case .withdrawn: return StatusView(text: "Withdrawn", tag: "tag--grey")
        }
    }

    static func clauseStatus(_ status: ClauseStatus) -> StatusView {
        switch status {
        case .proposed: return StatusView(text: "Proposed", tag: "tag--grey")
        case .agreedAdReferendum: return StatusView(text: "Agreed ad referendum", tag: "tag--yellow")
        case .agreed: return StatusView(text: "Agreed", tag: "tag--green")
        case .reserved: return StatusView(text: "Reserved", tag: "tag--red")
        }
    }

    static func clauseStatusWords(_ status: ClauseStatus) -> String { clauseStatus(status).text }

    static func section(_ section: ClauseSection) -> String {
        switch section {
        case .preamble: return "Preamble paragraph"
        case .operative: return "Operative paragraph"
        case .article: return "Article heading"
        }
    }

    /// `A`, `B`, … `Z`, `AA`: how alternatives of one clause are told apart on the page.
    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < letters.count
            ? String(letters[index]) : letter(index / letters.count - 1) + String(letters[index % letters.count])
    }

    /// `United States`, or `United States and Russia` for a compromise both sides joined.
    static func credit(_ parties: [PartyID], _ names: PartyNames) -> String {
        let words = parties.map { names.name($0) }
        guard words.count > 1 else { return words.first ?? "No side" }
        return words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
    }
}
