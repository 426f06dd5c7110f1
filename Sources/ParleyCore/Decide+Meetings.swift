// Rules for meetings and contacts (DESIGN.md "The domain", "Access rules"): sides and
// facilitators schedule meetings and record contacts; only sides record joint summaries and
// outcomes; every party keeps its own private minutes.

/// The fields shared by scheduling and rescheduling a meeting.
protocol MeetingArrangement {
    var kind: MeetingKind { get }
    var title: String { get }
    var start: Timestamp { get }
    var timeZone: String { get }
    var durationMinutes: Int { get }
    var city: String { get }
    var country: String { get }
    var host: PartyID? { get }
    var participants: [MemberID] { get }
    var agenda: [Reference] { get }
}

extension ScheduleMeeting: MeetingArrangement {}
extension UpdateMeeting: MeetingArrangement {}

extension Decision {
    func decide(_ c: ScheduleMeeting) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        try authorize(.arrange, .record(m, .shared(m.id)))
        let details = try arrangement(c, in: m, id: nil, reference: nil)
        return [draft(.shared(m.id), .meetingScheduled(details))]
    }

    func decide(_ c: UpdateMeeting) throws(Refusal) -> [EntryDraft] {
        let (m, meeting) = try sharedMeeting(c.mechanism, c.meeting, .arrange)
        let details = try arrangement(c, in: m, id: meeting.id, reference: meeting.reference)
        guard meeting.status == .scheduled else {
            throw .conflict("\(meeting.reference) is cancelled; it cannot be changed")
        }
        return [draft(.shared(m.id), .meetingUpdated(details))]
    }

    func decide(_ c: CancelMeeting) throws(Refusal) -> [EntryDraft] {
        let (m, meeting) = try sharedMeeting(c.mechanism, c.meeting, .arrange)
        let reason = try optionalReason(c.reason)
        guard meeting.status == .scheduled else { throw .conflict("\(meeting.reference) is already cancelled") }
        guard now < meeting.start else {
            throw .conflict(
                "\(meeting.reference) started at \(meeting.start); a meeting that took place cannot be cancelled"
            )
        }
        return [
            draft(
                .shared(m.id),
                .meetingCancelled(ItemEvent(id: meeting.id, reference: meeting.reference, reason: reason))
            )
        ]
    }

    func decide(_ c: RecordJointSummary) throws(Refusal) -> [EntryDraft] {
        let (m, meeting) = try sharedMeeting(c.mechanism, c.meeting, .writeShared)
        var v = Validation()
        let summary = v.text(c.summary, "summary", label: "the joint summary", max: Limits.body)
        try v.finish()
        try requireHeld(meeting, "a joint summary")
        let recorded = JointSummaryRecorded(id: meeting.id, reference: meeting.reference, summary: summary)
        return [draft(.shared(m.id), .meetingJointSummaryRecorded(recorded))]
    }

    func decide(_ c: AddOutcome) throws(Refusal) -> [EntryDraft] {
        let (m, meeting) = try sharedMeeting(c.mechanism, c.meeting, .writeShared)
        var v = Validation()
        let text = v.text(c.text, "text", label: "the outcome", max: Limits.shortText)
        try v.finish()
        try requireHeld(meeting, "an outcome")
        let outcome = OutcomeAdded(id: meeting.id, reference: meeting.reference, party: try ownParty(), text: text)
        return [draft(.shared(m.id), .meetingOutcomeAdded(outcome))]
    }

    func decide(_ c: RecordMinutes) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        let party = try ownParty()
        let log = LogID.private(m.id, party)
        try authorize(.writePrivate, .record(m, log))
        guard case .meeting(let meeting) = try item(c.meeting, in: m) else { throw .notVisible }
        var v = Validation()
        let body = v.text(c.body, "body", label: "your minutes", max: Limits.body)
        try v.finish()
        guard meeting.status == .scheduled else {
            throw .conflict("\(meeting.reference) was cancelled; there is nothing to minute")
        }
        // One set of minutes per party and meeting: recording again replaces it under the same id.
        let id = state.minutes(of: meeting.id, by: party)?.id ?? ItemID(newID())
        let minutes = MinutesRecorded(id: id, meeting: meeting.id, meetingReference: meeting.reference, body: body)
        return [draft(log, .meetingMinutesRecorded(minutes))]
    }

    func decide(_ c: RecordContact) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        try authorize(.arrange, .record(m, .shared(m.id)))
        var v = Validation()
        if c.participants.isEmpty { v.fail("participants", "Choose at least one participant") }
        participants(c.participants, in: m, &v)
        v.check(
            m.parties.contains(c.initiatedBy),
            "initiatedBy",
            "Choose the party that initiated the contact from this mechanism"
        )
        v.check(
            c.at <= now,
            "at",
            "A contact is recorded once it took place: its time cannot be later than now (\(now))"
        )
        if let minutes = c.durationMinutes { v.duration(minutes, "durationMinutes") }
        let summary = v.text(c.summary, "summary", label: "a summary of the contact", max: Limits.body)
        try v.finish()
        let contact = ContactRecorded(
            id: ItemID(newID()),
            reference: nextReference(.contact, in: .shared(m.id)),
            kind: c.kind,
            participants: c.participants,
            initiatedBy: c.initiatedBy,
            at: c.at,
            durationMinutes: c.durationMinutes,
            summary: summary
        )
        return [draft(.shared(m.id), .contactRecorded(contact))]
    }

    private func sharedMeeting(_ mechanismID: MechanismID, _ id: ItemID, _ action: Action) throws(Refusal) -> (
        Mechanism, Meeting
    ) {
        let m = try mechanism(mechanismID)
        try authorize(action, .record(m, .shared(m.id)))
        guard case .meeting(let meeting) = try item(id, in: m) else { throw .notVisible }
        return (m, meeting)
    }

    /// Summaries, outcomes and readouts come after a meeting has started and while it is not cancelled.
    func requireHeld(_ meeting: Meeting, _ what: String) throws(Refusal) {
        guard meeting.status == .scheduled else {
            throw .conflict("\(meeting.reference) was cancelled; \(what) cannot be recorded for it")
        }
        guard meeting.start <= now else {
            throw .conflict(
                "\(meeting.reference) starts at \(meeting.start); \(what) can be recorded once it has started"
            )
        }
    }

    /// Validates an arrangement; a new meeting (`id` nil) gets a new id and the next reference.
    private func arrangement(_ c: some MeetingArrangement, in m: Mechanism, id: ItemID?, reference: Reference?)
        throws(Refusal) -> MeetingDetails
    {
        var v = Validation()
        let title = v.line(c.title, "title", label: "a title for the meeting", max: Limits.title)
        v.timeZone(c.timeZone, "timeZone")
        v.duration(c.durationMinutes, "durationMinutes")
        let city = v.line(c.city, "city", label: "the venue's city", max: Limits.city)
        let country = v.country(c.country, "country")
        if let host = c.host {
            v.check(m.parties.contains(host), "host", "Choose the host from this mechanism's parties")
        }
        participants(c.participants, in: m, &v)
        for (i, reference) in c.agenda.enumerated() {
            _ = sharedReference(
                reference,
                "agenda[\(i)]",
                in: m,
                kinds: [.irritant, .text],
                purpose: "An agenda item",
                &v
            )
            if c.agenda[..<i].contains(reference) { v.fail("agenda[\(i)]", "\(reference) is on the agenda twice") }
        }
        try v.finish()
        guard let country else { throw .invalid("country", "Enter the venue's country") }  // unreachable after finish
        return MeetingDetails(
            id: id ?? ItemID(newID()),
            reference: reference ?? nextReference(.meeting, in: .shared(m.id)),
            kind: c.kind,
            title: title,
            start: c.start,
            timeZone: c.timeZone,
            durationMinutes: c.durationMinutes,
            venue: Venue(city: city, country: country),
            host: c.host,
            participants: c.participants,
            agenda: c.agenda
        )
    }
}
