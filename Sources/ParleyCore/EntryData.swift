// The payload of an entry, one case per EntryKind, so kind and data can never disagree.
// Generated shape: keep the cases in the order of EntryKind.

/// The `data` of an entry, typed by its kind.
public enum EntryData: Hashable, Sendable {
    case mechanismCreated(MechanismCreated)
    case partyAdded(PartyAdded)
    case trackAdded(TrackAdded)
    case coChairSet(CoChairSet)
    case memberAdded(MemberDetails)
    case memberUpdated(MemberDetails)
    case teamFormed(TeamFormed)
    case accountCreated(AccountCreated)
    case accountRoleChanged(AccountRoleChanged)
    case accountDeactivated(AccountDeactivated)
    case irritantRaised(IrritantRaised)
    case irritantAcknowledged(ItemEvent)
    case irritantDiscussionStarted(ItemEvent)
    case irritantConfirmedResolution(SideConfirmation)
    case irritantConfirmationWithdrawn(SideConfirmation)
    case irritantResolved(ItemEvent)
    case irritantParked(ItemEvent)
    case irritantReopened(ItemEvent)
    case irritantWithdrawn(ItemEvent)
    case stepAdded(StepAdded)
    case stepUpdated(StepUpdated)
    case meetingScheduled(MeetingDetails)
    case meetingUpdated(MeetingDetails)
    case meetingCancelled(ItemEvent)
    case meetingJointSummaryRecorded(JointSummaryRecorded)
    case meetingOutcomeAdded(OutcomeAdded)
    case meetingMinutesRecorded(MinutesRecorded)
    case contactRecorded(ContactRecorded)
    case commitmentRecorded(CommitmentRecorded)
    case commitmentConfirmedFulfilment(SideConfirmation)
    case commitmentFulfilled(ItemEvent)
    case commitmentLapsed(ItemEvent)
    case readoutPublished(ReadoutPublished)
    case textCreated(TextCreated)
    case textClauseProposed(ClauseProposed)
    case textAlternativeProposed(AlternativeProposed)
    case textAlternativeRevised(AlternativeRevised)
    case textAlternativeWithdrawn(AlternativeEvent)
    case textAlternativeSupported(AlternativeEvent)
    case textCompromiseProposed(CompromiseProposed)
    case textClauseStatusSet(ClauseStatusSet)
    case textClauseMoved(ClauseMoved)
    case textLanguageVersionSet(LanguageVersionSet)
    case textClauseCommented(ClauseCommented)
    case textRoundOpened(RoundOpened)
    case textAdopted(TextAdopted)
    case textSignatureRecorded(TextSignatureRecorded)
    case textSigned(ItemEvent)
    case textWithdrawn(ItemEvent)
    case noteWritten(NoteWritten)
    case noteEdited(NoteEdited)
    case noteDeleted(ItemEvent)

    /// The kind this payload is recorded under.
    public var kind: EntryKind {
        switch self {
        case .mechanismCreated: return .mechanismCreated
        case .partyAdded: return .partyAdded
        case .trackAdded: return .trackAdded
        case .coChairSet: return .coChairSet
        case .memberAdded: return .memberAdded
        case .memberUpdated: return .memberUpdated
        case .teamFormed: return .teamFormed
        case .accountCreated: return .accountCreated
        case .accountRoleChanged: return .accountRoleChanged
        case .accountDeactivated: return .accountDeactivated
        case .irritantRaised: return .irritantRaised
        case .irritantAcknowledged: return .irritantAcknowledged
        case .irritantDiscussionStarted: return .irritantDiscussionStarted
        case .irritantConfirmedResolution: return .irritantConfirmedResolution
        case .irritantConfirmationWithdrawn: return .irritantConfirmationWithdrawn
        case .irritantResolved: return .irritantResolved
        case .irritantParked: return .irritantParked
        case .irritantReopened: return .irritantReopened
        case .irritantWithdrawn: return .irritantWithdrawn
        case .stepAdded: return .stepAdded
        case .stepUpdated: return .stepUpdated
        case .meetingScheduled: return .meetingScheduled
        case .meetingUpdated: return .meetingUpdated
        case .meetingCancelled: return .meetingCancelled
        case .meetingJointSummaryRecorded: return .meetingJointSummaryRecorded
        case .meetingOutcomeAdded: return .meetingOutcomeAdded
        case .meetingMinutesRecorded: return .meetingMinutesRecorded
        case .contactRecorded: return .contactRecorded
        case .commitmentRecorded: return .commitmentRecorded
        case .commitmentConfirmedFulfilment: return .commitmentConfirmedFulfilment
        case .commitmentFulfilled: return .commitmentFulfilled
        case .commitmentLapsed: return .commitmentLapsed
        case .readoutPublished: return .readoutPublished
        case .textCreated: return .textCreated
        case .textClauseProposed: return .textClauseProposed
        case .textAlternativeProposed: return .textAlternativeProposed
        case .textAlternativeRevised: return .textAlternativeRevised
        case .textAlternativeWithdrawn: return .textAlternativeWithdrawn
        case .textAlternativeSupported: return .textAlternativeSupported
        case .textCompromiseProposed: return .textCompromiseProposed
        case .textClauseStatusSet: return .textClauseStatusSet
        case .textClauseMoved: return .textClauseMoved
        case .textLanguageVersionSet: return .textLanguageVersionSet
        case .textClauseCommented: return .textClauseCommented
        case .textRoundOpened: return .textRoundOpened
        case .textAdopted: return .textAdopted
        case .textSignatureRecorded: return .textSignatureRecorded
        case .textSigned: return .textSigned
        case .textWithdrawn: return .textWithdrawn
        case .noteWritten: return .noteWritten
        case .noteEdited: return .noteEdited
        case .noteDeleted: return .noteDeleted
        }
    }

