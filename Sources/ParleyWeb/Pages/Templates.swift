// ParleyWeb: the page templates (Mustache, https://mustache.github.io/mustache.5.html), loaded
// once from the module's resources. Every page extends `layout` through template inheritance
// (`{{<layout}}…{{$main}}…{{/main}}{{/layout}}`). `{{name}}` HTML-escapes `< > & " '`;
// templates use triple mustaches for nothing that a person typed.

import Foundation
import Mustache

/// The loaded template library.
struct Templates: Sendable {
    /// A template failed to load or parse.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    private let library: MustacheLibrary

    /// Loads every `*.mustache` in `Resources/templates`.
    init() throws {
        guard
            let directory = Bundle.module.url(forResource: "Resources", withExtension: nil)?
                .appendingPathComponent("templates", isDirectory: true)
        else { throw LoadError(description: "ParleyWeb's resource bundle has no Resources/templates folder") }
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let url = directory.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                throw LoadError(description: "template \(file) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// Render `template` with `context`. A missing template is a programming error reported as
    /// an internal error, not a crash.
    func render(_ template: String, _ context: Any) throws -> String {
        try renderAsGiven(template, TemplateValues.prepare(context) ?? context)
    }

    /// Render with `context` as it is, read through `Mirror` at each name: the slow path, kept
    /// for the tests that show `TemplateValues.prepare` changes no page.
    func renderAsGiven(_ template: String, _ context: Any) throws -> String {
        guard let html = library.render(context, withTemplate: template) else {
            throw LoadError(description: "no template named \(template)")
        }
        return html
    }
}
