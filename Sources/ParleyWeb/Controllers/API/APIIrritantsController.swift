// ParleyWeb: irritants and their steps in the JSON API — the register, one irritant with its
// steps, raising one, each lifecycle action, and adding or updating a step. Every change goes
// through `Store.execute` (ParleyCore's policy decides); reads go through the caller's scope.

import Hummingbird
import ParleyCore
import ParleyStore

struct APIIrritantsController: Sendable {
    let env: WebEnvironment

    /// The lifecycle actions, by the last segment of their path.
    static let actions = [
        "acknowledge", "start-discussion", "confirm-resolution", "withdraw-confirmation", "park", "reopen", "withdraw",
    ]

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/irritants", use: list)
        group.post("/mechanisms/:id/irritants", use: raise)
        group.get("/mechanisms/:id/irritants/:ref", use: show)
        for action in Self.actions {
            group.post(RouterPath("/mechanisms/:id/irritants/:ref/\(action)")) { request, context in
                try await act(action, request, context)
            }
        }
        group.post("/mechanisms/:id/irritants/:ref/steps", use: addStep)
        group.get("/mechanisms/:id/steps/:ref", use: showStep)
        group.put("/mechanisms/:id/steps/:ref", use: updateStep)
    }

    struct RaiseBody: Decodable {
        var title: String
        var description: String
        var track: TrackID?
    }

    struct ReasonBody: Decodable {
        var reason: String?
    }

    struct AddStepBody: Decodable {
        var owner: PartyID
        var description: String
        var due: CalendarDay?
    }

    struct UpdateStepBody: Decodable {
        var description: String
        var due: CalendarDay?
        var status: StepStatus
    }

    /// One irritant with its steps: the irritant's own fields plus `steps`.
    struct Detail: Encodable {
        var irritant: Irritant
        var steps: [Step]

        private enum Keys: String, CodingKey { case steps }

        func encode(to encoder: any Encoder) throws {
            try irritant.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(steps, forKey: .steps)
        }
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await env.kept(request, context) {
            let api = try await APIRequest.resolve(env, request, context)
            let page = try await api.page(.irritant, status: try Self.status(request)?.rawValue)
            let irritants = page.items.compactMap { if case .irritant(let i) = $0 { i } else { nil } }
            return try JSONResponse.answer(APIList(items: irritants, name: "irritants", next: page.next))
        }
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        return try JSONResponse.make(try await detail(try await irritant(api), api))
    }

    @Sendable func raise(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let body = try await api.body(RaiseBody.self)
        let result = try await api.execute(
            .raiseIrritant(
                .init(mechanism: api.mechanism, title: body.title, description: body.description, track: body.track)
            )
        )
        guard case .irritant(let irritant) = try await api.created(by: result) else { throw WebError.internalError }
        return try JSONResponse.created(
            try await detail(irritant, api),
            location: api.base + "/irritants/" + irritant.reference.description
        )
    }

    func act(_ action: String, _ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let irritant = try await irritant(api)
        let (m, i) = (api.mechanism, irritant.id)
        let command: Command
        switch action {
        case "acknowledge": command = .acknowledgeIrritant(.init(mechanism: m, irritant: i))
        case "start-discussion": command = .startDiscussion(.init(mechanism: m, irritant: i))
        case "confirm-resolution": command = .confirmResolution(.init(mechanism: m, irritant: i))
        case "withdraw-confirmation": command = .withdrawConfirmation(.init(mechanism: m, irritant: i))
        case "park", "reopen", "withdraw":
            let reason = try await api.optionalBody(ReasonBody.self)?.reason
            switch action {
            case "park": command = .parkIrritant(.init(mechanism: m, irritant: i, reason: reason))
            case "reopen": command = .reopenIrritant(.init(mechanism: m, irritant: i, reason: reason))
            default: command = .withdrawIrritant(.init(mechanism: m, irritant: i, reason: reason))
            }
        default: throw WebError.notFound
        }
        try await api.execute(command)
        guard case .irritant(let changed) = try await api.current(i) else { throw WebError.notFound }
        return try JSONResponse.make(try await detail(changed, api))
    }

    @Sendable func addStep(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let irritant = try await irritant(api)
        let body = try await api.body(AddStepBody.self)
        let result = try await api.execute(
            .addStep(
                .init(
                    mechanism: api.mechanism,
                    irritant: irritant.id,
                    owner: body.owner,
                    description: body.description,
                    due: body.due
                )
            )
        )
        guard case .step(let step) = try await api.created(by: result) else { throw WebError.internalError }
        return try JSONResponse.created(
            step,
            location: api.base + "/steps/" + step.reference.description
        )
    }

    @Sendable func showStep(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        guard case .step(let step) = try await api.item(kind: .step) else { throw WebError.notFound }
        return try JSONResponse.make(step)
    }

    @Sendable func updateStep(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        guard case .step(let step) = try await api.item(kind: .step) else { throw WebError.notFound }
        let body = try await api.body(UpdateStepBody.self)
        try await api.execute(
            .updateStep(
                .init(
                    mechanism: api.mechanism,
                    step: step.id,
                    description: body.description,
                    due: body.due,
                    status: body.status
                )
            )
        )
        guard case .step(let changed) = try await api.current(step.id) else { throw WebError.notFound }
        return try JSONResponse.make(changed)
    }

    // MARK: - Helpers

    /// `?status=`: only irritants of that status; all when absent.
    private static func status(_ request: Request) throws -> IrritantStatus? {
        guard let raw = request.uri.queryParameters["status"] else { return nil }
        guard let status = IrritantStatus(rawValue: String(raw)) else {
            let known = IrritantStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw WebError(.badRequest, "`status` must be one of \(known).", field: "status")
        }
        return status
    }

    private func irritant(_ api: APIRequest) async throws -> Irritant {
        guard case .irritant(let irritant) = try await api.item(kind: .irritant) else { throw WebError.notFound }
        return irritant
    }

    private func detail(_ irritant: Irritant, _ api: APIRequest) async throws -> Detail {
        let steps = try await api.access.store.items(
            .step,
            about: irritant.id.rawValue,
            in: api.mechanism,
            scope: api.access.scope,
            limit: Store.maxPageSize
        ).rows
            .compactMap { row -> Step? in if case .item(.step(let s)) = row.value { s } else { nil } }
        return Detail(irritant: irritant, steps: steps)
    }
}
