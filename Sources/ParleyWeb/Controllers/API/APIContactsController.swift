// ParleyWeb: contacts outside meetings in the JSON API — the list, one contact, recording one.

import Hummingbird
import ParleyCore
import ParleyStore

struct APIContactsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/contacts", use: list)
        group.post("/mechanisms/:id/contacts", use: record)
        group.get("/mechanisms/:id/contacts/:ref", use: show)
    }

    struct RecordBody: Decodable {
        var kind: ContactKind
        var participants: [MemberID]?
        var initiatedBy: PartyID
        var at: Timestamp
        var durationMinutes: Int?
        var summary: String
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let page = try await api.page(.contact)
        let contacts = page.items.compactMap { if case .contact(let c) = $0 { c } else { nil } }
        return try JSONResponse.make(APIList(items: contacts, name: "contacts", next: page.next))
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        guard case .contact(let contact) = try await api.item(kind: .contact) else { throw WebError.notFound }
        return try JSONResponse.make(contact)
    }

    @Sendable func record(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let b = try await api.body(RecordBody.self)
        let result = try await api.execute(
            .recordContact(
                .init(
                    mechanism: api.mechanism,
                    kind: b.kind,
                    participants: b.participants ?? [],
                    initiatedBy: b.initiatedBy,
                    at: b.at,
                    durationMinutes: b.durationMinutes,
                    summary: b.summary
                )
            )
        )
        guard case .contact(let contact) = try await api.created(by: result) else { throw WebError.internalError }
        return try JSONResponse.created(
            contact,
            location: api.base + "/contacts/" + contact.reference.description
        )
    }
}
