// ParleyWeb: building JSON responses for the API (RFC 8259), with sorted keys so that the same
// value always gives the same bytes.

import Foundation
import Hummingbird

enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let bytes = try encode(value)
        return Response(
            status: status,
            headers: [.contentType: contentType, .contentLength: String(bytes.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    /// A 200 answer of `value`, as a body to keep (see `WebEnvironment.kept`).
    static func answer(_ value: some Encodable) throws -> CachedAnswer {
        CachedAnswer(body: ByteBuffer(bytes: try encode(value)), contentType: contentType)
    }

    private static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Decode a JSON request body of at most `limit` bytes.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw WebError(
                .unsupportedMediaType,
                "Send the request body as JSON, with `Content-Type: application/json`."
            )
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw WebError(.bodyTooLarge, "The request body is larger than \(limit) bytes.")
        }
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }
}