    /// The payload alone, for encoding under `data`.
    var payload: any Encodable & Sendable {
        switch self {
        case .mechanismCreated(let p): return p
        case .partyAdded(let p): return p
        case .trackAdded(let p): return p
        case .coChairSet(let p): return p
        case .memberAdded(let p): return p
        case .memberUpdated(let p): return p
        case .teamFormed(let p): return p
        case .accountCreated(let p): return p
        case .accountRoleChanged(let p): return p
        case .accountDeactivated(let p): return p
        case .irritantRaised(let p): return p
        case .irritantAcknowledged(let p): return p
        case .irritantDiscussionStarted(let p): return p
        case .irritantConfirmedResolution(let p): return p
        case .irritantConfirmationWithdrawn(let p): return p
        case .irritantResolved(let p): return p
        case .irritantParked(let p): return p
        case .irritantReopened(let p): return p
        case .irritantWithdrawn(let p): return p
        case .stepAdded(let p): return p
        case .stepUpdated(let p): return p
        case .meetingScheduled(let p): return p
        case .meetingUpdated(let p): return p
        case .meetingCancelled(let p): return p
        case .meetingJointSummaryRecorded(let p): return p
        case .meetingOutcomeAdded(let p): return p
        case .meetingMinutesRecorded(let p): return p
        case .contactRecorded(let p): return p
        case .commitmentRecorded(let p): return p
        case .commitmentConfirmedFulfilment(let p): return p
        case .commitmentFulfilled(let p): return p
        case .commitmentLapsed(let p): return p
        case .readoutPublished(let p): return p
        case .textCreated(let p): return p
        case .textClauseProposed(let p): return p
        case .textAlternativeProposed(let p): return p
        case .textAlternativeRevised(let p): return p
        case .textAlternativeWithdrawn(let p): return p
        case .textAlternativeSupported(let p): return p
        case .textCompromiseProposed(let p): return p
        case .textClauseStatusSet(let p): return p
        case .textClauseMoved(let p): return p
        case .textLanguageVersionSet(let p): return p
        case .textClauseCommented(let p): return p
        case .textRoundOpened(let p): return p
        case .textAdopted(let p): return p
        case .textSignatureRecorded(let p): return p
        case .textSigned(let p): return p
        case .textWithdrawn(let p): return p
        case .noteWritten(let p): return p
        case .noteEdited(let p): return p
        case .noteDeleted(let p): return p
        }
    }

