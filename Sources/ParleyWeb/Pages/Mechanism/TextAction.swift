// ParleyWeb: every action on a negotiating text that has a form (DESIGN.md "Text"; issue 6:
// plain forms for every action). The name is the last segment of the form's address,
// `/mechanisms/M/texts/TXT-n/actions/NAME`; which clause and alternative it acts on come as
// `clause` and `alternative`, in the query of the form page and as fields of the POST.

import ParleyCore

enum TextAction: String, CaseIterable, Sendable {
    case proposeClause = "propose-clause"
    case amend
    case proposeMove = "propose-move"
    case proposeDeletion = "propose-deletion"
    case revise
    case withdrawAlternative = "withdraw-alternative"
    case support
    case compromise
    case setStatus = "set-status"
    case setVersion = "set-version"
    case comment
    case note
    case openRound = "open-round"
    case adopt
    case recordSignature = "record-signature"
    case withdraw

    /// What the action needs besides the text: a clause, and an alternative of it.
    var needsClause: Bool {
        switch self {
        case .proposeClause, .openRound, .adopt, .recordSignature, .withdraw: return false
        default: return true
        }
    }

    var needsAlternative: Bool {
        switch self {
        case .proposeMove, .revise, .withdrawAlternative, .support, .setStatus, .setVersion: return true
        default: return false
        }
    }

    var heading: String {
        switch self {
        case .proposeClause: return "Propose a new clause"
        case .amend: return "Propose an amendment"
        case .proposeMove: return "Propose moving this clause"
        case .proposeDeletion: return "Propose deleting this clause"
        case .revise: return "Revise your side's alternative"
        case .withdrawAlternative: return "Withdraw your side's alternative"
        case .support: return "Support this alternative"
        case .compromise: return "Propose a compromise"
        case .setStatus: return "Set your side's status on this alternative"
        case .setVersion: return "Set a language version"
        case .comment: return "Comment on this clause"
        case .note: return "Write a private note on this clause"
        case .openRound: return "Open a new round"
        case .adopt: return "Adopt this text"
        case .recordSignature: return "Record your side's signature"
        case .withdraw: return "Withdraw this text"
        }
    }

    var button: String {
        switch self {
        case .proposeClause: return "Propose the clause"
        case .amend: return "Propose the amendment"
        case .proposeMove: return "Propose the move"
        case .proposeDeletion: return "Propose the deletion"
        case .revise: return "Save the revised words"
        case .withdrawAlternative: return "Withdraw the alternative"
        case .support: return "Support the alternative"
        case .compromise: return "Propose the compromise"
        case .setStatus: return "Set your side's status"
        case .setVersion: return "Save the language version"
        case .comment: return "Add the comment"
        case .note: return "Save the private note"
        case .openRound: return "Open the round"
        case .adopt: return "Adopt the text"
        case .recordSignature: return "Record the signature"
        case .withdraw: return "Withdraw the text"
        }
    }

    /// What happens, in one sentence, above the form.
    var lead: String {
        switch self {
        case .proposeClause: return "Every side will see it as a new clause credited to your side."
        case .amend:
            return "Your words become another alternative of the clause: it is bracketed until one alternative is left."
        case .proposeMove: return "Once every side agrees to it, the clause moves; its number follows its new place."
        case .proposeDeletion: return "Once every side agrees to it, the clause leaves the text."
        case .revise:
            return "Changing the words resets every side's status on this clause: agreement is to exact words."
        case .withdrawAlternative:
            return "Your side's credit is withdrawn; the alternative goes when no side is credited with it."
        case .support: return "Your side supports these words; a compromise you support is credited to your side too."
        case .compromise:
            return
                "Merge live alternatives into new words. The compromise is credited to your side; each side that supports it joins the credit."
        case .setStatus: return "Your side's status applies to these exact words; any change of wording resets it."
        case .setVersion:
            return
                "The version records which revision of the working-language words it translates, and shows as stale when they change."
        case .comment: return "Comments are in the shared record: every party of the mechanism reads them."
        case .note: return "Only your own party reads private notes. No other party learns that they exist."
        case .openRound: return "The round's changes are the revisions made after it opens."
        case .adopt:
            return
                "A text is adopted only when every clause is agreed by every side, with no brackets left and no stale authentic version. It is then frozen."
        case .recordSignature:
            return
                "The signature is over the hash of the adopted text's canonical form. To add a detached signature with your party's own key, run `parley text sign` on your own machine and paste what it prints."
        case .withdraw: return "A withdrawn text stays in the record but can no longer change or be adopted."
        }
    }
}
