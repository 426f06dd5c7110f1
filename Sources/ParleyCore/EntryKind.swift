// The kinds of entry (DESIGN.md "The record is the source of truth"): `noun.pastTenseVerb`, the
// `kind` field of every entry. Raw values are part of the record format: never rename one.

/// What an entry records.
public enum EntryKind: String, Codable, Sendable, CaseIterable {
    case mechanismCreated = "mechanism.created"
    case partyAdded = "party.added"
    case trackAdded = "track.added"
    case coChairSet = "track.coChairSet"
    case memberAdded = "member.added"
    case memberUpdated = "member.updated"
    case teamFormed = "team.formed"
    case accountCreated = "account.created"
    case accountRoleChanged = "account.roleChanged"
    case accountDeactivated = "account.deactivated"

    case irritantRaised = "irritant.raised"
    case irritantAcknowledged = "irritant.acknowledged"
    case irritantDiscussionStarted = "irritant.discussionStarted"
    case irritantConfirmedResolution = "irritant.confirmedResolution"
    case irritantConfirmationWithdrawn = "irritant.confirmationWithdrawn"
    case irritantResolved = "irritant.resolved"
    case irritantParked = "irritant.parked"
    case irritantReopened = "irritant.reopened"
    case irritantWithdrawn = "irritant.withdrawn"
    case stepAdded = "step.added"
    case stepUpdated = "step.updated"

    case meetingScheduled = "meeting.scheduled"
    case meetingUpdated = "meeting.updated"
    case meetingCancelled = "meeting.cancelled"
    case meetingJointSummaryRecorded = "meeting.jointSummaryRecorded"
    case meetingOutcomeAdded = "meeting.outcomeAdded"
    case meetingMinutesRecorded = "meeting.minutesRecorded"
    case contactRecorded = "contact.recorded"

    case commitmentRecorded = "commitment.recorded"
    case commitmentConfirmedFulfilment = "commitment.confirmedFulfilment"
    case commitmentFulfilled = "commitment.fulfilled"
    case commitmentLapsed = "commitment.lapsed"
    case readoutPublished = "readout.published"

    case textCreated = "text.created"
    case textClauseProposed = "text.clauseProposed"
    case textAlternativeProposed = "text.alternativeProposed"
    case textAlternativeRevised = "text.alternativeRevised"
    case textAlternativeWithdrawn = "text.alternativeWithdrawn"
    case textAlternativeSupported = "text.alternativeSupported"
    case textCompromiseProposed = "text.compromiseProposed"
    case textClauseStatusSet = "text.clauseStatusSet"
    case textClauseMoved = "text.clauseMoved"
    case textLanguageVersionSet = "text.languageVersionSet"
    case textClauseCommented = "text.clauseCommented"
    case textRoundOpened = "text.roundOpened"
    case textAdopted = "text.adopted"
    case textSignatureRecorded = "text.signatureRecorded"
    case textSigned = "text.signed"
    case textWithdrawn = "text.withdrawn"

    case noteWritten = "note.written"
    case noteEdited = "note.edited"
    case noteDeleted = "note.deleted"

    /// Kinds that belong in a party's private log and never in the shared one (DESIGN.md: "private
    /// changes (notes, minutes, private assessments) go to the acting party's private log").
    /// Accounts are a party's own administration and stay out of what other parties mirror.
    public var isPrivate: Bool {
        switch self {
        case .accountCreated, .accountRoleChanged, .accountDeactivated, .meetingMinutesRecorded,
            .noteWritten, .noteEdited, .noteDeleted:
            return true
        default:
            return false
        }
    }
}
