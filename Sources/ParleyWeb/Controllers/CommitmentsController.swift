// ParleyWeb: the commitments of a mechanism — the register by status, one commitment with each
// side's confirmation, recording one, and confirming fulfilment or marking a lapse (a side's
// lead, as ParleyCore's rules allow). Every change goes through `Store.execute`; a refusal comes
// back as an error summary on the same page, success as 303 See Other.

import Hummingbird
import ParleyCore
import ParleyStore

struct CommitmentsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/commitments", use: list)
        group.get("/mechanisms/:id/commitments/new", use: newForm)
        group.post("/mechanisms/:id/commitments/new", use: record)
        group.get("/mechanisms/:id/commitments/:ref", use: show)
        group.post("/mechanisms/:id/commitments/:ref/:action", use: act)
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let all = try await access.store.items(
            .commitment,
            in: access.id,
            scope: access.scope,
            limit: Store.maxPageSize
        )
        .rows.compactMap { row -> Commitment? in if case .item(.commitment(let v)) = row.value { v } else { nil } }
        let statuses: [(CommitmentStatus, String)] = [(.open, "Open"), (.fulfilled, "Fulfilled"), (.lapsed, "Lapsed")]
        let groups = statuses.map { status, heading in
            let rows = all.filter { $0.status == status }
                .map { CommitmentRow($0, mechanism: access.id, names: access.names) }
            return CommitmentListPage.Group(
                id: status.rawValue,
                heading: heading,
                commitments: rows,
                hasCommitments: !rows.isEmpty
            )
        }
        let page = CommitmentListPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            groups: groups,
            canRecord: access.canWriteShared
        )
        return try env.render("commitments", page, context: context)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let commitment = try await commitment(context.parameters.get("ref"), access)
        return try env.render("commitment", page(commitment, access), context: context)
    }

    @Sendable func act(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let commitment = try await commitment(context.parameters.get("ref"), access)
        let reason = (context.form["reason"] ?? "").trimmingWhitespace()
        let command: Command
        switch context.parameters.get("action") {
        case "confirm":
            command = .confirmFulfilment(.init(mechanism: access.id, commitment: commitment.id))
        case "lapse":
            command = .markLapsed(
                .init(mechanism: access.id, commitment: commitment.id, reason: reason.isEmpty ? nil : reason)
            )
        default:
            throw WebError.notFound
        }
        var page = page(commitment, access)
        switch try await access.execute(command, now: env.services.clock.now()) {
        case .success:
            return HTMLResponse.seeOther(page.href)
        case .failure(let refusal):
            page.errors = FormErrors(refusal).messages
            page.hasErrors = true
            return try env.render("commitment", page, context: context, status: WebError(refusal).status)
        }
    }

    @Sendable func newForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireWriter(access)
        var page = recordPage(access, context.form)
        page.source = request.uri.queryParameters["source"].map(String.init) ?? ""
        return try env.render("commitment-new", page, context: context)
    }

    @Sendable func record(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireWriter(access)
        let form = context.form
        var page = recordPage(access, form)
        var errors = FormErrors()
        let sourceText = page.source.trimmingWhitespace().uppercased()
        let source = sourceText.isEmpty ? nil : Reference(sourceText)
        if !sourceText.isEmpty, source == nil {
            errors.add(
                "source",
                "Enter the reference of a meeting, contact or text, such as MTG-1, or leave this empty"
            )
        }
        let dueText = page.due.trimmingWhitespace()
        let due = dueText.isEmpty ? nil : CalendarDay(dueText)
        if !dueText.isEmpty, due == nil {
            errors.add("due", "Enter the due date as a date like 2025-06-30, or leave it empty")
        }
        let ownerText = form["owner"] ?? ""
        if ownerText.isEmpty { errors.add("owner", "Choose the side that undertook it, or all sides") }
        guard errors.isEmpty else {
            page.show(errors)
            return try env.render("commitment-new", page, context: context, status: .unprocessableContent)
        }
        let command = Command.recordCommitment(
            .init(
                mechanism: access.id,
                text: page.text,
                owner: ownerText == "all" ? .allSides : .party(PartyID(ownerText)),
                source: source,
                due: due
            )
        )
        switch try await access.execute(command, now: env.services.clock.now()) {
        case .success(let result):
            for entry in result.entries {
                if case .commitmentRecorded(let recorded) = entry.data {
                    return HTMLResponse.seeOther(access.id.href + "/commitments/" + recorded.reference.description)
                }
            }
            return HTMLResponse.seeOther(access.id.href + "/commitments")
        case .failure(let refusal):
            page.show(FormErrors(refusal).renamed())
            return try env.render("commitment-new", page, context: context, status: WebError(refusal).status)
        }
    }

    // MARK: - Helpers

    private func requireWriter(_ access: MechanismAccess) throws {
        guard access.canWriteShared else {
            throw WebError(
                .forbidden,
                "Your account cannot record commitments in this mechanism: only the sides' negotiators and leads can."
            )
        }
    }

    private func commitment(_ raw: String?, _ access: MechanismAccess) async throws -> Commitment {
        let row = try await access.item(raw, kind: .commitment)
        guard case .item(.commitment(let commitment)) = row.value else { throw WebError.notFound }
        return commitment
    }

    /// The record form, filled with what was submitted; the owner defaults to the viewer's side.
    private func recordPage(_ access: MechanismAccess, _ form: FormFields) -> RecordCommitmentPage {
        let owner = form["owner"] ?? access.actor.party?.rawValue ?? ""
        let owners =
            access.partyOptions(selected: owner, sidesOnly: true).map {
                SelectOption(value: $0.id, label: $0.name, selected: $0.selected)
            } + [SelectOption(value: "all", label: "All sides", selected: owner == "all")]
        var page = RecordCommitmentPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            owners: owners
        )
        page.text = form["text"] ?? ""
        page.source = form["source"] ?? ""
        page.due = form["due"] ?? ""
        return page
    }

    private func page(_ commitment: Commitment, _ access: MechanismAccess) -> CommitmentPage {
        let names = access.names
        let today = Timestamp(env.services.clock.now()).day
        let actions = CommitmentPage.actions(for: commitment, access: access, today: today)
        return CommitmentPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            href: access.id.href + "/commitments/" + commitment.reference.description,
            commitment: CommitmentRow(commitment, mechanism: access.id, names: names),
            source: commitment.source.map {
                MeetingPage.AgendaItem(reference: $0.description, href: access.href(of: $0))
            },
            recordedAt: PageFormat.utc(commitment.recordedAt),
            updatedAt: PageFormat.utc(commitment.updatedAt),
            confirmations: commitment.owner.confirmingSides(among: access.mechanism.sides).map {
                IrritantPage.SideConfirmation(party: names.name($0), confirmed: commitment.confirmations.contains($0))
            },
            actions: actions,
            hasActions: !actions.isEmpty,
            canWriteNotes: access.canWritePrivate
        )
    }
}
