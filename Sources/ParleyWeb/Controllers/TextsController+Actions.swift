// ParleyWeb: the form page of each text action and its POST. The form names the clause and
// alternative it acts on; ones the text does not have (or another text's) answer not found.
// Every change goes through `Store.execute`, which asks ParleyCore's policy and rules; a refusal
// comes back on the same form with the message beside its field and what was typed kept.

import Hummingbird
import ParleyCore
import ParleyStore

extension TextsController {
    @Sendable func actionForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        let action = try Self.action(context)
        let query = request.uri.queryParameters
        let (clause, alternative) = try Self.target(
            action,
            text,
            clause: query["clause"].map(String.init),
            alternative: query["alternative"].map(String.init)
        )
        let page = actionPage(action, text, clause, alternative, access, typed: nil)
        return try env.render("text-action", page, context: context)
    }

    @Sendable func act(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        let action = try Self.action(context)
        let form = context.form
        let (clause, alternative) = try Self.target(
            action,
            text,
            clause: form["clause"],
            alternative: form["alternative"]
        )
        let textHref = access.id.href + "/texts/" + text.reference.description
        func again(_ errors: FormErrors, status: HTTPResponse.Status) throws -> Response {
            var page = actionPage(action, text, clause, alternative, access, typed: form)
            page.show(errors)
            return try env.render("text-action", page, context: context, status: status)
        }
        let command: Command
        switch action.command(form, text: text, clause: clause, alternative: alternative) {
        case .command(let c): command = c
        case .problems(let errors): return try again(errors, status: .unprocessableContent)
        }
        do {
            let result = try await access.store.execute(command, by: access.actor)
            if action == .note, let entry = result.entries.first, case .noteWritten(let note) = entry.data {
                return HTMLResponse.seeOther(access.id.href + "/notes/" + note.reference.description)
            }
            let anchor = clause.map { "#clause-" + $0.id.rawValue.addingPathPercentEncoding() } ?? ""
            return HTMLResponse.seeOther(textHref + anchor)
        } catch let refusal as Refusal {
            if refusal == .notVisible { throw WebError.notFound }
            return try again(FormErrors(refusal), status: WebError(refusal).status)
        }
    }

    // MARK: - Helpers

    private static func action(_ context: ParleyRequestContext) throws -> TextAction {
        guard let raw = context.parameters.get("action"), let action = TextAction(rawValue: raw) else {
            throw WebError.notFound
        }
        return action
    }

    /// The clause and alternative an action names; not found when the text has no such clause,
    /// or the clause no such alternative.
    private static func target(
        _ action: TextAction,
        _ text: NegotiatingText,
        clause: String?,
        alternative: String?
    ) throws -> (Clause?, Alternative?) {
        guard action.needsClause else { return (nil, nil) }
        guard let raw = clause, let found = text.clause(ClauseID(raw)) else { throw WebError.notFound }
        guard action.needsAlternative else { return (found, nil) }
        guard let raw = alternative, let chosen = found.alternative(AlternativeID(raw)) else {
            throw WebError.notFound
        }
        return (found, chosen)
    }

    private func actionPage(
        _ action: TextAction,
        _ text: NegotiatingText,
        _ clause: Clause?,
        _ alternative: Alternative?,
        _ access: MechanismAccess,
        typed: FormFields?
    ) -> TextActionPage {
        let numbers = text.numbering()
        var quoted: [String] = []
        if let alternative {
            quoted = [alternative.kind == .deletion ? "Delete this clause" : alternative.wording]
        } else if let clause {
            quoted = clause.liveAlternatives.enumerated().map { i, a in
                let words = a.kind == .deletion ? "delete this clause" : a.wording
                return clause.isBracketed
                    ? "[\(words)] — alternative \(TextFormat.letter(i)), \(TextFormat.credit(a.proposedBy, access.names))"
                    : words
            }
        }
        var lead = action.lead
        if action == .recordSignature, let hash = text.adoptedHash {
            lead += " The hash recorded at adoption is " + hash + "."
        }
        return TextActionPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            textHref: access.id.href + "/texts/" + text.reference.description,
            textReference: text.reference.description,
            textTitle: text.title,
            action: action.rawValue,
            heading: action.heading,
            lead: lead,
            clauseNumber: clause.flatMap { numbers[$0.id]?.description },
            quoted: quoted,
            hasQuoted: !quoted.isEmpty,
            fields: action.fields(
                text: text,
                clause: clause,
                alternative: alternative,
                party: access.actor.party,
                names: access.names,
                typed: typed
            ),
            button: action.button
        )
    }
}
