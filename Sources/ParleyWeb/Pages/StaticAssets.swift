// ParleyWeb: the stylesheet and other static files, read once from `Resources/static` and
// served from memory. Their URLs carry a content hash (`?v=…`), so browsers may keep them for
// a year (RFC 9111 §5.2.2.1 max-age; RFC 8246 immutable) and still fetch a changed file at once.

import Crypto
import Foundation
import Hummingbird

/// One static file.
struct StaticAsset: Sendable {
    var body: ByteBuffer
    var contentType: String
    /// The first 16 hex digits of the SHA-256 of the content.
    var version: String
}

/// All static files, by file name.
struct StaticAssets: Sendable {
    private var assets: [String: StaticAsset] = [:]

    /// The long-lived cache policy of static files; every other response is `no-store`.
    static let cacheControl = "public, max-age=31536000, immutable"

    init() throws {
        guard
            let directory = Bundle.module.url(forResource: "Resources", withExtension: nil)?
                .appendingPathComponent("static", isDirectory: true)
        else { throw Templates.LoadError(description: "ParleyWeb's resource bundle has no Resources/static folder") }
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where !file.hasPrefix(".") {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            let bytes = [UInt8](data)
            assets[file] = StaticAsset(
                body: ByteBuffer(bytes: bytes),
                contentType: Self.contentType(of: file),
                version: String(SecureBytes.hex(SHA256.hash(data: bytes)).prefix(16))
            )
        }
    }

    /// The asset named `name`, if there is one.
    subscript(_ name: String) -> StaticAsset? { assets[name] }

    /// The URL to put in a page: `/static/<name>?v=<version>`.
    func url(_ name: String) -> String {
        "/static/\(name)" + (assets[name].map { "?v=\($0.version)" } ?? "")
    }

    /// The response for one asset.
    func response(_ asset: StaticAsset) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: asset.contentType, .cacheControl: Self.cacheControl,
                .eTag: "\"\(asset.version)\"", .contentLength: String(asset.body.readableBytes),
            ],
            body: .init(byteBuffer: asset.body)
        )
    }

    private static func contentType(of file: String) -> String {
        switch file.split(separator: ".").last.map(String.init) ?? "" {
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
