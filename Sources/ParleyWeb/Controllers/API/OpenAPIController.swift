// ParleyWeb: the OpenAPI 3.1 description of the JSON API (Resources/openapi.json, kept in the
// repository beside the code it describes), served without sign-in at `/api/openapi.json`.
// A route test compares its paths with the router's, so the two cannot drift apart.

import Foundation
import Hummingbird

struct OpenAPIController: Sendable {
    /// The document's bytes, read once at start.
    let document: ByteBuffer

    init() throws {
        guard
            let url = Bundle.module.url(forResource: "Resources", withExtension: nil)?
                .appendingPathComponent("openapi.json")
        else { throw Templates.LoadError(description: "ParleyWeb's resource bundle has no Resources/openapi.json") }
        document = ByteBuffer(bytes: try Data(contentsOf: url))
    }

    func addRoutes(to router: Router<ParleyRequestContext>) {
        router.get("/api/openapi.json") { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "application/json; charset=utf-8", .contentLength: String(document.readableBytes),
                ],
                body: .init(byteBuffer: document)
            )
        }
    }
}
