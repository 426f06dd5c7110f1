// ParleyWeb: finds the page session from its cookie and the account behind it. An account that
// is gone or disabled ends the session at once; an unknown or expired cookie means signed out,
// and the browser is told to drop it.

import HTTPTypes
import Hummingbird
import ParleyCore

struct SessionMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    let sessions: Sessions
    let accounts: any AccountDirectory
    let cookieName: String
    let secureCookies: Bool

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        guard let token = request.cookies[cookieName]?.value else { return try await next(request, context) }
        if let (session, account) = try await sessions.lookup(token: token, accounts: accounts) {
            if let account, account.active {
                context.session = session
                context.account = account
                context.readStamp = session.record.readStamp
            } else {
                try await sessions.delete(session)
            }
        }
        var response = try await next(request, context)
        // A cookie that opened nothing is cleared, unless the handler set a new one (sign-in).
        if context.session == nil,
            !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(cookieName + "=") })
        {
            response.headers.append(
                HTTPField(name: .setCookie, value: SessionCookie.clear(name: cookieName, secure: secureCookies))
            )
        }
        return response
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
