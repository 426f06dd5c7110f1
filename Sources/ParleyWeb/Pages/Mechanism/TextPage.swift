// ParleyWeb: a negotiating text as delegates read it (DESIGN.md "Text"): clauses numbered, a
// bracketed clause's live alternatives each in square brackets with the sides that proposed
// them and when, every side's own status per clause, the other languages side by side with
// stale versions marked, the shared comments, and the reader's own party's private notes.
// Which actions are linked follows ParleyCore's policy; the store decides again on every POST.

import ParleyCore
import ParleyStore

struct TextPage: Sendable {
    struct SideMark: Sendable {
        var party: String
        var status: StatusView
        /// Which alternative the status is on, when the clause has more than one.
        var on: String?
    }
    struct VersionCell: Sendable {
        var language: String
        /// Named apart from the alternative's `wording`: Mustache looks a missing value up the stack.
        var translation: String?
        var authentic: Bool
        var stale: Bool
        var staleNote: String?
    }
    struct Link: Sendable {
        var href: String
        var text: String
    }
    struct AlternativeView: Sendable {
        var letter: String
        var wording: String
        var isDeletion: Bool
        var moveNote: String?
        var credit: String
        var proposedAt: String
        var isCompromise: Bool
        var supporters: String?
        var revision: Int
        var cells: [VersionCell]
        var links: [Link]
        var hasLinks: Bool
    }
    struct CommentView: Sendable {
        var party: String
        var body: String
        var at: String
    }
    struct NoteView: Sendable {
        var reference: String
        var href: String
        var body: String
    }
    struct ClauseView: Sendable {
        var anchor: String
        var number: String
        var section: String
        var bracketed: Bool
        var clean: Bool
        var alternatives: [AlternativeView]
        var marks: [SideMark]
        var comments: [CommentView]
        var hasComments: Bool
        var notes: [NoteView]
        var hasNotes: Bool
        var links: [Link]
        var hasLinks: Bool
    }

    var mechanismTitle: String
    var mechanismHref: String
    var href: String
    var reference: String
    var title: String
    var kind: String
    var status: StatusView
    var track: String?
    var workingLanguage: String
    var otherLanguages: [String]
    var hasOtherLanguages: Bool
    var sides: String
    var revision: Int
    var currentRevision: Int
    /// Showing an earlier revision: read only, no actions.
    var isEarlier: Bool
    var round: String?
    var cites: String?
    var adoptedHash: String?
    var signatures: [Link]
    var hasSignatures: Bool
    var blockers: [String]
    var hasBlockers: Bool
    var clauses: [ClauseView]
    var hasClauses: Bool
    var onlyBracketed: Bool
    var onlyPending: Bool
    var canFilterPending: Bool
    var shownCount: Int
    var totalCount: Int
    var textLinks: [Link]
    var hasTextLinks: Bool
}

/// What the viewer may do on a text, from ParleyCore's policy.
struct TextPermissions: Sendable {
    var writeShared: Bool
    var holdAgreement: Bool
    var adoptForSide: Bool
    var comment: Bool
    var writePrivate: Bool

    init(_ access: MechanismAccess) {
        let target = Target.record(access.mechanism, access.sharedLog)
        writeShared = access.canWriteShared
        holdAgreement = Policy.check(.holdAgreement, by: access.actor, on: target) == .allowed
        adoptForSide = Policy.check(.adoptForSide, by: access.actor, on: target) == .allowed
        comment = Policy.check(.comment, by: access.actor, on: target) == .allowed
        writePrivate = access.canWritePrivate
    }
}

