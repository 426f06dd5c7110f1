// ParleyWeb: the JSON API for negotiating texts under `/api/v1/mechanisms/:id/texts`. Reads
// answer the text as ParleyCore projects it (with derived clause numbers and what blocks its
// adoption); each change is one ParleyCore command through `Store.execute` and answers the
// entries it appended and the text after them. Errors are ErrorMiddleware's `{"error": …}`
// bodies: a text of a mechanism the caller cannot see answers 404 like a missing one.

import Foundation
import Hummingbird
import ParleyCore
import ParleyRecord
import ParleyStore

struct TextsAPIController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        let texts = "/mechanisms/:id/texts"
        let text = texts + "/:ref"
        let clause = text + "/clauses/:clause"
        let alternative = clause + "/alternatives/:alternative"
        func path(_ p: String) -> RouterPath { RouterPath(p) }
        group.get(path(texts), use: list)
        group.post(path(texts), use: create)
        group.get(path(text), use: show)
        group.get(path(text + "/revisions"), use: revisions)
        group.get(path(text + "/compare"), use: compare)
        group.get(path(text + "/canonical"), use: canonical)
        group.get(path(text + "/print"), use: printable)
        group.get(path(text + "/plain"), use: plain)
        group.get(path(text + "/akn"), use: akomaNtoso)
        group.post(path(text + "/clauses"), use: proposeClause)
        group.post(path(clause + "/alternatives"), use: proposeAlternative)
        group.post(path(clause + "/compromise"), use: compromise)
        group.post(path(clause + "/status"), use: setStatus)
        group.post(path(clause + "/versions"), use: setVersion)
        group.post(path(clause + "/comments"), use: comment)
        group.post(path(alternative + "/revise"), use: revise)
        group.post(path(alternative + "/withdraw"), use: withdrawAlternative)
        group.post(path(alternative + "/support"), use: support)
        group.post(path(text + "/rounds"), use: openRound)
        group.post(path(text + "/adopt"), use: adopt)
        group.post(path(text + "/signatures"), use: sign)
        group.post(path(text + "/withdraw"), use: withdraw)
    }

    // MARK: - Bodies

    struct TextBody: Encodable {
        var text: NegotiatingText
        /// Each clause in the text by id: its derived number (`PP1`, `2`, `Article 1`, `1.2`).
        var numbers: [String: String]
        /// Why the text cannot be adopted yet; empty when it can (or is no longer drafting).
        var blockers: [String]
    }

    struct ChangeBody: Encodable {
        var entries: [Entry]
        var text: TextBody
    }

    struct CreateBody: Decodable {
        var title: String
        var kind: TextKind
        var track: TrackID?
        var workingLanguage: String
        var otherLanguages: [String]?
        var cites: Reference?
    }

    struct ClauseBody: Decodable {
        var section: ClauseSection
        var after: ClauseID?
        var wording: String
    }

    /// An amendment (`wording`), a proposed deletion (`deletion`) or move (`move`, of
    /// `alternative`, placed `after` a clause or first when absent).
    struct AlternativeBody: Decodable {
        var kind: AlternativeKind
        var wording: String?
        var alternative: AlternativeID?
        var after: ClauseID?
    }

    struct WordingBody: Decodable { var wording: String }
    struct CompromiseBody: Decodable {
        var merging: [AlternativeID]
        var wording: String
    }
    struct StatusBody: Decodable {
        var alternative: AlternativeID
        var status: ClauseStatus
        /// The exact words read: agreement is to these words, refused if they changed.
        var wording: String
    }
    struct VersionBody: Decodable {
        var alternative: AlternativeID
        var language: String
        var wording: String
        var authentic: Bool
    }
    struct CommentBody: Decodable { var body: String }
    struct RoundBody: Decodable { var meeting: Reference? }
    struct AdoptBody: Decodable { var revision: Int }
    struct SignBody: Decodable {
        var canonicalHash: String
        var detached: DetachedSignature?
    }
    struct WithdrawBody: Decodable { var reason: String? }

    // MARK: - Reads

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        struct Body: Encodable { var texts: [TextBody] }
        return try JSONResponse.make(Body(texts: try await access.texts().map { body($0, access) }))
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let current = try await access.text(context.parameters.get("ref"))
        var text = current
        if let revision = try revisionParameter(request.uri.queryParameters["revision"], name: "revision") {
            text = try access.text(current, at: revision, entries: try await access.entries(of: current))
        }
        return try JSONResponse.make(body(text, access))
    }

    @Sendable func revisions(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        struct Body: Encodable { var revisions: [TextProgress] }
        do {
            let progress = try NegotiatingText.progressByRevision(try await access.entries(of: text), text: text.id)
            return try JSONResponse.make(Body(revisions: progress))
        } catch let error as TextFoldError {
            throw WebError(.internalError, "The record of \(text.reference) cannot be replayed: \(error.message)")
        }
    }

    @Sendable func compare(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        let query = request.uri.queryParameters
        let to = try revisionParameter(query["to"], name: "to") ?? text.revision
        let from = try revisionParameter(query["from"], name: "from") ?? max(1, to - 1)
        let entries = try await access.entries(of: text)
        let comparison = TextComparison.compare(
            try access.text(text, at: from, entries: entries),
            try access.text(text, at: to, entries: entries)
        )
        struct ClauseRow: Encodable {
            var clause: ClauseID
            var oldNumber: String?
            var newNumber: String?
            var moved: Bool
            var pieces: [DiffPiece]
        }
        struct Body: Encodable {
            var from: Int
            var to: Int
            var clauses: [ClauseRow]
        }
        let clauses = comparison.map {
            ClauseRow(
                clause: $0.clause,
                oldNumber: $0.oldNumber?.description,
                newNumber: $0.newNumber?.description,
                moved: $0.moved,
                pieces: $0.pieces
            )
        }
        return try JSONResponse.make(Body(from: from, to: to, clauses: clauses))
    }

    /// The RFC 8785 bytes of the adopted text's canonical form: what `parley text sign` signs.
    @Sendable func canonical(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        guard text.status == .adopted || text.status == .signed, let form = text.canonicalForm() else {
            throw WebError(.conflict, "\(text.reference) is not adopted, so it has no canonical form to sign yet.")
        }
        let bytes = try CanonicalJSON.encode(form)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json", .contentLength: String(bytes.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    @Sendable func printable(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        return try TextExports.printable(try await access.text(context.parameters.get("ref")), access, env: env)
    }

    @Sendable func plain(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        return TextExports.plain(try await access.text(context.parameters.get("ref")), access)
    }

    @Sendable func akomaNtoso(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        return TextExports.akomaNtoso(text, access, now: env.services.clock.now())
    }

    // MARK: - Changes

    @Sendable func create(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let b = try await decode(CreateBody.self, request)
        let command = Command.createText(
            .init(
                mechanism: access.id,
                title: b.title,
                kind: b.kind,
                track: b.track,
                workingLanguage: b.workingLanguage,
                otherLanguages: b.otherLanguages ?? [],
                cites: b.cites
            )
        )
        let result = try await access.store.execute(command, by: access.actor)
        guard case .textCreated(let created)? = result.entries.first?.data else { throw WebError.internalError }
        let text = try await access.text(created.reference.description)
        return try JSONResponse.make(ChangeBody(entries: result.entries, text: body(text, access)), status: .created)
    }

    @Sendable func proposeClause(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, ClauseBody.self, status: .created) { b, t in
            .proposeClause(
                .init(mechanism: t.mechanism, text: t.id, section: b.section, after: b.after, wording: b.wording)
            )
        }
    }

    @Sendable func proposeAlternative(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, AlternativeBody.self, status: .created) { b, t in
            let c = try clauseParameter(context)
            switch b.kind {
            case .wording:
                return .proposeAmendment(.init(mechanism: t.mechanism, text: t.id, clause: c, wording: b.wording ?? ""))
            case .deletion:
                return .proposeDeletion(.init(mechanism: t.mechanism, text: t.id, clause: c))
            case .move:
                guard let alternative = b.alternative else {
                    throw WebError(.invalidInput, "Name the `alternative` whose words move.", field: "alternative")
                }
                return .proposeMove(
                    .init(mechanism: t.mechanism, text: t.id, clause: c, alternative: alternative, after: b.after)
                )
            }
        }
    }

    @Sendable func compromise(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, CompromiseBody.self, status: .created) { b, t in
            .proposeCompromise(
                .init(
                    mechanism: t.mechanism,
                    text: t.id,
                    clause: try clauseParameter(context),
                    merging: b.merging,
                    wording: b.wording
                )
            )
        }
    }

    @Sendable func setStatus(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, StatusBody.self) { b, t in
            .setClauseStatus(
                .init(
                    mechanism: t.mechanism,
                    text: t.id,
                    clause: try clauseParameter(context),
                    alternative: b.alternative,
                    status: b.status,
                    wording: b.wording
                )
            )
        }
    }

    @Sendable func setVersion(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, VersionBody.self) { b, t in
            .setLanguageVersion(
                .init(
                    mechanism: t.mechanism,
                    text: t.id,
                    clause: try clauseParameter(context),
                    alternative: b.alternative,
                    language: b.language,
                    wording: b.wording,
                    authentic: b.authentic
                )
            )
        }
    }

    @Sendable func comment(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, CommentBody.self, status: .created) { b, t in
            .commentOnClause(
                .init(mechanism: t.mechanism, text: t.id, clause: try clauseParameter(context), body: b.body)
            )
        }
    }

    @Sendable func revise(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, WordingBody.self) { b, t in
            .reviseAlternative(
                .init(
                    mechanism: t.mechanism,
                    text: t.id,
                    clause: try clauseParameter(context),
                    alternative: try alternativeParameter(context),
                    wording: b.wording
                )
            )
        }
    }

    @Sendable func withdrawAlternative(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context) { t in
            .withdrawAlternative(
                .init(
                    mechanism: t.mechanism,
                    text: t.id,
                    clause: try clauseParameter(context),
                    alternative: try alternativeParameter(context)
                )
            )
        }
    }

    @Sendable func support(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context) { t in
            .supportAlternative(
                .init(
                    mechanism: t.mechanism,
                    text: t.id,
                    clause: try clauseParameter(context),
                    alternative: try alternativeParameter(context)
                )
            )
        }
    }

    @Sendable func openRound(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, RoundBody.self, status: .created) { b, t in
            .openRound(.init(mechanism: t.mechanism, text: t.id, meeting: b.meeting))
        }
    }

    @Sendable func adopt(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, AdoptBody.self) { b, t in
            .adoptText(.init(mechanism: t.mechanism, text: t.id, revision: b.revision))
        }
    }

    @Sendable func sign(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, SignBody.self, status: .created) { b, t in
            .signText(.init(mechanism: t.mechanism, text: t.id, canonicalHash: b.canonicalHash, detached: b.detached))
        }
    }

    @Sendable func withdraw(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        try await change(request, context, WithdrawBody.self) { b, t in
            .withdrawText(.init(mechanism: t.mechanism, text: t.id, reason: b.reason))
        }
    }

    // MARK: - Helpers

    private func body(_ text: NegotiatingText, _ access: MechanismAccess) -> TextBody {
        var numbers: [String: String] = [:]
        for (id, number) in text.numbering() { numbers[id.rawValue] = number.description }
        let blockers =
            text.status == .drafting ? text.adoptionBlockers().map { $0.message(naming: access.names.name) } : []
        return TextBody(text: text, numbers: numbers, blockers: blockers)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        try await JSONResponse.decode(type, from: request, limit: env.configuration.maxBodySize)
    }

    /// Resolves the mechanism and text, decodes the body, runs the command and answers the
    /// entries it appended and the text after them.
    private func change<B: Decodable>(
        _ request: Request,
        _ context: ParleyRequestContext,
        _ type: B.Type,
        status: HTTPResponse.Status = .ok,
        _ command: (B, NegotiatingText) throws -> Command
    ) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        let b = try await decode(type, request)
        return try await run(try command(b, text), text, access, status: status)
    }

    /// The same for a change that takes no body.
    private func change(
        _ request: Request,
        _ context: ParleyRequestContext,
        _ command: (NegotiatingText) throws -> Command
    ) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let text = try await access.text(context.parameters.get("ref"))
        return try await run(try command(text), text, access, status: .ok)
    }

    private func run(
        _ command: Command,
        _ text: NegotiatingText,
        _ access: MechanismAccess,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let result = try await access.store.execute(command, by: access.actor)
        let after = try await access.text(text.reference.description)
        return try JSONResponse.make(ChangeBody(entries: result.entries, text: body(after, access)), status: status)
    }
}

private func clauseParameter(_ context: ParleyRequestContext) throws -> ClauseID {
    guard let raw = context.parameters.get("clause") else { throw WebError.notFound }
    return ClauseID(raw)
}

private func alternativeParameter(_ context: ParleyRequestContext) throws -> AlternativeID {
    guard let raw = context.parameters.get("alternative") else { throw WebError.notFound }
    return AlternativeID(raw)
}
