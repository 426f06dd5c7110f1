// ParleyWeb: a negotiating text's exports, answered alike to the pages (session) and the API
// (bearer token): printable HTML, plain text, and Akoma Ntoso 3.0 XML (`application/akn+xml`).
// The plain text and the XML are built by ParleyCore's TextExport, with no I/O.

import Foundation
import Hummingbird
import ParleyCore
import ParleyStore

enum TextExports {
    static func printable(_ text: NegotiatingText, _ access: MechanismAccess, env: WebEnvironment) throws -> Response {
        let page = TextPrintPage(
            text,
            names: access.names,
            stylesheet: env.assets.url("parley-print.css"),
            language: text.workingLanguage.rawValue
        )
        return HTMLResponse.page(try env.templates.render("text-print", page))
    }

    static func plain(_ text: NegotiatingText, _ access: MechanismAccess) -> Response {
        body(TextExport.plainText(text, naming: access.names.name), type: "text/plain; charset=utf-8")
    }

    static func akomaNtoso(_ text: NegotiatingText, _ access: MechanismAccess, now: Date) -> Response {
        let xml = TextExport.akomaNtoso(text, parties: access.structure.parties, exportedAt: Timestamp(now))
        return body(xml, type: "application/akn+xml; charset=utf-8")
    }

    private static func body(_ string: String, type: String) -> Response {
        let buffer = ByteBuffer(string: string)
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentLength: String(buffer.readableBytes)],
            body: .init(byteBuffer: buffer)
        )
    }
}

extension TextsController {
    @Sendable func printable(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        return try TextExports.printable(try await access.text(context.parameters.get("ref")), access, env: env)
    }

    @Sendable func plain(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        return TextExports.plain(try await access.text(context.parameters.get("ref")), access)
    }

    @Sendable func akomaNtoso(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        return TextExports.akomaNtoso(
            try await access.text(context.parameters.get("ref")),
            access,
            now: env.services.clock.now()
        )
    }
}
