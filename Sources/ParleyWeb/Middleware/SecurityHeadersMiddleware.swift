// ParleyWeb: sets `SecurityHeaders` on every response. It sits outside `ErrorMiddleware`, so
// error pages, refusals and not-found answers carry them too.

import HTTPTypes
import Hummingbird

struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    private let fields: [(HTTPField.Name, String)]

    init(tls: Bool) {
        self.fields = SecurityHeaders.all(tls: tls).map { (HTTPField.Name($0.name)!, $0.value) }
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in fields { response.headers[name] = value }
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = SecurityHeaders.defaultCacheControl
        }
        return response
    }
}
