// ParleyWeb: meetings in the JSON API — the list, one meeting, scheduling, the joint summary,
// outcomes, cancelling, and the caller's own party's minutes (private: another party's
// minutes are never read, so they cannot be told apart from none).

import Hummingbird
import ParleyCore
import ParleyStore

struct APIMeetingsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/meetings", use: list)
        group.post("/mechanisms/:id/meetings", use: schedule)
        group.get("/mechanisms/:id/meetings/:ref", use: show)
        group.post("/mechanisms/:id/meetings/:ref/joint-summary", use: jointSummary)
        group.post("/mechanisms/:id/meetings/:ref/outcomes", use: outcome)
        group.post("/mechanisms/:id/meetings/:ref/cancel", use: cancel)
        group.get("/mechanisms/:id/meetings/:ref/minutes", use: minutes)
        group.put("/mechanisms/:id/meetings/:ref/minutes", use: recordMinutes)
    }

    struct ScheduleBody: Decodable {
        var kind: MeetingKind
        var title: String
        var start: Timestamp
        var timeZone: String
        var durationMinutes: Int
        var city: String
        var country: String
        var host: PartyID?
        var participants: [MemberID]?
        var agenda: [Reference]?
    }

    struct SummaryBody: Decodable { var summary: String }
    struct OutcomeBody: Decodable { var text: String }
    struct MinutesBody: Decodable { var body: String }
    struct ReasonBody: Decodable { var reason: String? }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let page = try await api.page(.meeting)
        let meetings = page.items.compactMap { if case .meeting(let m) = $0 { m } else { nil } }
        return try JSONResponse.make(APIList(items: meetings, name: "meetings", next: page.next))
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        return try JSONResponse.make(try await meeting(api))
    }

    @Sendable func schedule(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let b = try await api.body(ScheduleBody.self)
        let result = try await api.execute(
            .scheduleMeeting(
                .init(
                    mechanism: api.mechanism,
                    kind: b.kind,
                    title: b.title,
                    start: b.start,
                    timeZone: b.timeZone,
                    durationMinutes: b.durationMinutes,
                    city: b.city,
                    country: b.country,
                    host: b.host,
                    participants: b.participants ?? [],
                    agenda: b.agenda ?? []
                )
            )
        )
        guard case .meeting(let meeting) = try await api.created(by: result) else { throw WebError.internalError }
        return try JSONResponse.created(
            meeting,
            location: api.base + "/meetings/" + meeting.reference.description
        )
    }

    @Sendable func jointSummary(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let meeting = try await meeting(api)
        let body = try await api.body(SummaryBody.self)
        try await api.execute(
            .recordJointSummary(.init(mechanism: api.mechanism, meeting: meeting.id, summary: body.summary))
        )
        return try await changed(meeting, api)
    }

    @Sendable func outcome(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let meeting = try await meeting(api)
        let body = try await api.body(OutcomeBody.self)
        try await api.execute(.addOutcome(.init(mechanism: api.mechanism, meeting: meeting.id, text: body.text)))
        return try await changed(meeting, api)
    }

    @Sendable func cancel(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let meeting = try await meeting(api)
        let reason = try await api.optionalBody(ReasonBody.self)?.reason
        try await api.execute(.cancelMeeting(.init(mechanism: api.mechanism, meeting: meeting.id, reason: reason)))
        return try await changed(meeting, api)
    }

    @Sendable func minutes(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let meeting = try await meeting(api)
        guard let minutes = try await api.access.store.minutes(of: meeting.id, scope: api.access.scope) else {
            throw WebError.notFound
        }
        return try JSONResponse.make(minutes)
    }

    @Sendable func recordMinutes(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let meeting = try await meeting(api)
        let body = try await api.body(MinutesBody.self)
        try await api.execute(.recordMinutes(.init(mechanism: api.mechanism, meeting: meeting.id, body: body.body)))
        guard let minutes = try await api.access.store.minutes(of: meeting.id, scope: api.access.scope) else {
            throw WebError.internalError
        }
        return try JSONResponse.make(minutes)
    }

    // MARK: - Helpers

    private func meeting(_ api: APIRequest) async throws -> Meeting {
        guard case .meeting(let meeting) = try await api.item(kind: .meeting) else { throw WebError.notFound }
        return meeting
    }

    private func changed(_ meeting: Meeting, _ api: APIRequest) async throws -> Response {
        guard case .meeting(let now) = try await api.current(meeting.id) else { throw WebError.notFound }
        return try JSONResponse.make(now)
    }
}
