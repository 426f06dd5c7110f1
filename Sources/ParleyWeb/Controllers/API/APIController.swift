// ParleyWeb: the JSON API's foundation under `/api/v1`: exchanging a username and password for
// a bearer token, who the token belongs to, and the mechanisms it may see. Errors are the
// `{"error": {...}}` bodies of `ErrorMiddleware`.

import Hummingbird
import ParleyCore
import ParleyStore

struct APIController: Sendable {
    let env: WebEnvironment

    /// Routes that need no token.
    func addPublicRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.post("/auth/token", use: issueToken)
    }

    /// Routes behind `BearerMiddleware`.
    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/me", use: me)
        group.get("/mechanisms", use: mechanisms)
        group.get("/mechanisms/:id", use: mechanism)
    }

    struct TokenRequest: Decodable {
        var username: String
        var password: String
        /// What the token is for; shown when listing tokens.
        var label: String?
    }

    struct TokenResponse: Encodable {
        var token: String
    }

    struct AccountBody: Encodable {
        struct Detail: Encodable {
            var id: AccountID
            var username: String
            var party: PartyID?
            var role: Role
        }
        var account: Detail
    }

    @Sendable func issueToken(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let body = try await JSONResponse.decode(TokenRequest.self, from: request, limit: env.configuration.maxBodySize)
        if body.username.trimmingWhitespace().isEmpty {
            throw WebError(.invalidInput, "Give the username of the account.", field: "username")
        }
        if body.password.isEmpty { throw WebError(.invalidInput, "Give the account's password.", field: "password") }
        let client = env.clientAddress(request, context)
        switch try await env.authenticator.signIn(
            username: body.username.trimmingWhitespace(),
            password: body.password,
            client: client
        )
        {
        case .throttled(let wait):
            throw WebError(
                .tooManyAttempts,
                "There have been too many failed attempts to sign in. Wait \(Authenticator.describe(wait)), then try again.",
                retryAfterSeconds: Int(wait.seconds.rounded(.up))
            )
        case .rejected:
            throw WebError(.badCredentials, "The username or password is not right.")
        case .signedIn(let account):
            let token = try await env.tokens.issue(for: account.id, label: body.label ?? "API token")
            return try JSONResponse.make(TokenResponse(token: token), status: .created)
        }
    }

    @Sendable func me(_ request: Request, context: ParleyRequestContext) throws -> Response {
        guard let account = context.account else { throw WebError.invalidToken }
        return try JSONResponse.make(
            AccountBody(
                account: .init(id: account.id, username: account.username, party: account.party, role: account.role)
            )
        )
    }

    @Sendable func mechanisms(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        guard let account = context.account else { throw WebError.invalidToken }
        struct Body: Encodable { var mechanisms: [MechanismSummary] }
        return try JSONResponse.make(Body(mechanisms: try await env.services.mechanisms.mechanisms(visibleTo: account)))
    }

    @Sendable func mechanism(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        guard let account = context.account else { throw WebError.invalidToken }
        guard let id = context.parameters.get("id"),
            let mechanism = try await env.services.mechanisms.mechanism(MechanismID(id), visibleTo: account)
        else { throw WebError.notFound }
        struct Body: Encodable { var mechanism: MechanismSummary }
        return try JSONResponse.make(Body(mechanism: mechanism))
    }
}
