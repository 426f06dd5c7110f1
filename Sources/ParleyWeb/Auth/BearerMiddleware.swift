// ParleyWeb: API authentication by bearer token only (RFC 6750 §2.1 `Authorization: Bearer`).
// The API never reads the session cookie, so a page on another site cannot make a signed-in
// browser call it: the API needs no CSRF token.

import Hummingbird
import ParleyCore

struct BearerMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    let tokens: APITokens
    let accounts: any AccountDirectory

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let token = Self.bearerToken(request.headers[.authorization]),
            let (record, account) = try await tokens.lookup(token, in: accounts), let account, account.active
        else { throw WebError.invalidToken }
        var context = context
        context.account = account
        context.readStamp = record.readStamp
        return try await next(request, context)
    }

    /// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive,
    /// RFC 9110 §11.1), or nil.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        // Spaces and tabs around the token (RFC 9110 §5.6.3) are not part of it. Compared as
        // bytes: Foundation's trimming cost more than the rest of reading the header.
        var token = parts[1].utf8[...]
        while let first = token.first, first == 0x20 || first == 0x09 { token = token.dropFirst() }
        while let last = token.last, last == 0x20 || last == 0x09 { token = token.dropLast() }
        return token.isEmpty ? nil : String(Substring(token))
    }
}
