// Entry payloads for negotiating texts. Each carries the text's id and reference and everything a
// replay needs; a payload that makes a new revision carries that revision's number, so the text at
// any revision is the fold of its entries up to it (NegotiatingText+Revisions.swift).

/// A clause a new text starts with: copied from the adopted text it cites, under the same clause
/// id (so the two compare clause by clause), as one alternative credited to every side.
public struct ClauseSeed: Hashable, Codable, Sendable {
    public let clause: ClauseID
    public let section: ClauseSection
    public let alternative: AlternativeID
    public let wording: String
    /// The adopted text's authentic versions of these words.
    public let versions: [SeedVersion]
}

/// An authentic version carried over from a cited text.
public struct SeedVersion: Hashable, Codable, Sendable {
    public let language: LanguageTag
    public let wording: String
}

public struct TextCreated: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let title: String
    public let kind: TextKind
    public let track: TrackID?
    public let workingLanguage: LanguageTag
    public let otherLanguages: [LanguageTag]
    public let sides: [PartyID]
    public let createdBy: PartyID
    public let cites: Reference?
    public let clauses: [ClauseSeed]
}

public struct ClauseProposed: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let revision: Int
    public let clause: ClauseID
    public let section: ClauseSection
    public let placement: ClausePlacement
    public let alternative: AlternativeID
    public let wording: String
    public let party: PartyID
}

/// An amendment, a proposed move or a proposed deletion: a new alternative of a clause.
public struct AlternativeProposed: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let revision: Int
    public let clause: ClauseID
    public let alternative: AlternativeID
    public let kind: AlternativeKind
    /// Empty for a deletion; for a move, the moved alternative's words.
    public let wording: String
    public let placement: ClausePlacement?
    public let party: PartyID
}

public struct AlternativeRevised: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let revision: Int
    public let clause: ClauseID
    public let alternative: AlternativeID
    public let wording: String
    public let party: PartyID
}

/// Used by `text.alternativeWithdrawn` and `text.alternativeSupported`: one side about one alternative.
public struct AlternativeEvent: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let revision: Int
    public let clause: ClauseID
    public let alternative: AlternativeID
    public let party: PartyID
}

public struct CompromiseProposed: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let revision: Int
    public let clause: ClauseID
    public let alternative: AlternativeID
    public let merges: [AlternativeID]
    public let wording: String
    public let party: PartyID
}

public struct ClauseStatusSet: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let revision: Int
    public let clause: ClauseID
    public let party: PartyID
    public let status: ClauseStatus
    public let alternative: AlternativeID
    /// The exact words the status applies to, as the side saw them.
    public let wording: String
    public let wordingRevision: Int
}

/// The clause moves because it became clean on an alternative that moves it.
public struct ClauseMoved: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let revision: Int
    public let clause: ClauseID
    /// The move alternative every side agreed to.
    public let alternative: AlternativeID
    public let placement: ClausePlacement
}

public struct LanguageVersionSet: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let revision: Int
    public let clause: ClauseID
    public let alternative: AlternativeID
    public let language: LanguageTag
    public let wording: String
    public let translatesRevision: Int
    public let authentic: Bool
    public let party: PartyID
}

public struct ClauseCommented: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let clause: ClauseID
    public let party: PartyID
    public let body: String
}

public struct RoundOpened: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let round: Int
    public let meeting: Reference?
    public let startRevision: Int
}

public struct TextAdopted: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let revision: Int
    /// Lower-case hex SHA-256 of the RFC 8785 canonical JSON of the canonical form.
    public let canonicalHash: String
}

public struct TextSignatureRecorded: Hashable, Codable, Sendable {
    public let id: ItemID
    public let reference: Reference
    public let party: PartyID
    public let canonicalHash: String
    public let detached: DetachedSignature?
}
