// Negotiating texts (DESIGN.md "The domain", Text): a structured document whose open points are
// bracketed alternatives credited to the sides that proposed them, whose every clause carries
// each side's own status, and which is adopted only when nothing is left in brackets.
// drafting → adopted → signed, or withdrawn. Clauses are in Clause.swift, the rules that derive
// brackets, agreement and numbering in NegotiatingText+Rules.swift and +Numbering.swift.

/// The kind of document a text will become.
public enum TextKind: String, Codable, Sendable, CaseIterable {
    case jointStatement
    case memorandumOfUnderstanding
    case communique
    case agreement
    case termsOfReference
}

/// Where a text stands. Only a drafting text changes; an adopted one is frozen.
public enum TextStatus: String, Codable, Sendable, CaseIterable {
    case drafting
    case adopted
    case signed
    case withdrawn
}

/// A round of negotiation on a text, e.g. the round held at a meeting.
public struct TextRound: Hashable, Codable, Sendable {
    /// 1, 2, … in the order the rounds were opened.
    public var number: Int
    /// The meeting (`MTG-n`) the round is held at, if any.
    public var meeting: Reference?
    /// The text's revision when the round opened: the round's changes are the revisions after it.
    public var startRevision: Int
    public var openedAt: Timestamp

    public init(number: Int, meeting: Reference?, startRevision: Int, openedAt: Timestamp) {
        self.number = number
        self.meeting = meeting
        self.startRevision = startRevision
        self.openedAt = openedAt
    }
}

/// An Ed25519 signature made with a party's own key on its own machine (`parley text sign`),
/// over the RFC 8785 bytes of the adopted text's canonical form. Core records it; the store,
/// which has the party's public key and Crypto, verifies it before appending.
public struct DetachedSignature: Hashable, Codable, Sendable {
    /// The party's Ed25519 public key, 32 bytes in standard base64 (RFC 4648 §4).
    public var publicKey: String
    /// The 64-byte signature (RFC 8032 §5.1.6), standard base64.
    public var signature: String

    public init(publicKey: String, signature: String) {
        self.publicKey = publicKey
        self.signature = signature
    }
}

/// One side's signature of an adopted text: an entry in the shared log over the hash of the
/// text's canonical form, optionally with a detached signature made with the party's own key.
public struct TextSignature: Hashable, Codable, Sendable {
    public var party: PartyID
    public var account: AccountID?
    /// Lower-case hex SHA-256 of the RFC 8785 canonical JSON of `canonicalForm()`.
    public var canonicalHash: String
    public var detached: DetachedSignature?
    public var at: Timestamp

    public init(
        party: PartyID,
        account: AccountID?,
        canonicalHash: String,
        detached: DetachedSignature?,
        at: Timestamp
    ) {
        self.party = party
        self.account = account
        self.canonicalHash = canonicalHash
        self.detached = detached
        self.at = at
    }
}

/// A negotiating text: `TXT-n` in its mechanism's shared sequence.
public struct NegotiatingText: Hashable, Codable, Sendable {
    public var id: ItemID
    public var mechanism: MechanismID
    public var reference: Reference
    public var title: String
    public var kind: TextKind
    public var track: TrackID?
    /// The language the alternatives are worded in.
    public var workingLanguage: LanguageTag
    /// Languages the text is also kept in (clause by clause, see LanguageVersion).
    public var otherLanguages: [LanguageTag]
    /// The sides the text is negotiated between: the mechanism's sides when it was created.
    /// A clause is agreed only when every one of them agrees; facilitators are never among them.
    public var sides: [PartyID]
    /// The side whose member created the text.
    public var createdBy: PartyID
    public var status: TextStatus
    /// Clauses in document order. Withdrawn and agreed-deleted clauses stay (their ids are
    /// referenced by the record) but take no number and are not part of the text.
    public var clauses: [Clause]
    /// 1 when created; each change to clauses, alternatives, statuses or language versions adds 1.
    public var revision: Int
    /// Rounds in the order opened; the last is the current one.
    public var rounds: [TextRound]
    /// The adopted text this one replaces, for changes after adoption.
    public var cites: Reference?
    /// The revision adopted, and the hash of its canonical form that every side signs.
    public var adoptedRevision: Int?
    public var adoptedHash: String?
    /// Sorted by party.
    public var signatures: [TextSignature]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: ItemID,
        mechanism: MechanismID,
        reference: Reference,
        title: String,
        kind: TextKind,
        track: TrackID?,
        workingLanguage: LanguageTag,
        otherLanguages: [LanguageTag],
        sides: [PartyID],
        createdBy: PartyID,
        status: TextStatus = .drafting,
        clauses: [Clause] = [],
        revision: Int = 1,
        rounds: [TextRound] = [],
        cites: Reference? = nil,
        adoptedRevision: Int? = nil,
        adoptedHash: String? = nil,
        signatures: [TextSignature] = [],
        createdAt: Timestamp,
        updatedAt: Timestamp
    ) {
        self.id = id
        self.mechanism = mechanism
        self.reference = reference
        self.title = title
        self.kind = kind
        self.track = track
        self.workingLanguage = workingLanguage
        self.otherLanguages = otherLanguages
        self.sides = sides
        self.createdBy = createdBy
        self.status = status
        self.clauses = clauses
        self.revision = revision
        self.rounds = rounds
        self.cites = cites
        self.adoptedRevision = adoptedRevision
        self.adoptedHash = adoptedHash
        self.signatures = signatures
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The clause with `id`, if the text has it.
    public func clause(_ id: ClauseID) -> Clause? {
        clauses.first { $0.id == id }
    }

    /// The current round, if any was opened.
    public var round: TextRound? { rounds.last }
}
