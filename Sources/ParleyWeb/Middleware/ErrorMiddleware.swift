// ParleyWeb: the edge where every error becomes Parley's own answer (STYLE.md 8). Whatever is
// thrown below — a `WebError`, a ParleyCore `Refusal`, Hummingbird's own not-found for an
// unmatched route, a decoding failure, anything unexpected — leaves as an HTML error page for
// pages or `{"error": {"code", "message", "field"?}}` for `/api/…`. No framework body ever
// reaches a client, so no difference between two refusals can serve as an oracle.

import Foundation
import Hummingbird
import Logging
import ParleyCore

struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    let templates: Templates
    let site: SiteContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let webError = Self.webError(for: error, logger: context.logger)
            return Self.isAPI(request.uri.path) ? Self.json(webError) : html(webError)
        }
    }

    /// API routes answer in JSON; everything else is a page.
    static func isAPI(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/")
    }

    /// What to tell the client about `error`. Only a `WebError` or `Refusal` speaks in its own
    /// words; the rest get a fixed message by status, and unexpected errors are logged here.
    static func webError(for error: any Error, logger: Logger) -> WebError {
        switch error {
        case let error as WebError:
            if error.code == .internalError { logger.error("internal error: \(error.message)") }
            return error
        case let refusal as Refusal:
            return WebError(refusal)
        case let error as any HTTPResponseError:
            return webError(status: error.status, logger: logger, underlying: error)
        case let error as DecodingError:
            return WebError(
                .invalidInput,
                "The request body could not be read: \(describe(error))",
                field: field(of: error)
            )
        default:
            logger.error("unexpected error: \(String(reflecting: error))")
            return .internalError
        }
    }

    private static func webError(status: HTTPResponse.Status, logger: Logger, underlying: any Error) -> WebError {
        switch status {
        case .notFound: return .notFound
        case .contentTooLarge:
            return WebError(.bodyTooLarge, "What you sent is larger than the server accepts. Send less at a time.")
        case .methodNotAllowed:
            return WebError(.methodNotAllowed, "This address does not accept this kind of request.")
        case .unsupportedMediaType:
            return WebError(.unsupportedMediaType, "The request body is not in a format this address reads.")
        case .badRequest:
            return WebError(.invalidInput, "The request could not be read. Check its format and try again.")
        default:
            if status.kind == .serverError {
                logger.error("internal error: \(String(reflecting: underlying))")
                return .internalError
            }
            return WebError(.invalidInput, "The request could not be handled (HTTP \(status.code)).")
        }
    }

    private static func field(of error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: return nil
        }
        return path.isEmpty ? nil : path.map(\.stringValue).joined(separator: ".")
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "the field \(key.stringValue) is missing."
        case .typeMismatch(let type, _): return "a field has the wrong type (expected \(type))."
        case .valueNotFound(let type, _): return "a field is null (expected \(type))."
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            // A value of the right JSON type that is not acceptable: a time, a reference, an enum.
            return "a field's value is not accepted (\(context.debugDescription))."
        case .dataCorrupted: return "it is not valid JSON."
        @unknown default: return "it is not in the expected format."
        }
    }

    // MARK: Rendering

    private struct JSONBody: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var field: String?
        }
        var error: Detail
    }

    static func json(_ error: WebError) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = JSONBody(error: .init(code: error.code.rawValue, message: error.message, field: error.field))
        let bytes = (try? encoder.encode(body)) ?? Data(#"{"error":{"code":"internal_error","message":"error"}}"#.utf8)
        var headers: HTTPFields = [
            .contentType: "application/json; charset=utf-8", .contentLength: String(bytes.count),
        ]
        addHeaders(for: error, to: &headers)
        if error.status == .unauthorized {
            // RFC 6750 §3: a 401 names the scheme the client should use.
            headers[.wwwAuthenticate] = #"Bearer realm="parley""#
        }
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The error page's data.
    struct ErrorPage: Sendable {
        var title: String
        var message: String
        var field: String?
        var status: Int
        var signInLink: Bool
    }

    func html(_ error: WebError) -> Response {
        let page = ErrorPage(
            title: Self.title(for: error.code),
            message: error.message,
            field: error.field,
            status: error.status.code,
            signInLink: error.code == .signInRequired || error.code == .csrfFailed
        )
        let body: String
        do {
            body = try templates.render("error", PageContext(site: site, page: page))
        } catch {
            // The error page itself failed: answer with fixed text rather than nothing.
            body = "<!DOCTYPE html><html lang=\"en\"><title>Error</title><h1>Something went wrong</h1></html>"
        }
        var response = HTMLResponse.page(body, status: error.status)
        Self.addHeaders(for: error, to: &response.headers)
        return response
    }

    private static func addHeaders(for error: WebError, to headers: inout HTTPFields) {
        if let seconds = error.retryAfterSeconds {
            headers[.retryAfter] = String(seconds)  // RFC 9110 §10.2.3
        }
    }

    /// The page heading for each kind of refusal (GOV.UK: the heading says what happened).
    static func title(for code: WebError.Code) -> String {
        switch code {
        case .notFound: return "Page not found"
        case .signInRequired, .invalidToken: return "Sign in to continue"
        case .badCredentials: return "Sign-in failed"
        case .csrfFailed: return "This form has expired"
        case .forbidden: return "You cannot do this"
        case .invalidInput, .badRequest: return "Check what you entered"
        case .conflict: return "This cannot be done now"
        case .tooManyAttempts: return "Too many attempts"
        case .bodyTooLarge: return "What you sent is too large"
        case .unsupportedMediaType: return "This could not be read"
        case .methodNotAllowed: return "This address does not accept this request"
        case .internalError: return "Sorry, there is a problem with the service"
        }
    }
}
