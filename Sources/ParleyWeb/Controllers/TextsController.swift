// ParleyWeb: the negotiating-text pages — the list, starting a text, the text as delegates read
// it (optionally at an earlier revision, filtered to bracketed clauses or to those the viewer's
// side has not agreed), its revisions with a progress chart, and the word-level comparison of
// two revisions. Actions are in TextsController+Actions.swift, exports in +Exports.swift.

import Hummingbird
import ParleyCore
import ParleyStore

struct TextsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/texts", use: list)
        group.get("/mechanisms/:id/texts/new", use: newForm)
        group.post("/mechanisms/:id/texts/new", use: create)
        group.get("/mechanisms/:id/texts/:ref", use: show)
        group.get("/mechanisms/:id/texts/:ref/revisions", use: revisions)
        group.get("/mechanisms/:id/texts/:ref/compare", use: compare)
        group.get("/mechanisms/:id/texts/:ref/print", use: printable)
        group.get("/mechanisms/:id/texts/:ref/plain", use: plain)
        group.get("/mechanisms/:id/texts/:ref/akn", use: akomaNtoso)
        group.get("/mechanisms/:id/texts/:ref/actions/:action", use: actionForm)
        group.post("/mechanisms/:id/texts/:ref/actions/:action", use: act)
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let rows = try await access.texts().map { TextListPage.row($0, mechanism: access.id) }
        let page = TextListPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            texts: rows,
            hasTexts: !rows.isEmpty,
            canCreate: access.canWriteShared
        )
        return try env.render("texts", page, context: context)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let current = try await access.text(context.parameters.get("ref"))
        let query = request.uri.queryParameters
        var text = current
        if let revision = try revisionParameter(query["revision"], name: "revision") {
            text = try access.text(current, at: revision, entries: try await access.entries(of: current))
        }
        let notes = try await access.store.notes(in: access.id, scope: access.scope, attachedTo: current.reference)
        let page = TextPage.make(
            text,
            current: current.revision,
            access: access,
            notes: notes,
            onlyBracketed: query["bracketed"] == "1",
            onlyPending: query["pending"] == "1"
        )
        return try env.render("text", page, context: context)
    }

    @Sendable func revisions(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        let base = access.id.href + "/texts/" + text.reference.description
        let progress: [TextProgress]
        do {
            progress = try NegotiatingText.progressByRevision(try await access.entries(of: text), text: text.id)
        } catch {
            throw WebError(
                .internalError,
                "The record of \(text.reference) cannot be replayed: \(error); run `parley verify`."
            )
        }
        let rows = progress.map { p in
            TextRevisionsPage.Row(
                revision: p.revision,
                href: base + "?revision=\(p.revision)",
                compareHref: p.revision > 1 ? base + "/compare?from=\(p.revision - 1)&to=\(p.revision)" : nil,
                clauses: p.clauses,
                bracketed: p.bracketedClauses,
                alternatives: p.liveAlternatives,
                agreed: p.agreedClauses
            )
        }
        let rounds = text.rounds.compactMap { round -> TextRevisionsPage.RoundRow? in
            guard let range = text.revisions(ofRound: round.number) else { return nil }
            return TextRevisionsPage.RoundRow(
                number: round.number,
                meeting: round.meeting?.description,
                range: "\(range.lowerBound) to \(range.upperBound)",
                compareHref: base + "/compare?from=\(range.lowerBound)&to=\(range.upperBound)"
            )
        }
        let page = TextRevisionsPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            textHref: base,
            reference: text.reference.description,
            title: text.title,
            rows: rows,
            rounds: rounds,
            hasRounds: !rounds.isEmpty,
            chart: TextProgressChart(progress)
        )
        return try env.render("text-revisions", page, context: context)
    }

    @Sendable func compare(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        let query = request.uri.queryParameters
        let to = try revisionParameter(query["to"], name: "to") ?? text.revision
        let from = try revisionParameter(query["from"], name: "from") ?? max(1, to - 1)
        let entries = try await access.entries(of: text)
        let old = try access.text(text, at: from, entries: entries)
        let new = try access.text(text, at: to, entries: entries)
        let rows = TextComparePage.rows(TextComparison.compare(old, new))
        let page = TextComparePage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            textHref: access.id.href + "/texts/" + text.reference.description,
            reference: text.reference.description,
            title: text.title,
            from: from,
            to: to,
            latest: text.revision,
            clauses: rows,
            changed: TextComparePage.changedWords(rows.count(where: { !$0.unchanged }))
        )
        return try env.render("text-compare", page, context: context)
    }

    // MARK: - Starting a text

    @Sendable func newForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireWriter(access)
        return try env.render(
            "text-new",
            NewTextPage(access, kind: TextKind.jointStatement.rawValue, track: ""),
            context: context
        )
    }

    @Sendable func create(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try requireWriter(access)
        let form = context.form
        let kindText = (form["kind"] ?? "").trimmingWhitespace()
        let trackText = (form["track"] ?? "").trimmingWhitespace()
        var page = NewTextPage(access, kind: kindText, track: trackText)
        page.title = form["title"] ?? ""
        page.workingLanguage = form["workingLanguage"] ?? ""
        page.otherLanguages = form["otherLanguages"] ?? ""
        page.cites = form["cites"] ?? ""
        var errors = FormErrors()
        let kind = TextKind(rawValue: kindText)
        if kind == nil { errors.add("kind", "Choose the kind of document") }
        let citesText = page.cites.trimmingWhitespace().uppercased()
        let cites = citesText.isEmpty ? nil : Reference(citesText)
        if !citesText.isEmpty, cites?.kind != .text {
            errors.add("cites", "Enter the reference of an adopted text, such as TXT-1, or leave this empty")
        }
        guard errors.isEmpty, let kind else {
            page.show(errors)
            return try env.render("text-new", page, context: context, status: .unprocessableContent)
        }
        let others = page.otherLanguages.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        let command = Command.createText(
            .init(
                mechanism: access.id,
                title: page.title,
                kind: kind,
                track: trackText.isEmpty ? nil : TrackID(trackText),
                workingLanguage: page.workingLanguage,
                otherLanguages: others,
                cites: cites
            )
        )
        do {
            let result = try await access.store.execute(command, by: access.actor)
            for entry in result.entries {
                if case .textCreated(let created) = entry.data {
                    return HTMLResponse.seeOther(access.id.href + "/texts/" + created.reference.description)
                }
            }
            return HTMLResponse.seeOther(access.id.href + "/texts")
        } catch let refusal as Refusal {
            if refusal == .notVisible { throw WebError.notFound }
            var errors = FormErrors()
            for message in FormErrors(refusal).messages {
                errors.add(message.field.map(TextActionPage.listField), message.message)
            }
            page.show(errors)
            return try env.render("text-new", page, context: context, status: WebError(refusal).status)
        }
    }

    private func requireWriter(_ access: MechanismAccess) throws {
        guard access.canWriteShared else {
            throw WebError(
                .forbidden,
                "Your account cannot start texts in this mechanism: only the sides' negotiators and leads can."
            )
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
