// ParleyWeb: the irritant register, one irritant with its actions, and raising one. Every change
// goes through `Store.execute`, which asks ParleyCore's policy (DESIGN.md "Access rules": the
// decision is made in one place); its refusals come back as an error summary on the same page.
// POSTs are answered 303 See Other on success, so reloading never submits twice.

import Hummingbird
import ParleyCore
import ParleyStore

struct IrritantsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/irritants", use: list)
        group.get("/mechanisms/:id/irritants/new", use: newForm)
        group.post("/mechanisms/:id/irritants/new", use: raise)
        group.get("/mechanisms/:id/irritants/:ref", use: show)
        group.post("/mechanisms/:id/irritants/:ref/:action", use: act)
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await env.kept(request, context) { try await listAnswer(request, context) }
    }

    private func listAnswer(_ request: Request, _ context: ParleyRequestContext) async throws -> CachedAnswer {
        let access = try await MechanismAccess.resolve(env, context)
        let query = try IrritantListQuery(request)
        let size = IrritantListQuery.pageSize
        let counts = try await access.store.statusCounts(.irritant, in: access.id, scope: access.scope)
        let total = query.status.map { counts[$0.rawValue] ?? 0 } ?? counts.values.reduce(0, +)
        let pageCount = PageNumber.count(total, size: size)
        let number = try PageNumber.requested(request, pageCount: pageCount, holder: "This list of irritants")
        let rows = try await access.store.items(
            .irritant,
            status: query.status?.rawValue,
            in: access.id,
            scope: access.scope,
            offset: (number - 1) * size,
            limit: size
        ).rows
            .compactMap { row -> Irritant? in if case .item(.irritant(let i)) = row.value { i } else { nil } }
            .map { DashboardPage.IrritantRow($0, mechanism: access.id, names: access.names) }
        let base = access.id.href + "/irritants"
        let first = (number - 1) * size + 1
        let page = IrritantListPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            irritants: rows,
            hasIrritants: !rows.isEmpty,
            canRaise: access.canWriteShared,
            statuses: query.options,
            noStatusSelected: query.status == nil,
            total: total,
            first: rows.isEmpty ? 0 : first,
            last: first + rows.count - 1,
            pageNumber: number,
            pageCount: pageCount,
            hasPages: pageCount > 1,
            previousHref: number > 1 ? query.href(base, page: number - 1) : nil,
            nextHref: number < pageCount ? query.href(base, page: number + 1) : nil
        )
        return try env.renderAnswer("irritants", page, context: context)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let irritant = try await irritant(context.parameters.get("ref"), access)
        return try env.render("irritant", try await page(irritant, access), context: context)
    }

    @Sendable func act(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let irritant = try await irritant(context.parameters.get("ref"), access)
        let reason = context.form["reason"].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        let (m, i) = (access.id, irritant.id)
        let command: Command
        switch context.parameters.get("action") {
        case "acknowledge": command = .acknowledgeIrritant(.init(mechanism: m, irritant: i))
        case "start-discussion": command = .startDiscussion(.init(mechanism: m, irritant: i))
        case "confirm-resolution": command = .confirmResolution(.init(mechanism: m, irritant: i))
        case "withdraw-confirmation": command = .withdrawConfirmation(.init(mechanism: m, irritant: i))
        case "park": command = .parkIrritant(.init(mechanism: m, irritant: i, reason: reason))
        case "reopen": command = .reopenIrritant(.init(mechanism: m, irritant: i, reason: reason))
        case "withdraw": command = .withdrawIrritant(.init(mechanism: m, irritant: i, reason: reason))
        default: throw WebError.notFound
        }
        do {
            _ = try await access.store.execute(command, by: access.actor)
        } catch let refusal as Refusal {
            if refusal == .notVisible { throw WebError.notFound }
            var page = try await page(irritant, access)
            let errors = FormErrors(refusal)
            page.errors = errors.messages
            page.hasErrors = true
            return try env.render("irritant", page, context: context, status: WebError(refusal).status)
        }
        return HTMLResponse.seeOther(access.id.href + "/irritants/" + irritant.reference.description)
    }

    @Sendable func newForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireWriter(access)
        return try env.render("irritant-new", raisePage(access, track: nil), context: context)
    }

    @Sendable func raise(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireWriter(access)
        let title = context.form["title"] ?? ""
        let description = context.form["description"] ?? ""
        let trackText = (context.form["track"] ?? "").trimmingWhitespace()
        var page = raisePage(access, track: trackText)
        page.title = title
        page.description = description
        let command = Command.raiseIrritant(
            .init(
                mechanism: access.id,
                title: title,
                description: description,
                track: trackText.isEmpty ? nil : TrackID(trackText)
            )
        )
        do {
            let result = try await access.store.execute(command, by: access.actor)
            for entry in result.entries {
                if case .irritantRaised(let raised) = entry.data {
                    return HTMLResponse.seeOther(access.id.href + "/irritants/" + raised.reference.description)
                }
            }
            return HTMLResponse.seeOther(access.id.href + "/irritants")
        } catch let refusal as Refusal {
            if refusal == .notVisible { throw WebError.notFound }
            page.show(FormErrors(refusal))
            return try env.render("irritant-new", page, context: context, status: WebError(refusal).status)
        }
    }

    // MARK: - Helpers

    private func requireWriter(_ access: MechanismAccess) throws {
        guard access.canWriteShared else {
            throw WebError(
                .forbidden,
                "Your account cannot raise irritants in this mechanism: only the sides' negotiators and leads can."
            )
        }
    }

    private func irritant(_ raw: String?, _ access: MechanismAccess) async throws -> Irritant {
        let row = try await access.item(raw, kind: .irritant)
        guard case .item(.irritant(let irritant)) = row.value else { throw WebError.notFound }
        return irritant
    }

    private func raisePage(_ access: MechanismAccess, track: String?) -> RaiseIrritantPage {
        let tracks = access.structure.tracks.map {
            RaiseIrritantPage.TrackOption(id: $0.id.rawValue, title: $0.title, selected: $0.id.rawValue == track)
        }
        var page = RaiseIrritantPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            tracks: tracks,
            hasTracks: !tracks.isEmpty
        )
        page.noTrackSelected = !tracks.contains { $0.selected }
        return page
    }

    private func page(_ irritant: Irritant, _ access: MechanismAccess) async throws -> IrritantPage {
        let names = access.names
        let steps = try await access.store.items(
            .step,
            about: irritant.id.rawValue,
            in: access.id,
            scope: access.scope,
            limit: Store.maxPageSize
        ).rows
            .compactMap { row -> Step? in if case .item(.step(let s)) = row.value { s } else { nil } }
            .map {
                IrritantPage.StepView(
                    reference: $0.reference.description,
                    description: $0.description,
                    owner: names.name($0.owner),
                    due: $0.due?.description,
                    status: PageFormat.status($0.status)
                )
            }
        let actions = IrritantPage.actions(for: irritant, access: access)
        return IrritantPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            href: access.id.href + "/irritants/" + irritant.reference.description,
            reference: irritant.reference.description,
            title: irritant.title,
            description: irritant.description,
            status: PageFormat.status(irritant.status),
            raisedBy: names.name(irritant.raisedBy),
            raisedAt: PageFormat.utc(irritant.raisedAt),
            updatedAt: PageFormat.utc(irritant.updatedAt),
            track: irritant.track.flatMap { id in access.structure.tracks.first { $0.id == id }?.title },
            confirmations: access.mechanism.sides.map {
                IrritantPage.SideConfirmation(party: names.name($0), confirmed: irritant.confirmations.contains($0))
            },
            steps: steps,
            hasSteps: !steps.isEmpty,
            actions: actions,
            hasActions: !actions.isEmpty,
            canWriteNotes: access.canWritePrivate
        )
    }
}
