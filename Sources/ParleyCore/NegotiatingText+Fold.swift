// How each text entry changes a text: a pure fold over the text alone, used by the projection
// (Projection+Changes.swift) and by replays to any revision (NegotiatingText+Revisions.swift), so
// the text a page shows and the text at a past revision come from the very same code.

/// Why a text entry could not be folded: the entries are out of order or were not made by decide.
public struct TextFoldError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public var description: String { message }
}

extension NegotiatingText {
    /// The text as its creation entry makes it, at revision 1.
    public init(_ p: TextCreated, mechanism: MechanismID, at: Timestamp) {
        let clauses = p.clauses.map { seed in
            Clause(
                id: seed.clause,
                section: seed.section,
                alternatives: [
                    Alternative(
                        id: seed.alternative,
                        kind: .wording,
                        wording: seed.wording,
                        proposedBy: p.sides.sorted(),
                        proposedAt: at
                    )
                ],
                versions: seed.versions.map {
                    LanguageVersion(
                        language: $0.language,
                        alternative: seed.alternative,
                        wording: $0.wording,
                        translatesRevision: 1,
                        authentic: true,
                        by: p.createdBy,
                        at: at
                    )
                },
                proposedBy: p.createdBy,
                proposedAt: at
            )
        }
        self.init(
            id: p.id,
            mechanism: mechanism,
            reference: p.reference,
            title: p.title,
            kind: p.kind,
            track: p.track,
            workingLanguage: p.workingLanguage,
            otherLanguages: p.otherLanguages,
            sides: p.sides,
            createdBy: p.createdBy,
            clauses: clauses,
            cites: p.cites,
            createdAt: at,
            updatedAt: at
        )
    }

    /// Folds in one entry about this text, made by `actor` at `at`.
    public mutating func apply(_ data: EntryData, actor: Actor, at: Timestamp) throws(TextFoldError) {
        // Closures that change a clause must not read `self` while it is being changed.
        let reference = reference
        func duplicate(_ id: AlternativeID) -> TextFoldError {
            TextFoldError(message: "\(reference): alternative \(id) twice")
        }
        switch data {
        case .textClauseProposed(let p):
            try advance(p.id, p.revision)
            guard clause(p.clause) == nil else { throw fail("clause \(p.clause) is proposed twice") }
            let alternative = Alternative(
                id: p.alternative,
                kind: .wording,
                wording: p.wording,
                proposedBy: [p.party],
                proposedAt: at
            )
            let new = Clause(
                id: p.clause,
                section: p.section,
                alternatives: [alternative],
                proposedBy: p.party,
                proposedAt: at
            )
            clauses.insert(new, at: try index(for: p.placement, section: p.section))
        case .textAlternativeProposed(let p):
            try advance(p.id, p.revision)
            try changeClause(p.clause) { c throws(TextFoldError) in
                guard c.alternative(p.alternative) == nil else { throw duplicate(p.alternative) }
                c.alternatives.append(
                    Alternative(
                        id: p.alternative,
                        kind: p.kind,
                        wording: p.wording,
                        placement: p.placement,
                        proposedBy: [p.party],
                        proposedAt: at
                    )
                )
                c.wordingChanged()
            }
        case .textAlternativeRevised(let p):
            try advance(p.id, p.revision)
            try changeAlternative(p.clause, p.alternative) { a in
                a.wording = p.wording
                a.revision += 1
            }
            try changeClause(p.clause) { $0.wordingChanged() }
        case .textAlternativeWithdrawn(let p):
            try advance(p.id, p.revision)
            // A side withdraws only its own credit: a compromise others joined stays theirs.
            try changeAlternative(p.clause, p.alternative) { a in
                a.proposedBy.removeAll { $0 == p.party }
                if a.proposedBy.isEmpty { a.withdrawn = true }
            }
        case .textAlternativeSupported(let p):
            try advance(p.id, p.revision)
            try changeClause(p.clause) { c throws(TextFoldError) in
                guard let i = c.alternatives.firstIndex(where: { $0.id == p.alternative }) else {
                    throw TextFoldError(message: "\(reference): alternative \(p.alternative) does not exist")
                }
                // A compromise is credited to the sides that agree to it; others are supporters.
                if c.alternatives[i].isCompromise {
                    c.alternatives[i].proposedBy = adding(p.party, to: c.alternatives[i].proposedBy)
                    c.supersedeMerged(by: p.alternative)
                } else {
                    c.alternatives[i].supporters = adding(p.party, to: c.alternatives[i].supporters)
                }
            }
        case .textCompromiseProposed(let p):
            try advance(p.id, p.revision)
            try changeClause(p.clause) { c throws(TextFoldError) in
                guard c.alternative(p.alternative) == nil else { throw duplicate(p.alternative) }
                c.alternatives.append(
                    Alternative(
                        id: p.alternative,
                        kind: .wording,
                        wording: p.wording,
                        proposedBy: [p.party],
                        proposedAt: at,
                        merges: p.merges
                    )
                )
                c.supersedeMerged(by: p.alternative)
                c.wordingChanged()
            }
        case .textClauseStatusSet(let p):
            try advance(p.id, p.revision)
            try changeClause(p.clause) { c in
                let record = SideClauseStatus(
                    party: p.party,
                    status: p.status,
                    alternative: p.alternative,
                    wording: p.wording,
                    wordingRevision: p.wordingRevision,
                    at: at
                )
                c.statuses = (c.statuses.filter { $0.party != p.party } + [record]).sorted { $0.party < $1.party }
            }
        case .textClauseMoved(let p):
            try advance(p.id, p.revision)
            guard let from = clauses.firstIndex(where: { $0.id == p.clause }) else {
                throw fail("clause \(p.clause) does not exist")
            }
            var moved = clauses.remove(at: from)
            guard let i = moved.alternatives.firstIndex(where: { $0.id == p.alternative && $0.kind == .move }) else {
                throw fail("alternative \(p.alternative) is not a move of clause \(p.clause)")
            }
            moved.alternatives[i].moved = true
            clauses.insert(moved, at: try index(for: p.placement, section: moved.section))
        case .textLanguageVersionSet(let p):
            try advance(p.id, p.revision)
            try changeClause(p.clause) { c in
                let version = LanguageVersion(
                    language: p.language,
                    alternative: p.alternative,
                    wording: p.wording,
                    translatesRevision: p.translatesRevision,
                    authentic: p.authentic,
                    by: p.party,
                    at: at
                )
                c.versions.removeAll { $0.language == p.language && $0.alternative == p.alternative }
                c.versions.append(version)
                c.versions.sort {
                    ($0.language.rawValue.lowercased(), $0.alternative) < (
                        $1.language.rawValue.lowercased(), $1.alternative
                    )
                }
            }
        case .textClauseCommented(let p):
            try same(p.id)
            try changeClause(p.clause) {
                $0.comments.append(ClauseComment(party: p.party, account: actor.account, body: p.body, at: at))
            }
        case .textRoundOpened(let p):
            try same(p.id)
            rounds.append(TextRound(number: p.round, meeting: p.meeting, startRevision: p.startRevision, openedAt: at))
        case .textAdopted(let p):
            try same(p.id)
            (status, adoptedRevision, adoptedHash) = (.adopted, p.revision, p.canonicalHash)
        case .textSignatureRecorded(let p):
            try same(p.id)
            let signature = TextSignature(
                party: p.party,
                account: actor.account,
                canonicalHash: p.canonicalHash,
                detached: p.detached,
                at: at
            )
            signatures = (signatures.filter { $0.party != p.party } + [signature]).sorted { $0.party < $1.party }
        case .textSigned(let p):
            try same(p.id)
            status = .signed
        case .textWithdrawn(let p):
            try same(p.id)
            status = .withdrawn
        default:
            throw fail("\(data.kind.rawValue) is not a change to an existing text")
        }
        updatedAt = at
    }

