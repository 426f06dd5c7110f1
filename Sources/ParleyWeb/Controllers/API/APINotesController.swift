// ParleyWeb: the caller's own party's private notes in the JSON API — list, one note, write,
// edit, delete. Another party's note with the same reference is never read (the store's scope
// covers only the caller's party), so it answers exactly as a missing note.

import Hummingbird
import ParleyCore
import ParleyStore

struct APINotesController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/notes", use: list)
        group.post("/mechanisms/:id/notes", use: write)
        group.get("/mechanisms/:id/notes/:ref", use: show)
        group.put("/mechanisms/:id/notes/:ref", use: edit)
        group.delete("/mechanisms/:id/notes/:ref", use: delete)
    }

    struct WriteBody: Decodable {
        var attachedTo: Reference?
        var body: String
    }

    struct EditBody: Decodable { var body: String }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let notes = try await api.access.store.notes(in: api.mechanism, scope: api.access.scope)
        return try JSONResponse.make(APIList(items: notes, name: "notes", next: nil))
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        return try JSONResponse.make(try await note(api))
    }

    @Sendable func write(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let b = try await api.body(WriteBody.self)
        let result = try await api.execute(
            .writeNote(.init(mechanism: api.mechanism, attachedTo: b.attachedTo, body: b.body))
        )
        guard case .note(let note) = try await api.created(by: result) else { throw WebError.internalError }
        return try JSONResponse.created(
            note,
            location: api.base + "/notes/" + note.reference.description
        )
    }

    @Sendable func edit(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let note = try await note(api)
        let b = try await api.body(EditBody.self)
        try await api.execute(.editNote(.init(mechanism: api.mechanism, note: note.id, body: b.body)))
        guard case .note(let now) = try await api.current(note.id) else { throw WebError.notFound }
        return try JSONResponse.make(now)
    }

    @Sendable func delete(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let api = try await APIRequest.resolve(env, request, context)
        let note = try await note(api)
        try await api.execute(.deleteNote(.init(mechanism: api.mechanism, note: note.id)))
        return Response(status: .noContent)
    }

    /// The caller's own note that is not deleted, or not found.
    private func note(_ api: APIRequest) async throws -> Note {
        guard case .note(let note) = try await api.item(kind: .note), note.party == api.access.actor.party,
            !note.deleted
        else { throw WebError.notFound }
        return note
    }
}
