// ParleyWeb: the composition root (STYLE.md 4). `parley serve` calls `buildApplication` and
// runs it (`try await app.runService()` shuts down gracefully on SIGTERM and SIGINT through
// ServiceLifecycle); route tests call `buildApplication` or `buildRouter` and
// `app.test(.router)` with in-memory services.

public import Hummingbird
import HummingbirdCore
import NIOCore

/// The web application: HTTP/1.1 on `configuration.host:port`, with an idle timeout.
///
/// - Parameter onListening: called once the socket is bound, with the port actually bound
///   (useful with port 0, e.g. for `parley serve` to print where it listens).
public func buildApplication(
    configuration: WebConfiguration,
    services: WebServices,
    onListening: (@Sendable (_ port: Int) async -> Void)? = nil
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, services: services)
    let idle = configuration.idleTimeout.components
    let idleTimeout = TimeAmount.nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: idleTimeout)),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName
        ),
        onServerRunning: { channel in
            if let onListening, let port = channel.localAddress?.port { await onListening(port) }
        },
        logger: services.logger
    )
}

/// Every route and middleware. Middleware order, outermost first: request log, security
/// headers, errors (so error answers are logged and carry the headers); then, for pages,
/// session and CSRF; for the API, bearer tokens.
public func buildRouter(
    configuration: WebConfiguration,
    services: WebServices
) async throws -> Router<ParleyRequestContext> {
    let env = try await WebEnvironment(configuration: configuration, services: services)
    let router = Router(context: ParleyRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(tls: configuration.secureCookies))
    router.add(middleware: ErrorMiddleware(templates: env.templates, site: env.anonymousSite))

    StaticController(assets: env.assets).addRoutes(to: router)

    let pages = router.group()
        .add(
            middleware: SessionMiddleware(
                sessions: env.sessions,
                accounts: services.accounts,
                cookieName: configuration.sessionCookieName,
                secureCookies: configuration.secureCookies
            )
        )
        .add(
            middleware: CSRFMiddleware(
                signInTokens: env.signInTokens,
                signInCookieName: configuration.signInCookieName,
                maxBodySize: configuration.maxBodySize
            )
        )
    SignInController(env: env).addRoutes(to: pages)
    let signedIn = pages.group().add(middleware: RequireSignInMiddleware())
    MechanismsController(env: env).addRoutes(to: signedIn)
    IrritantsController(env: env).addRoutes(to: signedIn)
    NotesController(env: env).addRoutes(to: signedIn)
    MeetingsController(env: env).addRoutes(to: signedIn)
    ContactsController(env: env).addRoutes(to: signedIn)
    CommitmentsController(env: env).addRoutes(to: signedIn)
    ReadoutsController(env: env).addRoutes(to: signedIn)
    RecordController(env: env).addRoutes(to: signedIn)
    DelegationController(env: env).addRoutes(to: signedIn)
    OperatorController(env: env).addRoutes(to: signedIn)
    AccountController(env: env).addRoutes(to: signedIn)
    TextsController(env: env).addRoutes(to: signedIn)

    let api = APIController(env: env)
    let apiGroup = router.group("/api/v1")
    let logAPI = LogAPIController(env: env)
    api.addPublicRoutes(to: apiGroup)
    logAPI.addPublicRoutes(to: apiGroup)
    let authenticated = apiGroup.group().add(
        middleware: BearerMiddleware(tokens: env.tokens, accounts: services.accounts)
    )
    api.addRoutes(to: authenticated)
    logAPI.addRoutes(to: authenticated)
    APIIrritantsController(env: env).addRoutes(to: authenticated)
    APIMeetingsController(env: env).addRoutes(to: authenticated)
    APIContactsController(env: env).addRoutes(to: authenticated)
    APICommitmentsController(env: env).addRoutes(to: authenticated)
    APIReadoutsController(env: env).addRoutes(to: authenticated)
    APINotesController(env: env).addRoutes(to: authenticated)
    try OpenAPIController().addRoutes(to: router)
    TextsAPIController(env: env).addRoutes(to: authenticated)
    return router
}

/// Builds the application and runs it until SIGTERM or SIGINT, then shuts down gracefully
/// (ServiceLifecycle): what `parley serve` calls, so that the tool needs no Hummingbird import.
public func runApplication(
    configuration: WebConfiguration,
    services: WebServices,
    onListening: (@Sendable (_ port: Int) async -> Void)? = nil
) async throws {
    let app = try await buildApplication(configuration: configuration, services: services, onListening: onListening)
    try await app.runService()
}
