// ParleyWeb: the pieces built once from the configuration and the services, shared by every
// controller: templates, static files, sessions, tokens, the authenticator.

import Foundation
import HTTPTypes
import Hummingbird
import ParleyCore

struct WebEnvironment: Sendable {
    let configuration: WebConfiguration
    let services: WebServices
    let templates: Templates
    let assets: StaticAssets
    let sessions: Sessions
    let tokens: APITokens
    let authenticator: Authenticator
    let signInTokens: SignInFormTokens
    /// Hashes the passwords of accounts opened on the operator's and the leads' pages.
    let hasher: PasswordHasher
    /// Answers of the busiest read-only routes, while nothing they show has changed.
    let responses = ResponseCache()
    /// The log versions those answers are keyed by, as the latest reads found them.
    let logVersions = LogVersions()

    init(configuration: WebConfiguration, services: WebServices) async throws {
        self.configuration = configuration
        self.services = services
        self.templates = try Templates()
        self.assets = try StaticAssets()
        self.sessions = Sessions(
            store: services.sessions,
            clock: services.clock,
            idleTimeout: configuration.sessionIdleTimeout,
            lifetime: configuration.sessionLifetime
        )
        self.tokens = APITokens(store: services.tokens, clock: services.clock)
        let hasher = PasswordHasher(secret: configuration.serverSecret, cost: configuration.passwordCost)
        self.hasher = hasher
        self.authenticator = Authenticator(
            accounts: services.accounts,
            hasher: hasher,
            throttle: SignInThrottle(policy: configuration.throttle, clock: services.clock),
            decoyHash: try await hasher.decoyHash()
        )
        self.signInTokens = SignInFormTokens(secret: configuration.serverSecret)
    }

    /// The layout's data for this request.
    func site(_ context: ParleyRequestContext) -> SiteContext {
        SiteContext(
            serviceName: configuration.serviceName,
            language: configuration.language,
            stylesheet: assets.url("parley.css"),
            account: context.account.map(AccountView.init),
            csrfToken: context.session?.csrfToken
        )
    }

    /// The layout's data when nothing is known about the visitor (error pages).
    var anonymousSite: SiteContext {
        SiteContext(
            serviceName: configuration.serviceName,
            language: configuration.language,
            stylesheet: assets.url("parley.css"),
            account: nil,
            csrfToken: nil
        )
    }

    /// Render a page of `template` with `page` as its data.
    func render<Page: Sendable>(
        _ template: String,
        _ page: Page,
        context: ParleyRequestContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        HTMLResponse.page(try templates.render(template, PageContext(site: site(context), page: page)), status: status)
    }

    /// A 200 page of `template`, as a body to keep (see `kept`).
    func renderAnswer<Page: Sendable>(_ template: String, _ page: Page, context: ParleyRequestContext) throws
        -> CachedAnswer
    {
        let html = try templates.render(template, PageContext(site: site(context), page: page))
        return CachedAnswer(body: ByteBuffer(string: html), contentType: HTMLResponse.contentType)
    }

    private static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// The address failed sign-ins are counted against.
    func clientAddress(_ request: Request, _ context: ParleyRequestContext) -> String {
        if configuration.trustForwardedFor, let forwarded = request.headers[Self.forwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return last
        }
        return context.peerAddress ?? "unknown"
    }
}
