// ParleyWeb: readouts — the meetings and contacts of a mechanism with how many readouts each
// has, and one event's readouts side by side, one column per side, with the form for a side to
// publish its own. Publishing goes through `Store.execute`; a refusal comes back beside the field.

import Hummingbird
import ParleyCore
import ParleyStore

struct ReadoutsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/readouts", use: list)
        group.get("/mechanisms/:id/readouts/:ref", use: show)
        group.post("/mechanisms/:id/readouts/:ref", use: publish)
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let (store, m, scope) = (access.store, access.id, access.scope)
        let meetings = try await store.items(.meeting, in: m, scope: scope, limit: Store.maxPageSize).rows
            .compactMap { row -> Meeting? in if case .item(.meeting(let v)) = row.value { v } else { nil } }
        let contacts = try await store.items(.contact, in: m, scope: scope, limit: Store.maxPageSize).rows
            .compactMap { row -> Contact? in if case .item(.contact(let v)) = row.value { v } else { nil } }
        let readouts = try await store.items(.readout, in: m, scope: scope, limit: Store.maxPageSize).rows
            .compactMap { row -> Readout? in if case .item(.readout(let v)) = row.value { v } else { nil } }
        let events =
            meetings.sorted { $0.start > $1.start }.map { ($0.reference, $0.title) }
            + contacts.sorted { $0.at > $1.at }.map { ($0.reference, label(of: $0)) }
        let rows = events.map { reference, label in
            ReadoutListPage.EventRow(
                reference: reference.description,
                href: m.href + "/readouts/" + reference.description,
                label: label,
                count: readouts.filter { $0.event == reference }.count
            )
        }
        let page = ReadoutListPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: m.href,
            events: rows,
            hasEvents: !rows.isEmpty
        )
        return try env.render("readouts", page, context: context)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let event = try await event(context.parameters.get("ref"), access)
        return try env.render("readout", try await page(event, access), context: context)
    }

    @Sendable func publish(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let event = try await event(context.parameters.get("ref"), access)
        guard let reference = event.reference else { throw WebError.notFound }
        var page = try await page(event, access)
        page.body = context.form["body"] ?? ""
        let command = Command.publishReadout(.init(mechanism: access.id, event: reference, body: page.body))
        switch try await access.execute(command, now: env.services.clock.now()) {
        case .success:
            return HTMLResponse.seeOther(page.href)
        case .failure(let refusal):
            page.show(FormErrors(refusal).renamed())
            return try env.render("readout", page, context: context, status: WebError(refusal).status)
        }
    }

    // MARK: - Helpers

    /// The meeting or contact `raw` names; any other reference is not found.
    private func event(_ raw: String?, _ access: MechanismAccess) async throws -> Item {
        guard let raw, let reference = Reference(raw) else { throw WebError.notFound }
        let row = try await access.item(raw, kind: reference.kind)
        switch row.value {
        case .item(.meeting(let v)): return .meeting(v)
        case .item(.contact(let v)): return .contact(v)
        default: throw WebError.notFound
        }
    }

    private func label(of contact: Contact) -> String {
        PageFormat.contactKind(contact.kind) + " on " + contact.at.day.description
    }

    private func page(_ event: Item, _ access: MechanismAccess) async throws -> EventReadoutsPage {
        guard let reference = event.reference else { throw WebError.notFound }
        let readouts = try await access.store.readouts(of: reference, in: access.id, scope: access.scope)
        let label: String
        var held = true
        switch event {
        case .meeting(let meeting):
            label = meeting.title
            // ParleyCore's rule: a meeting's readouts come once it has started, while it is not cancelled.
            held = meeting.status == .scheduled && meeting.start <= Timestamp(env.services.clock.now())
        case .contact(let contact):
            label = self.label(of: contact)
        default:
            throw WebError.notFound
        }
        return EventReadoutsPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            href: access.id.href + "/readouts/" + reference.description,
            event: reference.description,
            eventHref: access.href(of: reference),
            label: label,
            columns: DashboardPage.ReadoutColumn.columns(readouts, sides: access.mechanism.sides, names: access.names),
            canPublish: access.canWriteShared && held,
            ownParty: access.actor.party.map { access.names.name($0) }
        )
    }
}