    private func fail(_ message: String) -> TextFoldError {
        TextFoldError(message: "\(reference): \(message)")
    }

    private func same(_ id: ItemID) throws(TextFoldError) {
        guard id == self.id else { throw fail("the entry is about \(id), not this text") }
    }

    /// Every change to clauses makes the next revision, and says which one it made.
    private mutating func advance(_ id: ItemID, _ next: Int) throws(TextFoldError) {
        try same(id)
        guard next == revision + 1 else { throw fail("revision \(next) follows revision \(revision)") }
        revision = next
    }

    private mutating func changeClause(_ id: ClauseID, _ change: (inout Clause) throws(TextFoldError) -> Void)
        throws(TextFoldError)
    {
        guard let i = clauses.firstIndex(where: { $0.id == id }) else { throw fail("clause \(id) does not exist") }
        try change(&clauses[i])
    }

    private mutating func changeAlternative(
        _ clause: ClauseID,
        _ id: AlternativeID,
        _ change: (inout Alternative) -> Void
    ) throws(TextFoldError) {
        let failure = fail("alternative \(id) does not exist")
        try changeClause(clause) { c throws(TextFoldError) in
            guard let i = c.alternatives.firstIndex(where: { $0.id == id }) else { throw failure }
            change(&c.alternatives[i])
        }
    }

    /// Where a clause of `section` goes: after `placement.after`, or first in its part of the text.
    func index(for placement: ClausePlacement, section: ClauseSection) throws(TextFoldError) -> Int {
        guard let after = placement.after else {
            return section.isPreamble ? 0 : clauses.firstIndex { !$0.section.isPreamble } ?? clauses.count
        }
        guard let i = clauses.firstIndex(where: { $0.id == after }) else {
            throw fail("clause \(after) does not exist")
        }
        return i + 1
    }
}

extension Clause {
    /// A change of wording: a new revision of the clause's words, and every side back at `proposed`
    /// (agreement is to exact words, so none survives a change of them).
    mutating func wordingChanged() {
        wordingRevision += 1
        statuses = []
    }

    /// Merged alternatives leave the table once every side credited with them is credited with
    /// the compromise: no side's option is set aside without that side.
    mutating func supersedeMerged(by compromise: AlternativeID) {
        guard let merged = alternative(compromise) else { return }
        for i in alternatives.indices
        where merged.merges.contains(alternatives[i].id) && alternatives[i].isLive
            && Set(alternatives[i].proposedBy).isSubset(of: Set(merged.proposedBy))
        {
            alternatives[i].supersededBy = compromise
        }
    }
}
