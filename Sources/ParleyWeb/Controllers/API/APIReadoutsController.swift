// ParleyWeb: readouts in the JSON API — the list (optionally every side's readout of one event,
// to read side by side), one readout, and publishing the caller's side's readout.

import Hummingbird
import ParleyCore
import ParleyStore

struct APIReadoutsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/readouts", use: list)
        group.post("/mechanisms/:id/readouts", use: publish)
        group.get("/mechanisms/:id/readouts/:ref", use: show)
    }

    struct PublishBody: Decodable {
        var event: Reference
        var body: String
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        if let raw = request.uri.queryParameters["event"] {
            guard let event = Reference(String(raw)), event.kind == .meeting || event.kind == .contact else {
                throw WebError(
                    .badRequest,
                    "`event` must be the reference of a meeting or contact, such as MTG-1.",
                    field: "event"
                )
            }
            let readouts = try await api.access.store.readouts(of: event, in: api.mechanism, scope: api.access.scope)
            return try JSONResponse.make(APIList(items: readouts, name: "readouts", next: nil))
        }
        let page = try await api.page(.readout)
        let readouts = page.items.compactMap { if case .readout(let r) = $0 { r } else { nil } }
        return try JSONResponse.make(APIList(items: readouts, name: "readouts", next: page.next))
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        guard case .readout(let readout) = try await api.item(kind: .readout) else { throw WebError.notFound }
        return try JSONResponse.make(readout)
    }

    @Sendable func publish(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let b = try await api.body(PublishBody.self)
        let result = try await api.execute(
            .publishReadout(.init(mechanism: api.mechanism, event: b.event, body: b.body))
        )
        guard case .readout(let readout) = try await api.created(by: result) else { throw WebError.internalError }
        return try JSONResponse.created(
            readout,
            location: api.base + "/readouts/" + readout.reference.description
        )
    }
}
