// ParleyWeb: signing in and out with the sign-in form (GOV.UK Design System "Question pages"
// and "Error summary" patterns): labels and hints, an error summary at the top linking to the
// field, the message beside the field, the username kept on error, never the password.

import HTTPTypes
import Hummingbird
import ParleyCore

struct SignInController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/", use: home)
        group.get("/sign-in", use: showForm)
        group.post("/sign-in", use: signIn)
        group.post("/sign-out", use: signOut)
    }

    /// One message of the error summary, linking to its field when it has one.
    struct FieldMessage: Sendable {
        var field: String?
        var message: String
    }

    /// The sign-in page's data.
    struct SignInPage: Sendable {
        var username: String = ""
        var csrfToken: String
        /// Templates see stored properties only (Mustache reads values through `Mirror`).
        var errors: [FieldMessage] = [] { didSet { hasErrors = !errors.isEmpty } }
        private(set) var hasErrors = false
        var usernameError: String?
        var passwordError: String?
        var signedOut: Bool = false
        var demo: Bool
        var demoAccounts: [DemoAccount]
    }

    /// Where a signed-in account starts: the operator, who reads no mechanism's content, on the
    /// operator's page; everyone else on their mechanisms.
    static func landing(_ account: Account) -> String {
        AccountView(account).administers ? "/operator" : "/mechanisms"
    }

    @Sendable func home(_ request: Request, context: ParleyRequestContext) -> Response {
        HTMLResponse.seeOther(context.account.map(Self.landing) ?? "/sign-in")
    }

    @Sendable func showForm(_ request: Request, context: ParleyRequestContext) throws -> Response {
        if let account = context.account { return HTMLResponse.seeOther(Self.landing(account)) }
        let (nonce, isNew) = signInNonce(request)
        var page = newPage(nonce: nonce)
        page.signedOut = request.uri.queryParameters["signed-out"] != nil
        var response = try env.render("sign-in", page, context: context)
        if isNew {
            response.headers.append(
                HTTPField(
                    name: .setCookie,
                    value: SessionCookie.set(
                        name: env.configuration.signInCookieName,
                        value: nonce,
                        secure: env.configuration.secureCookies
                    )
                )
            )
        }
        return response
    }

    @Sendable func signIn(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        if let account = context.account { return HTMLResponse.seeOther(Self.landing(account)) }
        let username = (context.form["username"] ?? "").trimmingWhitespace()
        let password = context.form["password"] ?? ""
        // The CSRF check passed, so the nonce cookie is present.
        let nonce = signInNonce(request).nonce
        var page = newPage(nonce: nonce)
        page.username = username

        if username.isEmpty || password.isEmpty {
            if username.isEmpty { page.usernameError = "Enter your username" }
            if password.isEmpty { page.passwordError = "Enter your password" }
            page.errors = [
                page.usernameError.map { FieldMessage(field: "username", message: $0) },
                page.passwordError.map { FieldMessage(field: "password", message: $0) },
            ].compactMap { $0 }
            return try env.render("sign-in", page, context: context, status: .unprocessableContent)
        }

        let client = env.clientAddress(request, context)
        switch try await env.authenticator.signIn(username: username, password: password, client: client) {
        case .throttled(let wait):
            page.errors = [
                FieldMessage(
                    field: nil,
                    message:
                        "There have been too many failed attempts to sign in. Wait \(Authenticator.describe(wait)), then try again."
                )
            ]
            var response = try env.render("sign-in", page, context: context, status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(wait.seconds.rounded(.up)))
            return response
        case .rejected:
            let message = "The username or password is not right. Check both and try again."
            page.usernameError = message
            page.errors = [FieldMessage(field: "username", message: message)]
            return try env.render("sign-in", page, context: context, status: .unprocessableContent)
        case .signedIn(let account):
            // A new session on every sign-in: a token planted before sign-in is never promoted.
            if let old = context.session { try await env.sessions.delete(old) }
            let (token, _) = try await env.sessions.create(for: account.id)
            var response = HTMLResponse.seeOther(Self.landing(account))
            let secure = env.configuration.secureCookies
            response.headers.append(
                HTTPField(
                    name: .setCookie,
                    value: SessionCookie.set(name: env.configuration.sessionCookieName, value: token, secure: secure)
                )
            )
            response.headers.append(
                HTTPField(
                    name: .setCookie,
                    value: SessionCookie.clear(name: env.configuration.signInCookieName, secure: secure)
                )
            )
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        if let session = context.session { try await env.sessions.delete(session) }
        var response = HTMLResponse.seeOther("/sign-in?signed-out=1")
        response.headers.append(
            HTTPField(
                name: .setCookie,
                value: SessionCookie.clear(
                    name: env.configuration.sessionCookieName,
                    secure: env.configuration.secureCookies
                )
            )
        )
        return response
    }

    private func newPage(nonce: String) -> SignInPage {
        SignInPage(
            csrfToken: env.signInTokens.token(forNonce: nonce),
            demo: env.configuration.demo,
            demoAccounts: env.configuration.demo ? env.configuration.demoAccounts : []
        )
    }

    /// The sign-in form's nonce: the one in the cookie when it looks like ours, else a new one.
    private func signInNonce(_ request: Request) -> (nonce: String, isNew: Bool) {
        if let nonce = request.cookies[env.configuration.signInCookieName]?.value, nonce.utf8.count == 43 {
            return (nonce, false)
        }
        return (SecureBytes.token(), true)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
