// The projection of each kind of entry: one case per EntryKind (see Projection.swift).

extension Fold {
    func changes() throws(ProjectionError) -> [ProjectionChange] {
        switch entry.data {
        case .mechanismCreated(let p):
            guard state.mechanism(p.id) == nil, entry.log == .shared(p.id) else {
                throw fail("mechanism \(p.id) is created twice or outside its own log")
            }
            return [
                row(
                    .mechanism(
                        Mechanism(id: p.id, title: p.title, contactCadenceDays: p.contactCadenceDays, createdAt: at)
                    )
                )
            ]
        case .partyAdded(let p):
            var mechanism = try mechanism()
            if p.kind == .side { mechanism.sides.append(p.id) } else { mechanism.facilitators.append(p.id) }
            let party = Party(
                id: p.id,
                mechanism: m,
                name: p.name,
                country: p.country,
                languages: p.languages,
                kind: p.kind
            )
            return [row(.party(party)), row(.mechanism(mechanism))]
        case .trackAdded(let p):
            var mechanism = try mechanism()
            mechanism.tracks.append(p.id)
            return [row(.track(Track(id: p.id, mechanism: m, title: p.title))), row(.mechanism(mechanism))]
        case .coChairSet(let p):
            guard var track = state.track(p.track) else { throw fail("track \(p.track) does not exist") }
            track.coChairs =
                (track.coChairs.filter { $0.party != p.party } + [CoChair(party: p.party, member: p.member)])
                .sorted { $0.party < $1.party }
            return [row(.track(track))]
        case .memberAdded(let p), .memberUpdated(let p):
            return [row(.member(Member(id: p.id, party: p.party, name: p.name, title: p.title, role: p.role)))]
        case .teamFormed(let p):
            return [row(.team(Team(id: p.id, party: p.party, track: p.track, name: p.name, members: p.members)))]
        case .accountCreated(let p):
            guard entry.log.owner == p.party else { throw fail("account \(p.id) is recorded outside its party's log") }
            return [
                row(.account(Account(id: p.id, username: p.username, party: p.party, role: p.role, member: p.member)))
            ]
        case .accountRoleChanged(let p):
            var account = try account(p.id)
            account.role = p.role
            return [row(.account(account))]
        case .accountDeactivated(let p):
            var account = try account(p.id)
            account.active = false
            return [row(.account(account))]

        case .irritantRaised(let p):
            let irritant = Irritant(
                id: p.id,
                mechanism: m,
                reference: p.reference,
                title: p.title,
                description: p.description,
                raisedBy: p.raisedBy,
                track: p.track,
                raisedAt: at,
                updatedAt: at
            )
            return [row(.item(.irritant(irritant))), counter(p.reference)]
        case .irritantAcknowledged(let p):
            return try irritantChange(p.id) { $0.status = .acknowledged }
        case .irritantDiscussionStarted(let p):
            return try irritantChange(p.id) { $0.status = .inDiscussion }
        case .irritantConfirmedResolution(let p):
            return try irritantChange(p.id) { $0.confirmations = adding(p.party, to: $0.confirmations) }
        case .irritantConfirmationWithdrawn(let p):
            return try irritantChange(p.id) { $0.confirmations.removeAll { $0 == p.party } }
        case .irritantResolved(let p):
            return try irritantChange(p.id) { $0.status = .resolved }
        case .irritantParked(let p):
            return try irritantChange(p.id) { $0.status = .parked }
        case .irritantReopened(let p):
            // DESIGN.md: a reopened irritant needs every side's confirmation anew.
            return try irritantChange(p.id) {
                $0.status = .inDiscussion
                $0.confirmations = []
            }
        case .irritantWithdrawn(let p):
            return try irritantChange(p.id) { $0.status = .withdrawn }
        case .stepAdded(let p):
            let step = Step(
                id: p.id,
                mechanism: m,
                reference: p.reference,
                irritant: p.irritant,
                owner: p.owner,
                description: p.description,
                due: p.due,
                updatedAt: at
            )
            return [row(.item(.step(step))), counter(p.reference)]
        case .stepUpdated(let p):
            guard case .step(var step) = try item(p.id) else { throw fail("\(p.id) is not a step") }
            (step.description, step.due, step.status, step.updatedAt) = (p.description, p.due, p.status, at)
            return [row(.item(.step(step)))]

        case .meetingScheduled(let p):
            return [row(.item(.meeting(try meeting(p, keeping: nil)))), counter(p.reference)]
        case .meetingUpdated(let p):
            return [row(.item(.meeting(try meeting(p, keeping: try meeting(p.id)))))]
        case .meetingCancelled(let p):
            return try meetingChange(p.id) { $0.status = .cancelled }
        case .meetingJointSummaryRecorded(let p):
            return try meetingChange(p.id) { $0.jointSummary = p.summary }
        case .meetingOutcomeAdded(let p):
            return try meetingChange(p.id) { $0.outcomes.append(Outcome(text: p.text, recordedBy: p.party, at: at)) }
        case .meetingMinutesRecorded(let p):
            guard let party = entry.log.owner else { throw fail("minutes are recorded outside a private log") }
            let minutes = Minutes(
                id: p.id,
                mechanism: m,
                party: party,
                meeting: p.meeting,
                body: p.body,
                recordedAt: at
            )
            return [row(.item(.minutes(minutes)))]
        case .contactRecorded(let p):
            let contact = Contact(
                id: p.id,
                mechanism: m,
                reference: p.reference,
                kind: p.kind,
                participants: p.participants,
                initiatedBy: p.initiatedBy,
                at: p.at,
                durationMinutes: p.durationMinutes,
                summary: p.summary,
                recordedAt: at
            )
            return [row(.item(.contact(contact))), counter(p.reference)]

        case .commitmentRecorded(let p):
            let commitment = Commitment(
                id: p.id,
                mechanism: m,
                reference: p.reference,
                text: p.text,
                owner: p.owner,
                source: p.source,
                due: p.due,
                recordedAt: at,
                updatedAt: at
            )
            return [row(.item(.commitment(commitment))), counter(p.reference)]
        case .commitmentConfirmedFulfilment(let p):
            return try commitmentChange(p.id) { $0.confirmations = adding(p.party, to: $0.confirmations) }
        case .commitmentFulfilled(let p):
            return try commitmentChange(p.id) { $0.status = .fulfilled }
        case .commitmentLapsed(let p):
            return try commitmentChange(p.id) { $0.status = .lapsed }
        case .readoutPublished(let p):
            let readout = Readout(
                id: p.id,
                mechanism: m,
                reference: p.reference,
                party: p.party,
                event: p.event,
                body: p.body,
                publishedAt: at
            )
            return [row(.item(.readout(readout))), counter(p.reference)]

        case .textCreated(let p):
            return [row(.item(.text(NegotiatingText(p, mechanism: m, at: at)))), counter(p.reference)]
        case .textClauseProposed(let p): return try textChange(p.id)
        case .textAlternativeProposed(let p): return try textChange(p.id)
        case .textAlternativeRevised(let p): return try textChange(p.id)
        case .textAlternativeWithdrawn(let p): return try textChange(p.id)
        case .textAlternativeSupported(let p): return try textChange(p.id)
        case .textCompromiseProposed(let p): return try textChange(p.id)
        case .textClauseStatusSet(let p): return try textChange(p.id)
        case .textClauseMoved(let p): return try textChange(p.id)
        case .textLanguageVersionSet(let p): return try textChange(p.id)
        case .textClauseCommented(let p): return try textChange(p.id)
        case .textRoundOpened(let p): return try textChange(p.id)
        case .textAdopted(let p): return try textChange(p.id)
        case .textSignatureRecorded(let p): return try textChange(p.id)
        case .textSigned(let p): return try textChange(p.id)
        case .textWithdrawn(let p): return try textChange(p.id)

        case .noteWritten(let p):
            guard let party = entry.log.owner else { throw fail("a note is written outside a private log") }
            let note = Note(
                id: p.id,
                mechanism: m,
                party: party,
                reference: p.reference,
                attachedTo: p.attachedTo,
                clause: p.clause,
                body: p.body,
                writtenAt: at,
                updatedAt: at
            )
            return [row(.item(.note(note))), counter(p.reference)]
        case .noteEdited(let p):
            return try noteChange(p.id) { $0.body = p.body }
        case .noteDeleted(let p):
            return try noteChange(p.id) { $0.deleted = true }
        }
    }
}