extension TextPage {
    /// The page of `text` (at `revision` when earlier than its current one) for `access`'s viewer.
    static func make(
        _ text: NegotiatingText,
        current: Int,
        access: MechanismAccess,
        notes: [Note],
        onlyBracketed: Bool,
        onlyPending: Bool
    ) -> TextPage {
        let names = access.names
        let base = access.id.href + "/texts/" + text.reference.description
        let isEarlier = text.revision < current
        let may = TextPermissions(access)
        let party = access.actor.party.flatMap { text.sides.contains($0) ? $0 : nil }
        let drafting = text.status == .drafting && !isEarlier
        let numbers = text.numbering()
        let inText = text.clauses.filter { numbers[$0.id] != nil }
        let shown = inText.filter { clause in
            if onlyBracketed, !clause.isBracketed { return false }
            if onlyPending, let party, clause.alternativeAgreed(bySides: [party]) != nil, !clause.isBracketed {
                return false
            }
            return true
        }
        let clauses = shown.map { clause -> ClauseView in
            let number = numbers[clause.id]!.description
            func action(_ name: String, _ alternative: AlternativeID? = nil) -> String {
                base + "/actions/" + name + "?clause=" + clause.id.rawValue.addingPathPercentEncoding()
                    + (alternative.map { "&alternative=" + $0.rawValue.addingPathPercentEncoding() } ?? "")
            }
            let live = clause.liveAlternatives
            let alternatives = live.enumerated().map { index, a -> AlternativeView in
                var links: [Link] = []
                if drafting, let party {
                    if may.holdAgreement {
                        links.append(Link(href: action("set-status", a.id), text: "Set your side's status on this"))
                    }
                    if may.writeShared {
                        if a.proposedBy.contains(party) {
                            if a.kind != .deletion { links.append(Link(href: action("revise", a.id), text: "Revise")) }
                            links.append(Link(href: action("withdraw-alternative", a.id), text: "Withdraw"))
                        } else if !a.supporters.contains(party) {
                            links.append(Link(href: action("support", a.id), text: "Support"))
                        }
                        if a.kind != .deletion, !text.otherLanguages.isEmpty {
                            links.append(Link(href: action("set-version", a.id), text: "Set a language version"))
                        }
                        if a.kind == .wording, live.count == 1 {
                            links.append(Link(href: action("propose-move", a.id), text: "Propose a move"))
                        }
                    }
                }
                let cells = text.otherLanguages.map { language -> VersionCell in
                    guard let v = clause.version(in: language, of: a.id) else {
                        return VersionCell(
                            language: language.rawValue,
                            translation: nil,
                            authentic: false,
                            stale: false
                        )
                    }
                    let stale = clause.isStale(v)
                    return VersionCell(
                        language: language.rawValue,
                        translation: v.wording,
                        authentic: v.authentic,
                        stale: stale,
                        staleNote: stale
                            ? "Stale: translates revision \(v.translatesRevision) of these words; they are now at revision \(a.revision)"
                            : nil
                    )
                }
                let moveNote: String? =
                    a.kind == .move
                    ? "Move this clause "
                        + (a.placement?.after.map { "after " + text.name(of: $0, numbers: numbers) } ?? "to the start")
                    : nil
                return AlternativeView(
                    letter: TextFormat.letter(index),
                    wording: a.kind == .deletion ? "Delete this clause" : a.wording,
                    isDeletion: a.kind == .deletion,
                    moveNote: moveNote,
                    credit: TextFormat.credit(a.proposedBy, names),
                    proposedAt: PageFormat.utc(a.proposedAt),
                    isCompromise: a.isCompromise,
                    supporters: a.supporters.isEmpty ? nil : TextFormat.credit(a.supporters, names),
                    revision: a.revision,
                    cells: cells,
                    links: links,
                    hasLinks: !links.isEmpty
                )
            }
            let marks = text.sides.map { side -> SideMark in
                let record = clause.statusRecord(of: side)
                let letter = record.flatMap { r in live.firstIndex { $0.id == r.alternative } }.map(TextFormat.letter)
                return SideMark(
                    party: names.name(side),
                    status: TextFormat.clauseStatus(clause.status(of: side)),
                    on: live.count > 1 ? letter.map { "on alternative " + $0 } : nil
                )
            }
            var links: [Link] = []
            if drafting, party != nil, may.writeShared {
                links.append(Link(href: action("amend"), text: "Propose an amendment"))
                links.append(Link(href: action("propose-deletion"), text: "Propose deleting this clause"))
                if live.count > 1 { links.append(Link(href: action("compromise"), text: "Propose a compromise")) }
            }
            if may.comment, !isEarlier { links.append(Link(href: action("comment"), text: "Comment")) }
            if may.writePrivate, !isEarlier { links.append(Link(href: action("note"), text: "Write a private note")) }
            let comments = clause.comments.map {
                CommentView(party: names.name($0.party), body: $0.body, at: PageFormat.utc($0.at))
            }
            let clauseNotes = notes.filter { $0.clause == clause.id }.map {
                NoteView(
                    reference: $0.reference.description,
                    href: access.id.href + "/notes/" + $0.reference.description,
                    body: $0.body
                )
            }
            return ClauseView(
                anchor: "clause-" + clause.id.rawValue,
                number: number,
                section: TextFormat.section(clause.section),
                bracketed: clause.isBracketed,
                clean: clause.isClean(sides: text.sides),
                alternatives: alternatives,
                marks: marks,
                comments: comments,
                hasComments: !comments.isEmpty,
                notes: clauseNotes,
                hasNotes: !clauseNotes.isEmpty,
                links: links,
                hasLinks: !links.isEmpty
            )
        }
        var textLinks: [Link] = [
            Link(href: base + "/revisions", text: "Revisions and progress"),
            Link(href: base + "/compare", text: "Compare revisions"),
            Link(href: base + "/print", text: "Printable version"),
            Link(href: base + "/plain", text: "Plain text"),
            Link(href: base + "/akn", text: "Akoma Ntoso XML"),
        ]
        if drafting, party != nil {
            if may.writeShared {
                textLinks.append(Link(href: base + "/actions/propose-clause", text: "Propose a new clause"))
                textLinks.append(Link(href: base + "/actions/open-round", text: "Open a new round"))
                if text.createdBy == party {
                    textLinks.append(Link(href: base + "/actions/withdraw", text: "Withdraw this text"))
                }
            }
            if may.adoptForSide { textLinks.append(Link(href: base + "/actions/adopt", text: "Adopt this text")) }
        }
        if text.status == .adopted, !isEarlier, let party, may.adoptForSide,
            !text.signatures.contains(where: { $0.party == party })
        {
            textLinks.append(Link(href: base + "/actions/record-signature", text: "Record your side's signature"))
        }
        let blockers = text.status == .drafting ? text.adoptionBlockers().map { $0.message(naming: names.name) } : []
        let signatures = text.signatures.map {
            Link(
                href: "",
                text: names.name($0.party) + " signed " + PageFormat.utc($0.at)
                    + ($0.detached == nil ? "" : ", with a detached signature by its own key")
            )
        }
        return TextPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            href: base,
            reference: text.reference.description,
            title: text.title,
            kind: TextFormat.kind(text.kind),
            status: TextFormat.status(text.status),
            track: text.track.flatMap { id in access.structure.tracks.first { $0.id == id }?.title },
            workingLanguage: text.workingLanguage.rawValue,
            otherLanguages: text.otherLanguages.map(\.rawValue),
            hasOtherLanguages: !text.otherLanguages.isEmpty,
            sides: TextFormat.credit(text.sides, names),
            revision: text.revision,
            currentRevision: current,
            isEarlier: isEarlier,
            round: text.round.map { "Round \($0.number)" + ($0.meeting.map { " at " + $0.description } ?? "") },
            cites: text.cites?.description,
            adoptedHash: text.adoptedHash,
            signatures: signatures,
            hasSignatures: !signatures.isEmpty,
            blockers: blockers,
            hasBlockers: !blockers.isEmpty,
            clauses: clauses,
            hasClauses: !clauses.isEmpty,
            onlyBracketed: onlyBracketed,
            onlyPending: onlyPending,
            canFilterPending: party != nil,
            shownCount: clauses.count,
            totalCount: inText.count,
            textLinks: isEarlier ? [] : textLinks,
            hasTextLinks: !isEarlier
        )
    }
}
