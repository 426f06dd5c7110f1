// One signature line of a C2SP signed note: `— <key name> <base64(key ID ‖ signature)>\n`.

/// A parsed signature line.
public struct NoteSignature: Sendable, Hashable, CustomStringConvertible {
    /// The key name in the line.
    public let name: String
    /// The first four bytes of the decoded payload, big-endian.
    public let keyID: UInt32
    /// The payload after the key ID: 64 bytes for Ed25519, timestamp ‖ 64 bytes for cosignature/v1.
    public let signature: [UInt8]

    public init(name: String, keyID: UInt32, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// The key ID as 8 lowercase hexadecimal digits.
    public var keyIDHex: String { NoteKeyID.hex(keyID) }

    /// Key ID ‖ signature, the bytes the line carries in base64.
    public var payload: [UInt8] { NoteKeyID.bigEndianBytes(keyID) + signature }

    /// The line as it appears in a note, with its final newline. Base64 is parsed strictly, so
    /// this is byte-for-byte the line that was read.
    public var line: String { SignatureLine.format(name: name, payload: payload) }

    /// The timestamp if the payload has the 76-byte shape of an Ed25519 cosignature/v1
    /// (C2SP tlog-cosignature). Only the verified key type makes it authoritative: for a line
    /// from an unknown key this is what the line claims, not a proven fact.
    public var cosignatureTimestamp: UInt64? {
        signature.count == CosignatureV1.signatureSize ? CosignatureV1.readTimestamp(signature[...]) : nil
    }

    public var description: String { "\(name)+\(keyIDHex)" }
}

enum SignatureLine {
    /// U+2014 EM DASH then U+0020 SPACE, the start of every signature line.
    static let prefix: [UInt8] = [0xe2, 0x80, 0x94, 0x20]

    static func format(name: String, payload: [UInt8]) -> String {
        "\u{2014} \(name) \(NoteBase64.encode(payload))\n"
    }

    /// Parses one line without its newline; the error is a reason for a malformed note.
    static func parse(_ line: ArraySlice<UInt8>) -> Result<NoteSignature, LineError> {
        // C2SP signed-note §"Format": em dash, space, key name, space, base64 signature.
        guard line.starts(with: prefix) else { return .failure(LineError("does not start with \"— \"")) }
        let rest = line.dropFirst(prefix.count)
        // Key names hold no spaces, so the first space ends the name.
        guard let space = rest.firstIndex(of: 0x20) else {
            return .failure(LineError("has no space after the key name"))
        }
        let name = String(decoding: rest[..<space], as: UTF8.self)
        if let reason = NoteKeyName.check(name) { return .failure(LineError("has an invalid key name: \(reason)")) }
        guard let payload = NoteBase64.decode(rest[(space + 1)...]) else {
            return .failure(LineError("has a signature that is not canonical standard base64"))
        }
        // Four bytes of key ID and at least one byte of signature.
        guard payload.count >= 5 else {
            return .failure(LineError("has a \(payload.count)-byte signature, too short for a key ID and a signature"))
        }
        let keyID = payload.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return .success(NoteSignature(name: name, keyID: keyID, signature: Array(payload.dropFirst(4))))
    }

    struct LineError: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
