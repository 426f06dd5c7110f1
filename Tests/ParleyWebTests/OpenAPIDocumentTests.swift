// The OpenAPI document kept in the repository: served without sign-in, valid JSON of OpenAPI
// 3.1, and listing exactly the API routes the router registers (method and path), so that
// neither can change without the other.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ParleyWeb

@Suite struct OpenAPIDocumentTests {
    @Test func servedWithoutSignInAndDescribesEveryAPIRoute() async throws {
        let world = try await StoreWorld.make()
        defer { Task { await world.close() } }
        let router = try await buildRouter(configuration: world.configuration, services: world.services)
        var registered: Set<String> = []
        for route in router.routes where route.path.description.hasPrefix("/api/") && route.method != .head {
            // Hummingbird writes a captured segment `:id`; OpenAPI writes `{id}`.
            let path = route.path.description.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                .joined(separator: "/")
            registered.insert("\(route.method.rawValue) \(path)")
        }
        // The document itself is served outside `/api/v1` and is not an API operation.
        registered.remove("GET /api/openapi.json")
        #expect(registered.count > 40)
        let apiRoutes = registered

        let app = Application(router: router)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            )
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var described: Set<String> = []
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                    described.insert("\(method.uppercased()) \(path)")
                }
            }
            #expect(apiRoutes.subtracting(described).sorted() == [], "routes missing from the document")
            #expect(described.subtracting(apiRoutes).sorted() == [], "documented paths the server lacks")

            let components = try #require(document["components"] as? [String: Any])
            let schemes = try #require(components["securitySchemes"] as? [String: [String: Any]])
            #expect(schemes["bearer"]?["scheme"] as? String == "bearer")
            let schemas = try #require(components["schemas"] as? [String: Any])
            #expect(schemas["Error"] != nil)
            // Each create operation links to the read of what it made.
            for path in ["irritants", "meetings", "contacts", "commitments", "readouts", "notes"] {
                let post = try #require(paths["/api/v1/mechanisms/{id}/\(path)"]?["post"] as? [String: Any])
                let created = try #require((post["responses"] as? [String: Any])?["201"] as? [String: Any])
                #expect((created["links"] as? [String: Any])?.isEmpty == false, "\(path)")
            }
        }
    }
}
