// ParleyWeb: finds the page session from its cookie and the account behind it. An account that
// is gone or disabled ends the session at once; an unknown or expired cookie means signed out.

import Hummingbird
import ParleyCore

struct SessionMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    let sessions: Sessions
    let accounts: any AccountDirectory
    let cookieName: String

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let token = request.cookies[cookieName]?.value, let session = try await sessions.lookup(token: token) {
            if let account = try await accounts.account(id: session.account), account.active {
                context.session = session
                context.account = account
            } else {
                try await sessions.delete(session)
            }
        }
        return try await next(request, context)
    }
}

/// Page routes behind sign-in: a signed-out visitor is sent to the sign-in page.
struct RequireSignInMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard context.account != nil else { return HTMLResponse.seeOther("/sign-in") }
        return try await next(request, context)
    }
}
