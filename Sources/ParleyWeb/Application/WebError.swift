// ParleyWeb: every refusal the web layer gives, as one typed error (STYLE.md 8). Handlers and
// middleware throw `WebError`; `ErrorMiddleware` turns it into Parley's own HTML page or JSON
// body. `status` below is the only place a refusal becomes an HTTP status.

public import HTTPTypes
public import ParleyCore

/// A refusal with a machine-readable code, a message a person can act on, and optionally the
/// form or JSON field it is about.
public struct WebError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as the API names it (`error.code`).
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// No such page or item — or one the caller may not see (same answer for both).
        case notFound = "not_found"
        /// The page needs a signed-in person.
        case signInRequired = "sign_in_required"
        /// The API call carries no bearer token, or an unknown one.
        case invalidToken = "invalid_token"
        /// Username or password wrong (never says which).
        case badCredentials = "bad_credentials"
        /// A form arrived without the page's anti-forgery token, or with a wrong one.
        case csrfFailed = "csrf_failed"
        /// Signed in, but this account may not do this.
        case forbidden = "forbidden"
        /// A field is missing or wrong.
        case invalidInput = "invalid_input"
        /// A query parameter is missing, not a number, or outside what the resource holds.
        case badRequest = "bad_request"
        /// The item's state does not allow this now.
        case conflict = "conflict"
        /// Too many failed sign-ins; wait and try again.
        case tooManyAttempts = "too_many_attempts"
        /// The body is larger than the server accepts.
        case bodyTooLarge = "body_too_large"
        /// The body is not in a format this route reads.
        case unsupportedMediaType = "unsupported_media_type"
        /// The route exists but not for this method.
        case methodNotAllowed = "method_not_allowed"
        /// Something failed inside the server; the log has the details.
        case internalError = "internal_error"
    }

    public var code: Code
    public var message: String
    /// The field the message is about, e.g. `username`.
    public var field: String?
    /// For `tooManyAttempts`: seconds until another try is allowed (`Retry-After`).
    public var retryAfterSeconds: Int?

    public init(_ code: Code, _ message: String, field: String? = nil, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The one mapping from refusal to HTTP status.
    public var status: HTTPResponse.Status {
        switch code {
        case .notFound: return .notFound
        case .signInRequired, .invalidToken, .badCredentials: return .unauthorized
        case .csrfFailed, .forbidden: return .forbidden
        case .invalidInput: return .unprocessableContent
        case .badRequest: return .badRequest
        case .conflict: return .conflict
        case .tooManyAttempts: return .tooManyRequests
        case .bodyTooLarge: return .contentTooLarge
        case .unsupportedMediaType: return .unsupportedMediaType
        case .methodNotAllowed: return .methodNotAllowed
        case .internalError: return .internalServerError
        }
    }

    public var description: String {
        "\(code.rawValue)\(field.map { " (\($0))" } ?? ""): \(message)"
    }
}

extension WebError {
    /// The single not-found answer. It names nothing from the request, so a missing item and
    /// another party's private item produce the same bytes (DESIGN.md "Access rules").
    public static let notFound = WebError(
        .notFound,
        "There is no page at this address, or you do not have access to it. Check the address, or go back to your mechanisms."
    )

    public static let signInRequired = WebError(.signInRequired, "Sign in to see this page.")

    public static let invalidToken = WebError(
        .invalidToken,
        "This request needs a valid API token: send `Authorization: Bearer <token>`. Make a new token if yours was revoked."
    )

    public static let csrfFailed = WebError(
        .csrfFailed,
        "This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and submit the form again."
    )

    public static let internalError = WebError(
        .internalError,
        "Something went wrong on the server, and nothing was changed. Try again; if it happens again, tell the operator the time it happened."
    )

    /// The answer for a ParleyCore refusal: the same not-found for invisible items, the reason
    /// for the rest.
    public init(_ refusal: Refusal) {
        switch refusal {
        case .notVisible: self = .notFound
        case .forbidden(let reason): self.init(.forbidden, reason)
        case .conflict(let reason): self.init(.conflict, reason)
        case .invalid(let problems):
            let first = problems.first
            self.init(
                .invalidInput,
                problems.map(\.message).joined(separator: " "),
                field: first?.field
            )
        }
    }
}
