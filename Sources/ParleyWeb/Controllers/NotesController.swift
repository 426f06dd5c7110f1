// ParleyWeb: the viewer's own party's private notes — the list, one note, and writing one
// (standing alone or attached to a shared item). Another party's note answers exactly as a
// note that does not exist (DESIGN.md "Access rules": 404, same body): the store's read scope
// never loads another party's private rows, so there is nothing else to answer with.

import Hummingbird
import ParleyCore
import ParleyStore

struct NotesController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/notes", use: list)
        group.get("/mechanisms/:id/notes/new", use: newForm)
        group.post("/mechanisms/:id/notes/new", use: write)
        group.get("/mechanisms/:id/notes/:ref", use: show)
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let notes = try await access.store.notes(in: access.id, scope: access.scope)
            .map { DashboardPage.NoteView($0, mechanism: access.id) }
        let page = NoteListPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            ownParty: access.names.name(access.actor.party),
            notes: notes,
            hasNotes: !notes.isEmpty,
            canWrite: access.canWritePrivate
        )
        return try env.render("notes", page, context: context)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let row = try await access.item(context.parameters.get("ref"), kind: .note)
        guard case .item(.note(let note)) = row.value, note.party == access.actor.party, !note.deleted else {
            throw WebError.notFound
        }
        let page = NotePage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            ownParty: access.names.name(access.actor.party),
            note: DashboardPage.NoteView(note, mechanism: access.id),
            attachedHref: note.attachedTo.flatMap { ref in
                switch ref.kind {
                case .irritant: return access.id.href + "/irritants/" + ref.description
                case .text:
                    return access.id.href + "/texts/" + ref.description
                        + (note.clause.map { "#clause-" + $0.rawValue.addingPathPercentEncoding() } ?? "")
                default: return nil
                }
            }
        )
        return try env.render("note", page, context: context)
    }

    @Sendable func newForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireWriter(access)
        var page = emptyPage(access)
        page.about = request.uri.queryParameters["about"].map(String.init) ?? ""
        return try env.render("note-new", page, context: context)
    }

    @Sendable func write(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireWriter(access)
        var page = emptyPage(access)
        page.body = context.form["body"] ?? ""
        page.about = (context.form["about"] ?? "").trimmingWhitespace()
        var attachedTo: Reference?
        if !page.about.isEmpty {
            guard let reference = Reference(page.about.uppercased()) else {
                var errors = FormErrors()
                errors.add("about", "Enter the reference of a shared item, such as IRR-1 or MTG-2, or leave this empty")
                if page.body.trimmingWhitespace().isEmpty { errors.add("body", "Enter the note") }
                page.show(errors)
                return try env.render("note-new", page, context: context, status: .unprocessableContent)
            }
            attachedTo = reference
        }
        do {
            let result = try await access.store.execute(
                .writeNote(.init(mechanism: access.id, attachedTo: attachedTo, body: page.body)),
                by: access.actor
            )
            for entry in result.entries {
                if case .noteWritten(let note) = entry.data {
                    return HTMLResponse.seeOther(access.id.href + "/notes/" + note.reference.description)
                }
            }
            return HTMLResponse.seeOther(access.id.href + "/notes")
        } catch let refusal as Refusal {
            if refusal == .notVisible { throw WebError.notFound }
            page.show(FormErrors(refusal))
            return try env.render("note-new", page, context: context, status: WebError(refusal).status)
        }
    }

    private func requireWriter(_ access: MechanismAccess) throws {
        guard access.canWritePrivate else {
            throw WebError(.forbidden, "Your account can read notes but not write them: ask your party's lead.")
        }
    }

    private func emptyPage(_ access: MechanismAccess) -> WriteNotePage {
        WriteNotePage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            ownParty: access.names.name(access.actor.party)
        )
    }
}
