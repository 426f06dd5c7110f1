// A verifier key ("vkey") for C2SP signed notes: `<name>+<8 hex key ID>+<base64(type ‖ key)>`.
//
// Format as in C2SP signed-note §"Verifier keys" and golang.org/x/mod/sumdb/note. Type 0x01 keys
// verify plain Ed25519 note signatures; type 0x04 keys verify timestamped cosignatures
// (C2SP tlog-cosignature). The key ID includes the type byte, so one Ed25519 key has a different
// ID as a cosigner than as a note signer and neither kind can stand in for the other.
import Crypto

/// A public key that verifies note signatures of one type, under one name and key ID.
public struct NoteVerifier: Sendable, Hashable, CustomStringConvertible {
    /// The key name, as it appears in signature lines.
    public let name: String
    /// SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4], big-endian.
    public let keyID: UInt32
    /// What the key's signatures sign.
    public let type: NoteKeyType
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    /// Builds a verifier from its parts, computing the key ID.
    public init(name: String, type: NoteKeyType, publicKey: some Collection<UInt8>) throws(NoteKeyError) {
        try NoteKeyName.validate(name)
        let key = Array(publicKey)
        guard key.count == 32 else { throw .wrongKeyLength(expected: 32, actual: key.count) }
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) != nil else { throw .invalidKey }
        self.name = name
        self.type = type
        self.publicKey = key
        self.keyID = NoteKeyID.compute(name: name, type: type, publicKey: key)
    }

    /// Parses `<name>+<8 hex key ID>+<base64(type ‖ 32-byte key)>`.
    ///
    /// Splits on the first two `+` only: names never contain `+`, base64 may. Refuses a bad name,
    /// a key ID that is not 8 hex digits or does not match the key, non-canonical base64, an
    /// unsupported type byte and a key of the wrong length.
    public init(text: String) throws(NoteKeyError) {
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .malformedText("want <name>+<key ID>+<base64 key>, found \(parts.count) part(s)")
        }
        try NoteKeyName.validate(parts[0])
        let written = try NoteKeyID.parse(parts[1])
        guard let material = NoteBase64.decode(parts[2].utf8) else { throw .invalidBase64 }
        guard let typeByte = material.first else { throw .wrongKeyLength(expected: 32, actual: 0) }
        let type = try NoteKeyType(byte: typeByte)
        try self.init(name: String(parts[0]), type: type, publicKey: material.dropFirst())
        guard keyID == written else { throw .keyIDMismatch(written: written, computed: keyID) }
    }

    /// The vkey text, `<name>+<8 hex key ID>+<base64(type ‖ key)>`.
    public var text: String {
        "\(name)+\(NoteKeyID.hex(keyID))+\(NoteBase64.encode([type.rawValue] + publicKey))"
    }

    /// The key ID as 8 lowercase hexadecimal digits.
    public var keyIDHex: String { NoteKeyID.hex(keyID) }

    public var description: String { text }

    /// Checks one signature (the bytes after the 4-byte key ID in a signature line) over a note
    /// text (with its final newline, without the blank line). For a cosignature key the signature
    /// is the 8-byte timestamp followed by the Ed25519 signature.
    public func verify(signature: some Collection<UInt8>, text: some Collection<UInt8>) -> Bool {
        if case .valid = check(signature: Array(signature), text: text) { return true }
        return false
    }

    /// Checks a cosignature (timestamp ‖ Ed25519 signature) over a checkpoint's note text and
    /// returns its timestamp; `nil` if this is not a cosignature key or the cosignature fails.
    public func verifyCosignature(_ signature: some Collection<UInt8>, checkpointText: some Collection<UInt8>)
        -> UInt64?
    {
        guard type == .cosignatureV1,
            case .valid(let timestamp?) = check(signature: Array(signature), text: checkpointText)
        else { return nil }
        return timestamp
    }

    enum Outcome: Equatable {
        case valid(timestamp: UInt64?)
        case invalid(String)
    }

    func check(signature: [UInt8], text: some Collection<UInt8>) -> Outcome {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
            return .invalid("unusable public key")
        }
        switch type {
        case .ed25519:
            // C2SP signed-note §"Ed25519 signatures": RFC 8032 over the note text.
            guard signature.count == 64 else { return .invalid("signature is \(signature.count) bytes, want 64") }
            return key.isValidSignature(signature, for: Array(text))
                ? .valid(timestamp: nil) : .invalid("Ed25519 verification failed")
        case .cosignatureV1:
            // C2SP tlog-cosignature §"Format": timestamped_signature = u64 timestamp ‖ ed25519_signature[64].
            guard signature.count == CosignatureV1.signatureSize else {
                return .invalid("cosignature is \(signature.count) bytes, want \(CosignatureV1.signatureSize)")
            }
            let timestamp = CosignatureV1.readTimestamp(signature[...])
            // C2SP tlog-cosignature §"Format": the timestamp "MUST NOT exceed 2^63 - 1".
            guard timestamp <= CosignatureV1.maxTimestamp else {
                return .invalid("timestamp \(timestamp) exceeds 2^63 - 1")
            }
            let message = CosignatureV1.message(checkpointText: text, timestamp: timestamp)
            return key.isValidSignature(signature[8...], for: message)
                ? .valid(timestamp: timestamp) : .invalid("Ed25519 verification failed")
        }
    }
}
