// ParleyWeb: commitments in the JSON API — the list, one commitment, recording one, a side's
// confirmation that it was fulfilled, and marking it lapsed.

import Hummingbird
import ParleyCore
import ParleyStore

struct APICommitmentsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/commitments", use: list)
        group.post("/mechanisms/:id/commitments", use: record)
        group.get("/mechanisms/:id/commitments/:ref", use: show)
        group.post("/mechanisms/:id/commitments/:ref/confirm-fulfilment", use: confirmFulfilment)
        group.post("/mechanisms/:id/commitments/:ref/mark-lapsed", use: markLapsed)
    }

    struct RecordBody: Decodable {
        var text: String
        var owner: CommitmentOwner
        var source: Reference?
        var due: CalendarDay?
    }

    struct ReasonBody: Decodable { var reason: String? }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let page = try await api.page(.commitment)
        let commitments = page.items.compactMap { if case .commitment(let c) = $0 { c } else { nil } }
        return try JSONResponse.make(APIList(items: commitments, name: "commitments", next: page.next))
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        return try JSONResponse.make(try await commitment(api))
    }

    @Sendable func record(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let b = try await api.body(RecordBody.self)
        let result = try await api.execute(
            .recordCommitment(
                .init(mechanism: api.mechanism, text: b.text, owner: b.owner, source: b.source, due: b.due)
            )
        )
        guard case .commitment(let commitment) = try await api.created(by: result) else {
            throw WebError.internalError
        }
        return try JSONResponse.created(
            commitment,
            location: api.base + "/commitments/" + commitment.reference.description
        )
    }

    @Sendable func confirmFulfilment(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let commitment = try await commitment(api)
        try await api.execute(.confirmFulfilment(.init(mechanism: api.mechanism, commitment: commitment.id)))
        return try await changed(commitment, api)
    }

    @Sendable func markLapsed(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let commitment = try await commitment(api)
        let reason = try await api.optionalBody(ReasonBody.self)?.reason
        try await api.execute(.markLapsed(.init(mechanism: api.mechanism, commitment: commitment.id, reason: reason)))
        return try await changed(commitment, api)
    }

    private func commitment(_ api: APIRequest) async throws -> Commitment {
        guard case .commitment(let c) = try await api.item(kind: .commitment) else { throw WebError.notFound }
        return c
    }

    private func changed(_ commitment: Commitment, _ api: APIRequest) async throws -> Response {
        guard case .commitment(let now) = try await api.current(commitment.id) else { throw WebError.notFound }
        return try JSONResponse.make(now)
    }
}
