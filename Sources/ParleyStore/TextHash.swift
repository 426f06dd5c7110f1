// The hash every side signs when a text is adopted: SHA-256 of the RFC 8785 canonical JSON of
// the text's canonical form. ParleyCore has no hash function, so the store supplies it.
import Crypto
import ParleyCore
import ParleyRecord

enum TextHash {
    /// Lowercase hex SHA-256 of the canonical form's canonical JSON; nil if it cannot be encoded.
    static func of(_ text: CanonicalText) -> String? {
        guard let bytes = try? CanonicalJSON.encode(text) else { return nil }
        return HexCoding.encode(SHA256.hash(data: bytes))
    }
}

extension StateCache {
    func canonicalHash(of text: CanonicalText) -> String? { TextHash.of(text) }
}
