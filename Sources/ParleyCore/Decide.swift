// decide: command + current state → entries to append, or a refusal (STYLE.md 3: decisions are
// values). Pure: the caller passes `now`, new ids and the reads; a refusal produces no entry.
//
// Every rule checks in the same order, so answers never reveal more than they should:
// 1. the target exists and the actor may know it (`.notVisible`, as for a missing item);
// 2. the actor's role and kind of party allow the act (`.forbidden`);
// 3. every field is valid (`.invalid`, all problems at once);
// 4. the item's lifecycle allows it now (`.conflict`).

public import Foundation

/// Decides `command` by `actor` at `now`. `newID` is asked for the id of each new thing (a UUID
/// in text form); it is not asked when the command is refused.
public func decide(
    _ command: Command,
    by actor: Actor,
    now: Date,
    newID: @escaping () -> String,
    state: some DecisionState
) throws(Refusal) -> [EntryDraft] {
    let d = Decision(actor: actor, now: Timestamp(now), state: state, newID: newID)
    switch command {
    case .createMechanism(let c): return try d.decide(c)
    case .addParty(let c): return try d.decide(c)
    case .addTrack(let c): return try d.decide(c)
    case .setCoChair(let c): return try d.decide(c)
    case .addMember(let c): return try d.decide(c)
    case .updateMember(let c): return try d.decide(c)
    case .formTeam(let c): return try d.decide(c)
    case .createAccount(let c): return try d.decide(c)
    case .changeAccountRole(let c): return try d.decide(c)
    case .deactivateAccount(let c): return try d.decide(c)
    case .raiseIrritant(let c): return try d.decide(c)
    case .acknowledgeIrritant(let c): return try d.decide(c)
    case .startDiscussion(let c): return try d.decide(c)
    case .confirmResolution(let c): return try d.decide(c)
    case .withdrawConfirmation(let c): return try d.decide(c)
    case .parkIrritant(let c): return try d.decide(c)
    case .reopenIrritant(let c): return try d.decide(c)
    case .withdrawIrritant(let c): return try d.decide(c)
    case .addStep(let c): return try d.decide(c)
    case .updateStep(let c): return try d.decide(c)
    case .scheduleMeeting(let c): return try d.decide(c)
    case .updateMeeting(let c): return try d.decide(c)
    case .cancelMeeting(let c): return try d.decide(c)
    case .recordJointSummary(let c): return try d.decide(c)
    case .addOutcome(let c): return try d.decide(c)
    case .recordMinutes(let c): return try d.decide(c)
    case .recordContact(let c): return try d.decide(c)
    case .recordCommitment(let c): return try d.decide(c)
    case .confirmFulfilment(let c): return try d.decide(c)
    case .markLapsed(let c): return try d.decide(c)
    case .publishReadout(let c): return try d.decide(c)
    case .createText(let c): return try d.decide(c)
    case .proposeClause(let c): return try d.decide(c)
    case .proposeAmendment(let c): return try d.decide(c)
    case .proposeMove(let c): return try d.decide(c)
    case .proposeDeletion(let c): return try d.decide(c)
    case .reviseAlternative(let c): return try d.decide(c)
    case .withdrawAlternative(let c): return try d.decide(c)
    case .supportAlternative(let c): return try d.decide(c)
    case .proposeCompromise(let c): return try d.decide(c)
    case .setClauseStatus(let c): return try d.decide(c)
    case .setLanguageVersion(let c): return try d.decide(c)
    case .commentOnClause(let c): return try d.decide(c)
    case .openRound(let c): return try d.decide(c)
    case .adoptText(let c): return try d.decide(c)
    case .signText(let c): return try d.decide(c)
    case .withdrawText(let c): return try d.decide(c)
    case .writeNote(let c): return try d.decide(c)
    case .editNote(let c): return try d.decide(c)
    case .deleteNote(let c): return try d.decide(c)
    }
}

/// One decision in progress: the actor, the time, the reads, and helpers shared by the rules.
struct Decision<State: DecisionState> {
    let actor: Actor
    let now: Timestamp
    let state: State
    let newID: () -> String

    func mechanism(_ id: MechanismID) throws(Refusal) -> Mechanism {
        guard let m = state.mechanism(id) else { throw .notVisible }
        return m
    }

    func authorize(_ action: Action, _ target: Target) throws(Refusal) {
        switch Policy.check(action, by: actor, on: target) {
        case .allowed: return
        case .notVisible: throw .notVisible
        case .refused(let reason): throw .forbidden(reason)
        }
    }

    /// The actor's party; only the operator has none, and the policy keeps it out of party work.
    func ownParty() throws(Refusal) -> PartyID {
        guard let party = actor.party else { throw .notVisible }
        return party
    }

    /// An item of `m` the actor may see, or `.notVisible`.
    func item(_ id: ItemID, in m: Mechanism) throws(Refusal) -> Item {
        guard let item = state.item(id), item.mechanism == m.id, Policy.canRead(item.log, in: m, by: actor) else {
            throw .notVisible
        }
        return item
    }

    func nextReference(_ kind: ReferenceKind, in log: LogID) -> Reference {
        Reference(kind: kind, number: state.lastNumber(of: kind, in: log) + 1)
    }

    func draft(_ log: LogID, _ data: EntryData) -> EntryDraft {
        EntryDraft(log: log, at: now, actor: actor, data: data)
    }

    /// Checks that a reference written in a command names a shared item of `m` of one of `kinds`.
    func sharedReference(
        _ reference: Reference,
        _ field: String,
        in m: Mechanism,
        kinds: Set<ReferenceKind>,
        purpose: String,
        _ v: inout Validation
    ) -> Item? {
        guard kinds.contains(reference.kind) else {
            v.fail(field, "\(purpose) must be \(kindList(kinds)), not \(reference)")
            return nil
        }
        guard let item = state.item(reference, in: .shared(m.id)) else {
            v.fail(field, "\(reference) does not exist in this mechanism")
            return nil
        }
        return item
    }

    /// Checks a list of participants: members of the mechanism's parties, each listed once.
    func participants(_ ids: [MemberID], in m: Mechanism, _ v: inout Validation) {
        var seen = Set<MemberID>()
        for (i, id) in ids.enumerated() {
            if !seen.insert(id).inserted {
                v.fail("participants[\(i)]", "A participant is listed twice; list each person once")
            } else if let member = state.member(id), m.parties.contains(member.party) {
                continue
            } else {
                v.fail("participants[\(i)]", "Choose participants from the delegations of this mechanism")
            }
        }
    }

    private func kindList(_ kinds: Set<ReferenceKind>) -> String {
        let names: [ReferenceKind: String] = [
            .irritant: "an irritant", .meeting: "a meeting", .text: "a text", .commitment: "a commitment",
            .contact: "a contact", .step: "a step", .readout: "a readout", .note: "a note",
        ]
        let listed = ReferenceKind.allCases.filter(kinds.contains).compactMap { names[$0] }
        return listed.count <= 1 ? listed.joined() : listed.dropLast().joined(separator: ", ") + " or " + listed.last!
    }
}
