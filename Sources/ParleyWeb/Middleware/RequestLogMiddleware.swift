// ParleyWeb: one log line per request — method, path (never the query), status, duration.
// Cookies, tokens, form fields and bodies are never logged.

import Hummingbird
import Logging

struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start, logger: context.logger)
            return response
        } catch {
            log(request, status: 500, since: start, logger: context.logger)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, logger: Logger) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let path = request.uri.path
        logger.info(
            "\(request.method) \(path) \(status)",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(path),
                "http.status": .stringConvertible(status),
                "http.duration_ms": .stringConvertible((milliseconds * 10).rounded() / 10),
            ]
        )
    }
}
