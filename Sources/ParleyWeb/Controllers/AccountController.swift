// ParleyWeb: the signed-in account's own page — who it is, changing its password (current,
// new, repeated; every other session of the account ends), and its API tokens: make one (shown
// once, never again: only its hash is kept), see them, revoke one. Each form carries the
// session's CSRF token (CSRFMiddleware); errors show beside the field with input kept, never a
// password.

import HTTPTypes
import Hummingbird
import ParleyCore
import ParleyStore

struct AccountController: Sendable {
    let env: WebEnvironment

    /// The shortest new password accepted (NIST SP 800-63B §5.1.1.2 asks at least 8).
    static let minimumPasswordLength = 10
    static let maximumPasswordLength = 1_000
    static let maximumLabelLength = 100

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/account", use: show)
        group.post("/account/password", use: changePassword)
        group.post("/account/tokens", use: createToken)
        group.post("/account/tokens/revoke", use: revokeToken)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        var page = try await page(context)
        page.passwordChanged = request.uri.queryParameters["password-changed"] != nil
        page.tokenRevoked = request.uri.queryParameters["token-revoked"] != nil
        return try env.render("account", page, context: context)
    }

    @Sendable func changePassword(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        guard let account = context.account, let session = context.session else { throw WebError.signInRequired }
        let current = context.form["current"] ?? ""
        let new = context.form["new"] ?? ""
        let repeated = context.form["repeat"] ?? ""
        var errors = FormErrors()
        if current.isEmpty { errors.add("current", "Enter your current password") }
        if new.count < Self.minimumPasswordLength {
            errors.add("new", "Enter a new password of at least \(Self.minimumPasswordLength) characters")
        } else if new.count > Self.maximumPasswordLength {
            errors.add("new", "The new password must be \(Self.maximumPasswordLength) characters or fewer")
        } else if new != repeated {
            errors.add("repeat", "Repeat the new password exactly")
        }
        if errors.isEmpty {
            let client = env.clientAddress(request, context)
            switch try await env.authenticator.signIn(username: account.username, password: current, client: client) {
            case .signedIn:
                let hash = try await env.authenticator.hasher.hash(new)
                try await env.services.accounts.setPasswordHash(hash, for: account.id)
                try await env.sessions.endOthers(than: session)
                return HTMLResponse.seeOther("/account?password-changed=1")
            case .rejected:
                errors.add("current", "Your current password is not right")
            case .throttled(let wait):
                errors.add(
                    "current",
                    "There have been too many failed attempts. Wait \(Authenticator.describe(wait)), then try again"
                )
            }
        }
        var page = try await page(context)
        page.showPassword(errors)
        return try env.render("account", page, context: context, status: .unprocessableContent)
    }

    @Sendable func createToken(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        guard let account = context.account else { throw WebError.signInRequired }
        let label = (context.form["label"] ?? "").trimmingWhitespace()
        var errors = FormErrors()
        if label.isEmpty {
            errors.add("label", "Enter what the token is for, such as “nightly mirror”")
        } else if label.count > Self.maximumLabelLength {
            errors.add("label", "The label must be \(Self.maximumLabelLength) characters or fewer")
        } else if label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.add("label", "The label must be on one line")
        }
        guard errors.isEmpty else {
            var page = try await page(context)
            page.label = label
            page.showToken(errors)
            return try env.render("account", page, context: context, status: .unprocessableContent)
        }
        let token = try await env.tokens.issue(for: account.id, label: label)
        var page = try await page(context)
        page.newToken = token
        page.newTokenLabel = label
        return try env.render("account", page, context: context, status: .created)
    }

    @Sendable func revokeToken(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        guard let account = context.account else { throw WebError.signInRequired }
        // Another account's token answers as a missing one.
        guard let hash = context.form["token"], let token = try await env.tokens.store.token(hash: hash),
            token.account == account.id
        else { throw WebError.notFound }
        try await env.tokens.store.delete(hash: token.hash)
        return HTMLResponse.seeOther("/account?token-revoked=1")
    }

    private func page(_ context: ParleyRequestContext) async throws -> AccountPage {
        guard let account = context.account else { throw WebError.signInRequired }
        let party: String?
        if let id = account.party, let store = env.services.pageStore {
            let scope = try await store.readScope(for: account.actor)
            var name: String?
            for mechanism in scope.mechanisms {
                if let structure = try await store.structure(of: mechanism, in: scope),
                    let found = structure.parties.first(where: { $0.id == id })
                {
                    name = found.name
                    break
                }
            }
            party = name
        } else {
            party = nil
        }
        let tokens = try await env.tokens.store.tokens(account: account.id).map {
            AccountPage.TokenRow(hash: $0.hash, label: $0.label, createdAt: PageFormat.utc(Timestamp($0.createdAt)))
        }
        return AccountPage(
            username: account.username,
            role: account.role.rawValue,
            party: party,
            tokens: tokens,
            hasTokens: !tokens.isEmpty
        )
    }
}

/// The account page's data.
struct AccountPage: Sendable {
    struct TokenRow: Sendable {
        var hash: String
        var label: String
        var createdAt: String
    }

    var username: String
    var role: String
    var party: String?
    var tokens: [TokenRow]
    var hasTokens: Bool
    var passwordChanged = false
    var tokenRevoked = false
    /// The token just made: shown on this one page only.
    var newToken: String?
    var newTokenLabel: String?
    var label = ""
    var errors: [SummaryMessage] = []
    var hasErrors = false
    var currentError: String?
    var newError: String?
    var repeatError: String?
    var labelError: String?

    mutating func showPassword(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        currentError = errors.message(for: "current")
        newError = errors.message(for: "new")
        repeatError = errors.message(for: "repeat")
    }

    mutating func showToken(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        labelError = errors.message(for: "label")
    }
}
