// ParleyWeb: cross-site request forgery protection for every state-changing page request
// (OWASP CSRF Prevention Cheat Sheet, "Synchronizer Token Pattern"). Hummingbird has none.
//
// A signed-in form carries its session's random token in the hidden field `csrf`. The sign-in
// form, shown before any session exists, carries HMAC(serverSecret, "signin:" + nonce), where
// the nonce is in the `parley_signin` cookie ("Signed Double-Submit Cookie"), so a forged
// sign-in (login CSRF) fails too. Tokens are compared in constant time. The middleware also
// reads the form once, so handlers find its fields in `context.form`.

import Hummingbird
import NIOCore

struct CSRFMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    /// The hidden field every form carries.
    static let fieldName = "csrf"

    let signInTokens: SignInFormTokens
    let signInCookieName: String
    let maxBodySize: Int

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        switch request.method {
        case .get, .head, .options:
            return try await next(request, context)
        default:
            break
        }
        // Only HTML forms post to pages; anything else is refused before it is read further.
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else { throw WebError.csrfFailed }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBodySize)
        } catch {
            throw WebError(
                .bodyTooLarge,
                "The form is larger than the server accepts. Shorten the text and submit it again."
            )
        }
        var context = context
        context.form = FormFields(urlEncoded: String(buffer: buffer))

        let expected: String?
        if let session = context.session {
            expected = session.csrfToken
        } else if let nonce = request.cookies[signInCookieName]?.value {
            expected = signInTokens.token(forNonce: nonce)
        } else {
            expected = nil
        }
        guard let expected, let presented = context.form[Self.fieldName],
            SecureBytes.constantTimeEquals(expected, presented)
        else { throw WebError.csrfFailed }
        return try await next(request, context)
    }
}

/// The sign-in form's token, derived from a nonce cookie and the server secret.
struct SignInFormTokens: Sendable {
    let secret: [UInt8]

    func token(forNonce nonce: String) -> String {
        SecureBytes.base64URL(SecureBytes.hmac(key: secret, Array("signin:\(nonce)".utf8)))
    }
}
