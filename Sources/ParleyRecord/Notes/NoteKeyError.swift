// Why a verifier key (vkey) or private key text was refused.

/// A note key that cannot be used, with the part at fault.
public enum NoteKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key name is empty or holds `+`, a Unicode space or a control character.
    case invalidName(String, reason: String)
    /// The text does not have the expected `+`-separated parts.
    case malformedText(String)
    /// The key ID part is not 8 hexadecimal digits.
    case invalidKeyIDText(String)
    /// The key material is not canonical standard base64 (RFC 4648 §4).
    case invalidBase64
    /// The decoded key is empty or of the wrong length for its type.
    case wrongKeyLength(expected: Int, actual: Int)
    /// The type byte is not one Parley supports.
    case unsupportedType(UInt8, String)
    /// The key is of a type that cannot serve in this role (e.g. a cosignature key as a note signer).
    case wrongType(expected: NoteKeyType, actual: NoteKeyType)
    /// The key ID written in the text is not SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4].
    case keyIDMismatch(written: UInt32, computed: UInt32)
    /// The 32 bytes are not a valid Ed25519 key.
    case invalidKey

    public var description: String {
        switch self {
        case .invalidName(let name, let reason):
            "invalid key name \(name.debugDescription): \(reason)"
        case .malformedText(let reason):
            "malformed key text: \(reason)"
        case .invalidKeyIDText(let text):
            "invalid key ID \(text.debugDescription): want 8 hexadecimal digits"
        case .invalidBase64:
            "key material is not canonical standard base64 (RFC 4648 §4)"
        case .wrongKeyLength(let expected, let actual):
            "wrong key length: \(actual) bytes after the type byte, want \(expected)"
        case .unsupportedType(let byte, let reason):
            "unsupported key type 0x\(HexCoding.encode([byte])): \(reason)"
        case .wrongType(let expected, let actual):
            "wrong key type: this is an \(actual) key, an \(expected) key is needed here"
        case .keyIDMismatch(let written, let computed):
            "key ID \(NoteKeyID.hex(written)) does not match the key (computed \(NoteKeyID.hex(computed)))"
        case .invalidKey:
            "the key bytes are not a valid Ed25519 key"
        }
    }
}
