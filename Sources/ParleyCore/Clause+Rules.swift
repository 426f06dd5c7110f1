// What a clause's alternatives and statuses mean (DESIGN.md "The domain", Text), derived, never
// stored: a clause with more than one live alternative is bracketed; it is clean when it has one
// live alternative and every side has agreed to exactly its current words.

extension Clause {
    /// The options still on the table, in the order proposed.
    public var liveAlternatives: [Alternative] { alternatives.filter(\.isLive) }

    /// More than one live alternative: shown in brackets, each credited to its sides.
    public var isBracketed: Bool { alternatives.count(where: \.isLive) > 1 }

    /// `party`'s status record, if it set one since the clause's wording last changed.
    public func statusRecord(of party: PartyID) -> SideClauseStatus? {
        statuses.first { $0.party == party && $0.wordingRevision == wordingRevision }
    }

    /// `party`'s status: `proposed` until it sets one on the current wording.
    public func status(of party: PartyID) -> ClauseStatus {
        statusRecord(of: party)?.status ?? .proposed
    }

    /// Whether `party` has agreed (not ad referendum) to `alternative`'s current words, exactly.
    public func hasAgreed(_ party: PartyID, to alternative: Alternative) -> Bool {
        guard let record = statusRecord(of: party), record.status == .agreed, record.alternative == alternative.id
        else { return false }
        return sameWords(record.wording, alternative.wording)
    }

    /// The live alternative every one of `sides` has agreed to, if there is one.
    public func alternativeAgreed(bySides sides: [PartyID]) -> Alternative? {
        guard !sides.isEmpty else { return nil }
        return liveAlternatives.first { alternative in sides.allSatisfy { hasAgreed($0, to: alternative) } }
    }

    /// Clean: one live alternative, agreed by every side to its exact current words.
    public func isClean(sides: [PartyID]) -> Bool {
        !isBracketed && alternativeAgreed(bySides: sides) != nil
    }

    /// Part of the text: some alternative is live, and the clause is not agreed deleted. Clauses
    /// outside the text take no number and are left out of the canonical form.
    public func isInText(sides: [PartyID]) -> Bool {
        guard !liveAlternatives.isEmpty else { return false }
        if isClean(sides: sides), alternativeAgreed(bySides: sides)?.kind == .deletion { return false }
        return true
    }

    /// The version of `alternative` in `language`, if one was set.
    public func version(in language: LanguageTag, of alternative: AlternativeID) -> LanguageVersion? {
        versions.first { $0.language == language && $0.alternative == alternative }
    }

    /// Stale: the working-language words it translates have been revised (or are gone) since.
    public func isStale(_ version: LanguageVersion) -> Bool {
        alternative(version.alternative)?.revision != version.translatesRevision
    }

    /// Versions of live alternatives whose working-language words were revised since: to show
    /// as stale, and to translate again.
    public var staleVersions: [LanguageVersion] {
        versions.filter { v in isStale(v) && alternative(v.alternative)?.isLive == true }
    }

    /// The live alternatives' credits, e.g. for "2 live alternatives (USA, RUS)".
    public func credits() -> [[PartyID]] { liveAlternatives.map(\.proposedBy) }
}

/// Exact words: equal Unicode scalar by scalar. Swift's `==` on String compares canonical
/// equivalence (Unicode §3.7), so "é" precomposed equals "e" + U+0301; agreement is to the words
/// as recorded, so a different encoding is a different wording.
public func sameWords(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.elementsEqual(b.unicodeScalars)
}
