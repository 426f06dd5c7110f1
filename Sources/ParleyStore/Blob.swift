// Binary columns (entry bytes, hashes). SQLKit encodes a `[UInt8]` through Codable, which SQLite
// would store as JSON text "[1,2,…]"; a NIO `ByteBuffer` is a BLOB in SQLite and a `bytea` in
// PostgreSQL, so every binary value crosses the boundary as one.
import NIOCore
import SQLKit

enum Blob {
    /// A bind of `bytes` as a BLOB / bytea.
    static func bind(_ bytes: [UInt8]) -> SQLBind { SQLBind(ByteBuffer(bytes: bytes)) }
}

extension SQLRow {
    /// The bytes of a BLOB / bytea column.
    func bytes(_ column: String) throws -> [UInt8] {
        var buffer = try decode(column: column, as: ByteBuffer.self)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }
}
