// ParleyWeb: carrying out one submitted form. The change goes through the store, which asks
// ParleyCore (DESIGN.md "Access rules": the decision is made in one place); a refusal comes back
// as the same form with an error summary, each message beside its field and the input kept,
// and the status of the refusal. Something the viewer may not see answers the one not-found.

import Hummingbird
import ParleyCore

/// A form page that can show a refusal's problems.
protocol FormPage: Sendable {
    mutating func show(_ errors: FormErrors)
}

extension WebEnvironment {
    /// Runs `perform`; answers `then`'s response on success, or `page` again, in `template`,
    /// with the refusal's problems.
    func submit<Page: FormPage, Value>(
        _ template: String,
        _ page: Page,
        context: ParleyRequestContext,
        perform: () async throws -> Value,
        then: (Value) throws -> Response
    ) async throws -> Response {
        let value: Value
        do {
            value = try await perform()
        } catch let refusal as Refusal {
            if refusal == .notVisible { throw WebError.notFound }
            return try reject(template, page, FormErrors(refusal), status: WebError(refusal).status, context: context)
        }
        return try then(value)
    }

    /// `page` again with `errors`: for input the form could not even turn into a command (a
    /// choice that is not one of the offered ones).
    func reject<Page: FormPage>(
        _ template: String,
        _ page: Page,
        _ errors: FormErrors,
        status: HTTPResponse.Status = .unprocessableContent,
        context: ParleyRequestContext
    ) throws -> Response {
        var page = page
        page.show(errors)
        return try render(template, page, context: context, status: status)
    }
}

extension FormErrors {
    /// One problem with one field.
    init(_ field: String, _ message: String) {
        self.init()
        add(field, message)
    }
}
