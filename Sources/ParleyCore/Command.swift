// Any command, as one value for routing, logging and generated tests. The command structs are
// in Commands+*.swift; decide's rules for each are in Decide+*.swift.

/// Any command, for routing and for tests that generate commands.
public enum Command: Hashable, Sendable {
    case createMechanism(CreateMechanism)
    case addParty(AddParty)
    case addTrack(AddTrack)
    case setCoChair(SetCoChair)
    case addMember(AddMember)
    case updateMember(UpdateMember)
    case formTeam(FormTeam)
    case createAccount(CreateAccount)
    case changeAccountRole(ChangeAccountRole)
    case deactivateAccount(DeactivateAccount)
    case raiseIrritant(RaiseIrritant)
    case acknowledgeIrritant(AcknowledgeIrritant)
    case startDiscussion(StartDiscussion)
    case confirmResolution(ConfirmResolution)
    case withdrawConfirmation(WithdrawConfirmation)
    case parkIrritant(ParkIrritant)
    case reopenIrritant(ReopenIrritant)
    case withdrawIrritant(WithdrawIrritant)
    case addStep(AddStep)
    case updateStep(UpdateStep)
    case scheduleMeeting(ScheduleMeeting)
    case updateMeeting(UpdateMeeting)
    case cancelMeeting(CancelMeeting)
    case recordJointSummary(RecordJointSummary)
    case addOutcome(AddOutcome)
    case recordMinutes(RecordMinutes)
    case recordContact(RecordContact)
    case recordCommitment(RecordCommitment)
    case confirmFulfilment(ConfirmFulfilment)
    case markLapsed(MarkLapsed)
    case publishReadout(PublishReadout)
    case createText(CreateText)
    case proposeClause(ProposeClause)
    case proposeAmendment(ProposeAmendment)
    case proposeMove(ProposeMove)
    case proposeDeletion(ProposeDeletion)
    case reviseAlternative(ReviseAlternative)
    case withdrawAlternative(WithdrawAlternative)
    case supportAlternative(SupportAlternative)
    case proposeCompromise(ProposeCompromise)
    case setClauseStatus(SetClauseStatus)
    case setLanguageVersion(SetLanguageVersion)
    case commentOnClause(CommentOnClause)
    case openRound(OpenRound)
    case adoptText(AdoptText)
    case signText(SignText)
    case withdrawText(WithdrawText)
    case writeNote(WriteNote)
    case editNote(EditNote)
    case deleteNote(DeleteNote)

    /// The mechanism the command acts in; nil only for creating one.
    public var mechanism: MechanismID? {
        switch self {
        case .createMechanism: return nil
        case .addParty(let c): return c.mechanism
        case .addTrack(let c): return c.mechanism
        case .setCoChair(let c): return c.mechanism
        case .addMember(let c): return c.mechanism
        case .updateMember(let c): return c.mechanism
        case .formTeam(let c): return c.mechanism
        case .createAccount(let c): return c.mechanism
        case .changeAccountRole(let c): return c.mechanism
        case .deactivateAccount(let c): return c.mechanism
        case .raiseIrritant(let c): return c.mechanism
        case .acknowledgeIrritant(let c): return c.mechanism
        case .startDiscussion(let c): return c.mechanism
        case .confirmResolution(let c): return c.mechanism
        case .withdrawConfirmation(let c): return c.mechanism
        case .parkIrritant(let c): return c.mechanism
        case .reopenIrritant(let c): return c.mechanism
        case .withdrawIrritant(let c): return c.mechanism
        case .addStep(let c): return c.mechanism
        case .updateStep(let c): return c.mechanism
        case .scheduleMeeting(let c): return c.mechanism
        case .updateMeeting(let c): return c.mechanism
        case .cancelMeeting(let c): return c.mechanism
        case .recordJointSummary(let c): return c.mechanism
        case .addOutcome(let c): return c.mechanism
        case .recordMinutes(let c): return c.mechanism
        case .recordContact(let c): return c.mechanism
        case .recordCommitment(let c): return c.mechanism
        case .confirmFulfilment(let c): return c.mechanism
        case .markLapsed(let c): return c.mechanism
        case .publishReadout(let c): return c.mechanism
        case .createText(let c): return c.mechanism
        case .proposeClause(let c): return c.mechanism
        case .proposeAmendment(let c): return c.mechanism
        case .proposeMove(let c): return c.mechanism
        case .proposeDeletion(let c): return c.mechanism
        case .reviseAlternative(let c): return c.mechanism
        case .withdrawAlternative(let c): return c.mechanism
        case .supportAlternative(let c): return c.mechanism
        case .proposeCompromise(let c): return c.mechanism
        case .setClauseStatus(let c): return c.mechanism
        case .setLanguageVersion(let c): return c.mechanism
        case .commentOnClause(let c): return c.mechanism
        case .openRound(let c): return c.mechanism
        case .adoptText(let c): return c.mechanism
        case .signText(let c): return c.mechanism
        case .withdrawText(let c): return c.mechanism
        case .writeNote(let c): return c.mechanism
        case .editNote(let c): return c.mechanism
        case .deleteNote(let c): return c.mechanism
        }
    }

    /// The action's name, e.g. `raiseIrritant`, for logs and audit pages.
    public var name: String {
        switch self {
        case .createMechanism: return "createMechanism"
        case .addParty: return "addParty"
        case .addTrack: return "addTrack"
        case .setCoChair: return "setCoChair"
        case .addMember: return "addMember"
        case .updateMember: return "updateMember"
        case .formTeam: return "formTeam"
        case .createAccount: return "createAccount"
        case .changeAccountRole: return "changeAccountRole"
        case .deactivateAccount: return "deactivateAccount"
        case .raiseIrritant: return "raiseIrritant"
        case .acknowledgeIrritant: return "acknowledgeIrritant"
        case .startDiscussion: return "startDiscussion"
        case .confirmResolution: return "confirmResolution"
        case .withdrawConfirmation: return "withdrawConfirmation"
        case .parkIrritant: return "parkIrritant"
        case .reopenIrritant: return "reopenIrritant"
        case .withdrawIrritant: return "withdrawIrritant"
        case .addStep: return "addStep"
        case .updateStep: return "updateStep"
        case .scheduleMeeting: return "scheduleMeeting"
        case .updateMeeting: return "updateMeeting"
        case .cancelMeeting: return "cancelMeeting"
        case .recordJointSummary: return "recordJointSummary"
        case .addOutcome: return "addOutcome"
        case .recordMinutes: return "recordMinutes"
        case .recordContact: return "recordContact"
        case .recordCommitment: return "recordCommitment"
        case .confirmFulfilment: return "confirmFulfilment"
        case .markLapsed: return "markLapsed"
        case .publishReadout: return "publishReadout"
        case .createText: return "createText"
        case .proposeClause: return "proposeClause"
        case .proposeAmendment: return "proposeAmendment"
        case .proposeMove: return "proposeMove"
        case .proposeDeletion: return "proposeDeletion"
        case .reviseAlternative: return "reviseAlternative"
        case .withdrawAlternative: return "withdrawAlternative"
        case .supportAlternative: return "supportAlternative"
        case .proposeCompromise: return "proposeCompromise"
        case .setClauseStatus: return "setClauseStatus"
        case .setLanguageVersion: return "setLanguageVersion"
        case .commentOnClause: return "commentOnClause"
        case .openRound: return "openRound"
        case .adoptText: return "adoptText"
        case .signText: return "signText"
        case .withdrawText: return "withdrawText"
        case .writeNote: return "writeNote"
        case .editNote: return "editNote"
        case .deleteNote: return "deleteNote"
        }
    }
}
