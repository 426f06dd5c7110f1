// ParleyWeb: the meetings of a mechanism — the list, one meeting with its shared record and the
// viewer's own minutes, scheduling one, and the changes made on a meeting's page (joint summary,
// outcome, own minutes, cancellation). Every change goes through `Store.execute`; a refusal comes
// back as an error summary on the same page, success as 303 See Other to the meeting.

import Foundation
import Hummingbird
import ParleyCore
import ParleyStore

struct MeetingsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/meetings", use: list)
        group.get("/mechanisms/:id/meetings/new", use: newForm)
        group.post("/mechanisms/:id/meetings/new", use: schedule)
        group.get("/mechanisms/:id/meetings/:ref", use: show)
        group.post("/mechanisms/:id/meetings/:ref/:action", use: act)
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let meetings = try await access.store.items(
            .meeting,
            in: access.id,
            scope: access.scope,
            limit: Store.maxPageSize
        )
        .rows.compactMap { row -> Meeting? in if case .item(.meeting(let v)) = row.value { v } else { nil } }
        .sorted { $0.start > $1.start }
        .map { DashboardPage.MeetingView($0, mechanism: access.id, names: access.names) }
        let page = MeetingListPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            meetings: meetings,
            hasMeetings: !meetings.isEmpty,
            canSchedule: access.canArrange
        )
        return try env.render("meetings", page, context: context)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let meeting = try await meeting(context.parameters.get("ref"), access)
        return try env.render("meeting", try await page(meeting, access), context: context)
    }

    @Sendable func act(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let meeting = try await meeting(context.parameters.get("ref"), access)
        let (m, id) = (access.id, meeting.id)
        let form = context.form
        var page = try await page(meeting, access)
        let command: Command
        var fieldNames: [String: String] = [:]
        switch context.parameters.get("action") {
        case "summary":
            page.summaryInput = form["summary"] ?? ""
            command = .recordJointSummary(.init(mechanism: m, meeting: id, summary: page.summaryInput))
        case "outcome":
            page.outcomeInput = form["outcome"] ?? ""
            command = .addOutcome(.init(mechanism: m, meeting: id, text: page.outcomeInput))
            fieldNames = ["text": "outcome"]
        case "minutes":
            page.minutesInput = form["minutes"] ?? ""
            command = .recordMinutes(.init(mechanism: m, meeting: id, body: page.minutesInput))
            fieldNames = ["body": "minutes"]
        case "cancel":
            let reason = (form["reason"] ?? "").trimmingWhitespace()
            command = .cancelMeeting(.init(mechanism: m, meeting: id, reason: reason.isEmpty ? nil : reason))
        default:
            throw WebError.notFound
        }
        switch try await access.execute(command, now: env.services.clock.now()) {
        case .success:
            return HTMLResponse.seeOther(page.href)
        case .failure(let refusal):
            page.show(FormErrors(refusal).renamed(fieldNames))
            return try env.render("meeting", page, context: context, status: WebError(refusal).status)
        }
    }

    @Sendable func newForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireArranger(access)
        return try env.render("meeting-new", schedulePage(access, context.form), context: context)
    }

    @Sendable func schedule(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireArranger(access)
        let form = context.form
        var page = schedulePage(access, form)
        // What the form itself must read before ParleyCore can judge the rest.
        var errors = FormErrors()
        let zone = page.startInVenueTime ? page.timeZone : "UTC"
        let start = FormTime.instant(date: page.startDate, time: page.startTime, zone: zone)
        if start == nil {
            if page.startInVenueTime, TimeZone(identifier: page.timeZone) == nil {
                errors.add("timeZone", "Enter the venue's time zone as an IANA name, such as Asia/Riyadh")
            } else {
                errors.add("startDate", "Enter the start as a date like 2025-02-18 and a time like 09:00")
            }
        }
        let duration = FormTime.minutes(page.durationMinutes)
        if duration == nil { errors.add("durationMinutes", "Enter the duration as a whole number of minutes") }
        var agenda: [Reference] = []
        for word in page.agenda.uppercased().split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let reference = Reference(String(word)) else {
                errors.add("agenda", "List agenda items by reference, such as IRR-1, TXT-2, separated by commas")
                break
            }
            agenda.append(reference)
        }
        let kind = MeetingKind(rawValue: form["kind"] ?? "")
        if kind == nil { errors.add("kind", "Choose the kind of meeting from the list") }
        guard errors.isEmpty, let start, let duration, let kind else {
            page.show(errors)
            return try env.render("meeting-new", page, context: context, status: .unprocessableContent)
        }
        let host = (form["host"] ?? "").trimmingWhitespace()
        let command = Command.scheduleMeeting(
            .init(
                mechanism: access.id,
                kind: kind,
                title: page.title,
                start: start,
                timeZone: page.timeZone,
                durationMinutes: duration,
                city: page.city,
                country: page.country.uppercased(),
                host: host.isEmpty ? nil : PartyID(host),
                participants: form.all("participants").map(MemberID.init),
                agenda: agenda
            )
        )
        switch try await access.execute(command, now: env.services.clock.now()) {
        case .success(let result):
            for entry in result.entries {
                if case .meetingScheduled(let details) = entry.data {
                    return HTMLResponse.seeOther(access.id.href + "/meetings/" + details.reference.description)
                }
            }
            return HTMLResponse.seeOther(access.id.href + "/meetings")
        case .failure(let refusal):
            page.show(FormErrors(refusal).renamed())
            return try env.render("meeting-new", page, context: context, status: WebError(refusal).status)
        }
    }

    // MARK: - Helpers

    private func requireArranger(_ access: MechanismAccess) throws {
        guard access.canArrange else {
            throw WebError(
                .forbidden,
                "Your account cannot schedule meetings in this mechanism: only negotiators and leads of the sides and facilitators can."
            )
        }
    }

    private func meeting(_ raw: String?, _ access: MechanismAccess) async throws -> Meeting {
        let row = try await access.item(raw, kind: .meeting)
        guard case .item(.meeting(let meeting)) = row.value else { throw WebError.notFound }
        return meeting
    }

    /// The schedule form, filled with what was submitted (empty on the first visit).
    private func schedulePage(_ access: MechanismAccess, _ form: FormFields) -> ScheduleMeetingPage {
        let host = form["host"] ?? ""
        let members = access.memberOptions(checked: form.all("participants"))
        var page = ScheduleMeetingPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            kinds: ScheduleMeetingPage.kindOptions(selected: form["kind"] ?? ""),
            hosts: access.partyOptions(selected: host),
            noHost: host.isEmpty,
            members: members,
            hasMembers: !members.isEmpty
        )
        page.title = form["title"] ?? ""
        page.startDate = form["startDate"] ?? ""
        page.startTime = form["startTime"] ?? ""
        page.startInVenueTime = (form["startZone"] ?? "venue") != "utc"
        page.timeZone = (form["timeZone"] ?? "").trimmingWhitespace()
        page.durationMinutes = form["durationMinutes"] ?? ""
        page.city = form["city"] ?? ""
        page.country = (form["country"] ?? "").trimmingWhitespace()
        page.agenda = form["agenda"] ?? ""
        return page
    }

    private func page(_ meeting: Meeting, _ access: MechanismAccess) async throws -> MeetingPage {
        let names = access.names
        let now = Timestamp(env.services.clock.now())
        let minutes = try await access.store.minutes(of: meeting.id, scope: access.scope)
        let scheduled = meeting.status == .scheduled
        let href = access.id.href + "/meetings/" + meeting.reference.description
        let outcomes = meeting.outcomes.map {
            MeetingPage.OutcomeView(text: $0.text, party: names.name($0.recordedBy), at: PageFormat.utc($0.at))
        }
        let agenda = meeting.agenda.map { MeetingPage.AgendaItem(reference: $0.description, href: access.href(of: $0)) }
        let participants = meeting.participants.map(access.memberName)
        return MeetingPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            href: href,
            meeting: DashboardPage.MeetingView(meeting, mechanism: access.id, names: names),
            duration: "\(meeting.durationMinutes) minutes",
            updatedAt: PageFormat.utc(meeting.updatedAt),
            participants: participants,
            hasParticipants: !participants.isEmpty,
            agenda: agenda,
            hasAgenda: !agenda.isEmpty,
            outcomes: outcomes,
            hasOutcomes: !outcomes.isEmpty,
            jointSummary: meeting.jointSummary,
            ownParty: access.actor.party.map { names.name($0) },
            minutes: minutes?.body,
            minutesRecorded: minutes.map { PageFormat.utc($0.recordedAt) },
            readoutsHref: access.id.href + "/readouts/" + meeting.reference.description,
            canRecordShared: access.canWriteShared && scheduled && meeting.start <= now,
            canRecordMinutes: access.canWritePrivate && scheduled,
            canCancel: access.canArrange && scheduled && now < meeting.start,
            canWriteNotes: access.canWritePrivate,
            summaryInput: meeting.jointSummary ?? "",
            minutesInput: minutes?.body ?? ""
        )
    }
}
