// Commands: negotiating texts. One value per action a person can take (DESIGN.md "Who uses
// it"). Ids of new things are not in commands: decide asks the caller's `newID` for them.
// Generated with Command.swift from one table of names and fields; keep that shape.

/// A side: start a negotiating text (drafting); citing an adopted text starts from its clauses.
public struct CreateText: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var title: String
    public var kind: TextKind
    public var track: TrackID?
    public var workingLanguage: String
    public var otherLanguages: [String]
    public var cites: Reference?

    public init(
        mechanism: MechanismID,
        title: String,
        kind: TextKind,
        track: TrackID? = nil,
        workingLanguage: String,
        otherLanguages: [String] = [],
        cites: Reference? = nil
    ) {
        self.mechanism = mechanism
        self.title = title
        self.kind = kind
        self.track = track
        self.workingLanguage = workingLanguage
        self.otherLanguages = otherLanguages
        self.cites = cites
    }
}

/// A side: propose a new clause, placed after another or first in its part of the text.
public struct ProposeClause: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var section: ClauseSection
    public var after: ClauseID?
    public var wording: String

    public init(mechanism: MechanismID, text: ItemID, section: ClauseSection, after: ClauseID? = nil, wording: String) {
        self.mechanism = mechanism
        self.text = text
        self.section = section
        self.after = after
        self.wording = wording
    }
}

/// A side: propose other words for a clause, as a new alternative.
public struct ProposeAmendment: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID
    public var wording: String

    public init(mechanism: MechanismID, text: ItemID, clause: ClauseID, wording: String) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
        self.wording = wording
    }
}

/// A side: propose moving a clause (in one alternative's words) after another, or first in its part.
public struct ProposeMove: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID
    public var alternative: AlternativeID
    public var after: ClauseID?

    public init(
        mechanism: MechanismID,
        text: ItemID,
        clause: ClauseID,
        alternative: AlternativeID,
        after: ClauseID? = nil
    ) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
        self.alternative = alternative
        self.after = after
    }
}

/// A side: propose deleting a clause, as an alternative meaning "delete".
public struct ProposeDeletion: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID

    public init(mechanism: MechanismID, text: ItemID, clause: ClauseID) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
    }
}

/// A side credited with an alternative: change its words.
public struct ReviseAlternative: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID
    public var alternative: AlternativeID
    public var wording: String

    public init(mechanism: MechanismID, text: ItemID, clause: ClauseID, alternative: AlternativeID, wording: String) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
        self.alternative = alternative
        self.wording = wording
    }
}

/// A side credited with an alternative: withdraw its credit (the alternative goes when no side is left).
public struct WithdrawAlternative: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID
    public var alternative: AlternativeID

    public init(mechanism: MechanismID, text: ItemID, clause: ClauseID, alternative: AlternativeID) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
        self.alternative = alternative
    }
}

/// A side: support another side's alternative (joining the credit of a compromise).
public struct SupportAlternative: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID
    public var alternative: AlternativeID

    public init(mechanism: MechanismID, text: ItemID, clause: ClauseID, alternative: AlternativeID) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
        self.alternative = alternative
    }
}

/// A side: merge live alternatives into a compromise in new words.
public struct ProposeCompromise: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID
    public var merging: [AlternativeID]
    public var wording: String

    public init(mechanism: MechanismID, text: ItemID, clause: ClauseID, merging: [AlternativeID], wording: String) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
        self.merging = merging
        self.wording = wording
    }
}

/// A side's negotiator or lead: set that side's own status on one alternative's exact words.
public struct SetClauseStatus: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID
    public var alternative: AlternativeID
    public var status: ClauseStatus
    public var wording: String

    public init(
        mechanism: MechanismID,
        text: ItemID,
        clause: ClauseID,
        alternative: AlternativeID,
        status: ClauseStatus,
        wording: String
    ) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
        self.alternative = alternative
        self.status = status
        self.wording = wording
    }
}

/// A side: add or replace an alternative's version in another language of the text.
public struct SetLanguageVersion: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID
    public var alternative: AlternativeID
    public var language: String
    public var wording: String
    public var authentic: Bool

    public init(
        mechanism: MechanismID,
        text: ItemID,
        clause: ClauseID,
        alternative: AlternativeID,
        language: String,
        wording: String,
        authentic: Bool
    ) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
        self.alternative = alternative
        self.language = language
        self.wording = wording
        self.authentic = authentic
    }
}

/// A side or facilitator: comment on a clause, in the shared record.
public struct CommentOnClause: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var clause: ClauseID
    public var body: String

    public init(mechanism: MechanismID, text: ItemID, clause: ClauseID, body: String) {
        self.mechanism = mechanism
        self.text = text
        self.clause = clause
        self.body = body
    }
}

/// A side: open a new round of negotiation on a text, optionally at a meeting.
public struct OpenRound: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var meeting: Reference?

    public init(mechanism: MechanismID, text: ItemID, meeting: Reference? = nil) {
        self.mechanism = mechanism
        self.text = text
        self.meeting = meeting
    }
}

/// A side's lead: adopt the text at the revision the lead read, once nothing blocks it.
public struct AdoptText: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var revision: Int

    public init(mechanism: MechanismID, text: ItemID, revision: Int) {
        self.mechanism = mechanism
        self.text = text
        self.revision = revision
    }
}

/// A side's lead: sign the adopted text over the hash of its canonical form.
public struct SignText: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var canonicalHash: String
    public var detached: DetachedSignature?

    public init(mechanism: MechanismID, text: ItemID, canonicalHash: String, detached: DetachedSignature? = nil) {
        self.mechanism = mechanism
        self.text = text
        self.canonicalHash = canonicalHash
        self.detached = detached
    }
}

/// The side that created a drafting text: withdraw it.
public struct WithdrawText: Hashable, Codable, Sendable {
    public var mechanism: MechanismID
    public var text: ItemID
    public var reason: String?

    public init(mechanism: MechanismID, text: ItemID, reason: String? = nil) {
        self.mechanism = mechanism
        self.text = text
        self.reason = reason
    }
}
