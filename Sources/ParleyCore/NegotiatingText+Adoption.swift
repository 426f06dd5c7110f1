// Adoption (DESIGN.md "The domain", Text): a text is adopted only when every clause is clean — one
// live alternative, agreed by every side to its exact words — in the working language and in
// every language marked authentic, with no authentic version stale. What is then signed is the
// hash of the adopted text's canonical form (see CanonicalText).

/// Why a text cannot be adopted yet; every blocker is listed, in clause order.
public enum AdoptionBlocker: Hashable, Sendable {
    /// The text has no clause at all.
    case noClauses
    /// More than one live alternative; `credits` are each live alternative's sides.
    case bracketed(ClauseID, ClauseNumber, credits: [[PartyID]])
    /// One live alternative, but these sides have not agreed to its current words.
    case notAgreed(ClauseID, ClauseNumber, waitingFor: [PartyID])
    /// The agreed words have no authentic version in a language marked authentic.
    case missingAuthenticVersion(ClauseID, ClauseNumber, LanguageTag)
    /// The authentic version translates words that have since been revised.
    case staleAuthenticVersion(ClauseID, ClauseNumber, LanguageTag)

    /// The blocker in words, naming parties with `name` (e.g. by country code).
    public func message(naming name: (PartyID) -> String) -> String {
        switch self {
        case .noClauses:
            return "the text has no clauses yet"
        case .bracketed(_, let number, let credits):
            let sides = credits.map { $0.map(name).joined(separator: "+") }.joined(separator: ", ")
            return "clause \(number) is bracketed: \(credits.count) live alternatives (\(sides))"
        case .notAgreed(_, let number, let waiting):
            return "clause \(number) is not yet agreed by \(waiting.map(name).joined(separator: ", "))"
        case .missingAuthenticVersion(_, let number, let language):
            return "clause \(number) has no authentic \(language) version of its agreed words"
        case .staleAuthenticVersion(_, let number, let language):
            return "clause \(number) has a stale authentic \(language) version: the words it translates were revised"
        }
    }
}

extension NegotiatingText {
    /// Languages other than the working language in which some version is marked authentic.
    public var authenticLanguages: [LanguageTag] {
        otherLanguages.filter { language in
            clauses.contains { $0.versions.contains { $0.language == language && $0.authentic } }
        }
    }

    /// Everything that stands between the text and its adoption; empty when it can be adopted.
    public func adoptionBlockers() -> [AdoptionBlocker] {
        let numbers = numbering()
        let authentic = authenticLanguages
        var blockers: [AdoptionBlocker] = []
        for clause in clauses {
            guard let number = numbers[clause.id] else { continue }
            if clause.isBracketed {
                blockers.append(.bracketed(clause.id, number, credits: clause.credits()))
                continue
            }
            guard let only = clause.liveAlternatives.first else { continue }
            let waiting = sides.filter { !clause.hasAgreed($0, to: only) }
            if !waiting.isEmpty {
                blockers.append(.notAgreed(clause.id, number, waitingFor: waiting))
                continue
            }
            for language in authentic {
                guard let version = clause.version(in: language, of: only.id), version.authentic else {
                    blockers.append(.missingAuthenticVersion(clause.id, number, language))
                    continue
                }
                if clause.isStale(version) { blockers.append(.staleAuthenticVersion(clause.id, number, language)) }
            }
        }
        if numbers.isEmpty { blockers.insert(.noClauses, at: 0) }
        return blockers
    }

    /// The adopted text in a stable structure, or nil while anything blocks adoption. The store
    /// hashes its RFC 8785 canonical JSON with SHA-256; that hash is what every side signs.
    public func canonicalForm() -> CanonicalText? {
        guard adoptionBlockers().isEmpty else { return nil }
        let numbers = numbering()
        let languages = [workingLanguage] + authenticLanguages
        var result: [CanonicalClause] = []
        for clause in clauses {
            guard let number = numbers[clause.id], let agreed = clause.alternativeAgreed(bySides: sides) else {
                continue
            }
            var wording = [workingLanguage.rawValue: agreed.wording]
            for language in languages.dropFirst() {
                wording[language.rawValue] = clause.version(in: language, of: agreed.id)?.wording
            }
            result.append(
                CanonicalClause(id: clause.id, number: number.description, section: clause.section, wording: wording)
            )
        }
        return CanonicalText(
            mechanism: mechanism,
            id: id,
            reference: reference,
            title: title,
            kind: kind,
            cites: cites,
            sides: sides,
            languages: languages,
            clauses: result
        )
    }
}

/// The adopted text as signed: its identity, and every clause's agreed words in the working
/// language and in every authentic language. Nothing of the negotiation (alternatives, statuses,
/// comments) is in it, so every side computes the same bytes from the same adopted text.
public struct CanonicalText: Hashable, Codable, Sendable {
    /// Names the structure, so a signature over it cannot be taken for one over anything else.
    public var format: String = CanonicalText.format
    public var mechanism: MechanismID
    public var id: ItemID
    public var reference: Reference
    public var title: String
    public var kind: TextKind
    public var cites: Reference?
    public var sides: [PartyID]
    /// The working language first, then the authentic languages.
    public var languages: [LanguageTag]
    /// In document order; clauses outside the text are left out.
    public var clauses: [CanonicalClause]

    public static let format = "parley.text/1"
}

/// One clause of the adopted text.
public struct CanonicalClause: Hashable, Codable, Sendable {
    public var id: ClauseID
    /// The derived number, e.g. `PP1`, `3`, `Article 2`, `2.1`.
    public var number: String
    public var section: ClauseSection
    /// The agreed words by language tag (as the text lists it).
    public var wording: [String: String]
}
