// ParleyWeb: random tokens, their text form and their comparison.
//
// Tokens are 32 random bytes from the system's CSPRNG (`SystemRandomNumberGenerator` reads
// getrandom(2) on Linux), written as base64url without padding (RFC 4648 §5), and compared in
// constant time so that timing reveals nothing about how much of a guess was right.

import Crypto

enum SecureBytes {
    /// `count` bytes from the system's cryptographically secure generator.
    static func random(count: Int = 32) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: count)
        var i = 0
        while i < count {
            var word = generator.next()
            for _ in 0..<8 where i < count {
                bytes[i] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                i += 1
            }
        }
        return bytes
    }

    /// A fresh opaque token: 32 random bytes as base64url (43 characters).
    static func token() -> String { base64URL(random(count: 32)) }

    /// RFC 4648 §5 base64url, no padding.
    static func base64URL(_ bytes: some Collection<UInt8>) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 0x3F)])
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(6 - bits)) & 0x3F)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lowercase hex.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// SHA-256 of a token's text, in hex: what stores keep instead of the token itself, so that a
    /// copy of the database does not hand out live sessions or API tokens.
    static func sha256Hex(_ text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    /// HMAC-SHA256 of `message` under `key`.
    static func hmac(key: [UInt8], _ message: some Collection<UInt8>) -> [UInt8] {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(message), using: SymmetricKey(data: key))
        return Array(mac)
    }

    /// Equality whose running time depends only on the lengths, not on where the first
    /// difference is.
    static func constantTimeEquals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        constantTimeEquals(Array(a.utf8), Array(b.utf8))
    }
}
