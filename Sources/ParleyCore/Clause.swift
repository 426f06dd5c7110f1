// Clauses of a negotiating text (DESIGN.md "The domain", Text): each clause has alternatives
// (bracketed options, each credited to the sides that proposed it), each side's own status, and
// parallel versions per language. Agreement is to exact words: a status records the words it
// applies to, and any change of wording in the clause resets every side to `proposed`.

/// Where a clause sits. Preamble paragraphs come before the body; the body is operative
/// paragraphs, optionally grouped under article headings (an article heading is itself a clause,
/// negotiated like any other, and the operative paragraphs after it belong to it).
public enum ClauseSection: String, Codable, Sendable, CaseIterable {
    case preamble
    case operative
    case article

    /// Preamble and body are kept apart: a body clause never goes before a preamble paragraph.
    public var isPreamble: Bool { self == .preamble }
}

/// One side's status on a clause (DESIGN.md: proposed, agreed ad referendum, agreed, reserved).
public enum ClauseStatus: String, Codable, Sendable, CaseIterable {
    case proposed
    /// Agreed by the delegation subject to confirmation by its capital: not yet agreement.
    case agreedAdReferendum
    case agreed
    case reserved
}

/// What an alternative proposes.
public enum AlternativeKind: String, Codable, Sendable, CaseIterable {
    /// The clause in these words (the first proposal, an amendment or a compromise).
    case wording
    /// Delete the clause: when agreed, the clause leaves the text.
    case deletion
    /// The clause in these words at another place: when agreed, the clause moves.
    case move
}

/// Where a clause goes: after `after`, or first in its part of the text (preamble or body).
public struct ClausePlacement: Hashable, Codable, Sendable {
    public var after: ClauseID?

    public init(after: ClauseID?) { self.after = after }
}

/// One option for a clause. Alternatives are never removed: a withdrawn or merged one stays in
/// the record and the projection, but is no longer live.
public struct Alternative: Hashable, Codable, Sendable {
    public var id: AlternativeID
    public var kind: AlternativeKind
    /// In the text's working language; empty for a deletion.
    public var wording: String
    /// For a move: where the clause would go.
    public var placement: ClausePlacement?
    /// For a move: set once every side agreed to it and the clause moved.
    public var moved: Bool
    /// The sides credited with it, sorted. A compromise starts credited to the side that made it;
    /// each side that supports it joins the credit.
    public var proposedBy: [PartyID]
    public var proposedAt: Timestamp
    /// Sides that support it without being credited, sorted.
    public var supporters: [PartyID]
    /// For a compromise: the alternatives it merges.
    public var merges: [AlternativeID]
    /// Set when every side credited with this alternative is credited with a compromise merging it.
    public var supersededBy: AlternativeID?
    /// Set when the last credited side withdrew it.
    public var withdrawn: Bool
    /// 1, plus 1 each time its proposer revises its words.
    public var revision: Int

    public init(
        id: AlternativeID,
        kind: AlternativeKind,
        wording: String,
        placement: ClausePlacement? = nil,
        moved: Bool = false,
        proposedBy: [PartyID],
        proposedAt: Timestamp,
        supporters: [PartyID] = [],
        merges: [AlternativeID] = [],
        supersededBy: AlternativeID? = nil,
        withdrawn: Bool = false,
        revision: Int = 1
    ) {
        self.id = id
        self.kind = kind
        self.wording = wording
        self.placement = placement
        self.moved = moved
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.supporters = supporters
        self.merges = merges
        self.supersededBy = supersededBy
        self.withdrawn = withdrawn
        self.revision = revision
    }

    /// Still an option: neither withdrawn nor merged into a compromise.
    public var isLive: Bool { !withdrawn && supersededBy == nil }

    public var isCompromise: Bool { !merges.isEmpty }
}

/// One side's status on a clause, set by that side only, on one alternative's exact words.
public struct SideClauseStatus: Hashable, Codable, Sendable {
    public var party: PartyID
    public var status: ClauseStatus
    public var alternative: AlternativeID
    /// The exact words the status applies to (compared by Unicode scalars, never by `==`, which
    /// would equate canonically equivalent but differently encoded words).
    public var wording: String
    /// The clause's wording revision when the status was set.
    public var wordingRevision: Int
    public var at: Timestamp

    public init(
        party: PartyID,
        status: ClauseStatus,
        alternative: AlternativeID,
        wording: String,
        wordingRevision: Int,
        at: Timestamp
    ) {
        self.party = party
        self.status = status
        self.alternative = alternative
        self.wording = wording
        self.wordingRevision = wordingRevision
        self.at = at
    }
}

/// A clause's alternative in another language. One per language and alternative; setting it
/// again replaces it.
public struct LanguageVersion: Hashable, Codable, Sendable {
    public var language: LanguageTag
    public var alternative: AlternativeID
    public var wording: String
    /// The revision of the alternative's working-language words this translates.
    public var translatesRevision: Int
    /// An authentic version is the text in that language, equally with the working language;
    /// otherwise it is a working translation, for reading only.
    public var authentic: Bool
    public var by: PartyID
    public var at: Timestamp

    public init(
        language: LanguageTag,
        alternative: AlternativeID,
        wording: String,
        translatesRevision: Int,
        authentic: Bool,
        by: PartyID,
        at: Timestamp
    ) {
        self.language = language
        self.alternative = alternative
        self.wording = wording
        self.translatesRevision = translatesRevision
        self.authentic = authentic
        self.by = by
        self.at = at
    }
}

/// A comment on a clause, in the shared record: every party of the mechanism reads it.
public struct ClauseComment: Hashable, Codable, Sendable {
    public var party: PartyID
    public var account: AccountID?
    public var body: String
    public var at: Timestamp

    public init(party: PartyID, account: AccountID?, body: String, at: Timestamp) {
        self.party = party
        self.account = account
        self.body = body
        self.at = at
    }
}

/// A clause: a stable id, its part of the text, and everything negotiated about it.
public struct Clause: Hashable, Codable, Sendable {
    public var id: ClauseID
    public var section: ClauseSection
    /// In the order proposed.
    public var alternatives: [Alternative]
    /// At most one per side, sorted by party; a side with none is at `proposed`.
    public var statuses: [SideClauseStatus]
    /// Sorted by language, then alternative.
    public var versions: [LanguageVersion]
    public var comments: [ClauseComment]
    /// 1 when proposed, plus 1 on every change of wording in the clause (a new alternative, a
    /// revision, a compromise). Every side's status is reset when it changes.
    public var wordingRevision: Int
    public var proposedBy: PartyID
    public var proposedAt: Timestamp

    public init(
        id: ClauseID,
        section: ClauseSection,
        alternatives: [Alternative],
        statuses: [SideClauseStatus] = [],
        versions: [LanguageVersion] = [],
        comments: [ClauseComment] = [],
        wordingRevision: Int = 1,
        proposedBy: PartyID,
        proposedAt: Timestamp
    ) {
        self.id = id
        self.section = section
        self.alternatives = alternatives
        self.statuses = statuses
        self.versions = versions
        self.comments = comments
        self.wordingRevision = wordingRevision
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
    }

    public func alternative(_ id: AlternativeID) -> Alternative? {
        alternatives.first { $0.id == id }
    }
}
