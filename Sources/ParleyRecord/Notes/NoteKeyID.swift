// Key names and key IDs of note keys (C2SP signed-note §"Format" and §"Signatures").
import Crypto

enum NoteKeyID {
    /// C2SP signed-note §"Signatures": key ID = SHA-256(key name ‖ 0x0A ‖ type ‖ public key)[:4],
    /// read big-endian.
    static func compute(name: String, type: NoteKeyType, publicKey: some Collection<UInt8>) -> UInt32 {
        var sha = SHA256()
        sha.update(data: Array(name.utf8))
        sha.update(data: [0x0a, type.rawValue])
        sha.update(data: Array(publicKey))
        let digest = sha.finalize()
        return digest.withUnsafeBytes { raw in
            UInt32(raw[0]) << 24 | UInt32(raw[1]) << 16 | UInt32(raw[2]) << 8 | UInt32(raw[3])
        }
    }

    /// Eight lowercase hexadecimal digits, as in vkeys and Go private keys.
    static func hex(_ id: UInt32) -> String {
        HexCoding.encode([UInt8(id >> 24), UInt8(id >> 16 & 0xff), UInt8(id >> 8 & 0xff), UInt8(id & 0xff)])
    }

    /// Parses exactly 8 hexadecimal digits (either case, as Go's `strconv.ParseUint(_, 16, 32)`).
    static func parse(_ text: Substring) throws(NoteKeyError) -> UInt32 {
        guard text.utf8.count == 8, let bytes = HexCoding.decode(text) else { throw .invalidKeyIDText(String(text)) }
        return bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func bigEndianBytes(_ id: UInt32) -> [UInt8] {
        [UInt8(id >> 24), UInt8(id >> 16 & 0xff), UInt8(id >> 8 & 0xff), UInt8(id & 0xff)]
    }
}

enum NoteKeyName {
    /// C2SP signed-note §"Format": "Key names MUST be non-empty and MUST NOT contain any Unicode
    /// spaces or plus (U+002B) characters." Control characters are refused too: a note may not
    /// contain them, so a key with one could never sign a valid note.
    static func check(_ name: some StringProtocol) -> String? {
        if name.isEmpty { return "the name is empty" }
        for scalar in name.unicodeScalars {
            if scalar == "+" { return "the name contains '+'" }
            if scalar.properties.isWhitespace { return "the name contains a space (U+\(hex(scalar)))" }
            if scalar.properties.generalCategory == .control {
                return "the name contains control character U+\(hex(scalar))"
            }
        }
        return nil
    }

    static func validate(_ name: some StringProtocol) throws(NoteKeyError) {
        if let reason = check(name) { throw .invalidName(String(name), reason: reason) }
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