    /// Decodes the payload that `kind` names from `container[key]`.
    init<Key: CodingKey>(kind: EntryKind, from container: KeyedDecodingContainer<Key>, forKey key: Key) throws {
        switch kind {
        case .mechanismCreated: self = .mechanismCreated(try container.decode(MechanismCreated.self, forKey: key))
        case .partyAdded: self = .partyAdded(try container.decode(PartyAdded.self, forKey: key))
        case .trackAdded: self = .trackAdded(try container.decode(TrackAdded.self, forKey: key))
        case .coChairSet: self = .coChairSet(try container.decode(CoChairSet.self, forKey: key))
        case .memberAdded: self = .memberAdded(try container.decode(MemberDetails.self, forKey: key))
        case .memberUpdated: self = .memberUpdated(try container.decode(MemberDetails.self, forKey: key))
        case .teamFormed: self = .teamFormed(try container.decode(TeamFormed.self, forKey: key))
        case .accountCreated: self = .accountCreated(try container.decode(AccountCreated.self, forKey: key))
        case .accountRoleChanged: self = .accountRoleChanged(try container.decode(AccountRoleChanged.self, forKey: key))
        case .accountDeactivated: self = .accountDeactivated(try container.decode(AccountDeactivated.self, forKey: key))
        case .irritantRaised: self = .irritantRaised(try container.decode(IrritantRaised.self, forKey: key))
        case .irritantAcknowledged: self = .irritantAcknowledged(try container.decode(ItemEvent.self, forKey: key))
        case .irritantDiscussionStarted:
            self = .irritantDiscussionStarted(try container.decode(ItemEvent.self, forKey: key))
        case .irritantConfirmedResolution:
            self = .irritantConfirmedResolution(try container.decode(SideConfirmation.self, forKey: key))
        case .irritantConfirmationWithdrawn:
            self = .irritantConfirmationWithdrawn(try container.decode(SideConfirmation.self, forKey: key))
        case .irritantResolved: self = .irritantResolved(try container.decode(ItemEvent.self, forKey: key))
        case .irritantParked: self = .irritantParked(try container.decode(ItemEvent.self, forKey: key))
        case .irritantReopened: self = .irritantReopened(try container.decode(ItemEvent.self, forKey: key))
        case .irritantWithdrawn: self = .irritantWithdrawn(try container.decode(ItemEvent.self, forKey: key))
        case .stepAdded: self = .stepAdded(try container.decode(StepAdded.self, forKey: key))
        case .stepUpdated: self = .stepUpdated(try container.decode(StepUpdated.self, forKey: key))
        case .meetingScheduled: self = .meetingScheduled(try container.decode(MeetingDetails.self, forKey: key))
        case .meetingUpdated: self = .meetingUpdated(try container.decode(MeetingDetails.self, forKey: key))
        case .meetingCancelled: self = .meetingCancelled(try container.decode(ItemEvent.self, forKey: key))
        case .meetingJointSummaryRecorded:
            self = .meetingJointSummaryRecorded(try container.decode(JointSummaryRecorded.self, forKey: key))
        case .meetingOutcomeAdded: self = .meetingOutcomeAdded(try container.decode(OutcomeAdded.self, forKey: key))
        case .meetingMinutesRecorded:
            self = .meetingMinutesRecorded(try container.decode(MinutesRecorded.self, forKey: key))
        case .contactRecorded: self = .contactRecorded(try container.decode(ContactRecorded.self, forKey: key))
        case .commitmentRecorded: self = .commitmentRecorded(try container.decode(CommitmentRecorded.self, forKey: key))
        case .commitmentConfirmedFulfilment:
            self = .commitmentConfirmedFulfilment(try container.decode(SideConfirmation.self, forKey: key))
        case .commitmentFulfilled: self = .commitmentFulfilled(try container.decode(ItemEvent.self, forKey: key))
        case .commitmentLapsed: self = .commitmentLapsed(try container.decode(ItemEvent.self, forKey: key))
        case .readoutPublished: self = .readoutPublished(try container.decode(ReadoutPublished.self, forKey: key))
        case .textCreated: self = .textCreated(try container.decode(TextCreated.self, forKey: key))
        case .textClauseProposed: self = .textClauseProposed(try container.decode(ClauseProposed.self, forKey: key))
        case .textAlternativeProposed:
            self = .textAlternativeProposed(try container.decode(AlternativeProposed.self, forKey: key))
        case .textAlternativeRevised:
            self = .textAlternativeRevised(try container.decode(AlternativeRevised.self, forKey: key))
        case .textAlternativeWithdrawn:
            self = .textAlternativeWithdrawn(try container.decode(AlternativeEvent.self, forKey: key))
        case .textAlternativeSupported:
            self = .textAlternativeSupported(try container.decode(AlternativeEvent.self, forKey: key))
        case .textCompromiseProposed:
            self = .textCompromiseProposed(try container.decode(CompromiseProposed.self, forKey: key))
        case .textClauseStatusSet: self = .textClauseStatusSet(try container.decode(ClauseStatusSet.self, forKey: key))
        case .textClauseMoved: self = .textClauseMoved(try container.decode(ClauseMoved.self, forKey: key))
        case .textLanguageVersionSet:
            self = .textLanguageVersionSet(try container.decode(LanguageVersionSet.self, forKey: key))
        case .textClauseCommented: self = .textClauseCommented(try container.decode(ClauseCommented.self, forKey: key))
        case .textRoundOpened: self = .textRoundOpened(try container.decode(RoundOpened.self, forKey: key))
        case .textAdopted: self = .textAdopted(try container.decode(TextAdopted.self, forKey: key))
        case .textSignatureRecorded:
            self = .textSignatureRecorded(try container.decode(TextSignatureRecorded.self, forKey: key))
        case .textSigned: self = .textSigned(try container.decode(ItemEvent.self, forKey: key))
        case .textWithdrawn: self = .textWithdrawn(try container.decode(ItemEvent.self, forKey: key))
        case .noteWritten: self = .noteWritten(try container.decode(NoteWritten.self, forKey: key))
        case .noteEdited: self = .noteEdited(try container.decode(NoteEdited.self, forKey: key))
        case .noteDeleted: self = .noteDeleted(try container.decode(ItemEvent.self, forKey: key))
        }
    }
}
