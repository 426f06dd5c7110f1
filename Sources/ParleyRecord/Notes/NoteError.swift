// Why a signed note was refused (C2SP signed-note), in three classes a caller must tell apart:
// the bytes are not a note (malformed), no trusted key signed it, or a trusted key's signature
// is wrong.

/// A signed note that cannot be opened or made.
public enum NoteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not a well-formed signed note; the reason names the line or byte offset.
    case malformed(String)
    /// The text cannot be signed as a note text (signing side).
    case invalidText(String)
    /// Well-formed, but no signature came from a key in the verifier list. The signatures that
    /// were present are listed (all from unknown keys).
    case noKnownSignature(unverified: [NoteSignature])
    /// A signature by a known key (name and key ID match) fails; the whole note is refused.
    case invalidSignature(name: String, keyID: UInt32, reason: String)
    /// Two verifiers with the same name and key ID but different keys: the list is ambiguous.
    case ambiguousVerifiers(name: String, keyID: UInt32)

    public var description: String {
        switch self {
        case .malformed(let reason):
            "malformed note: \(reason)"
        case .invalidText(let reason):
            "cannot sign this text as a note: \(reason)"
        case .noKnownSignature(let unverified):
            unverified.isEmpty
                ? "no known signature: the note has no signature from a trusted key"
                : "no known signature: the note is signed only by unknown keys (\(unverified.map(\.description).joined(separator: ", ")))"
        case .invalidSignature(let name, let keyID, let reason):
            "invalid signature by \(name)+\(NoteKeyID.hex(keyID)): \(reason)"
        case .ambiguousVerifiers(let name, let keyID):
            "ambiguous verifier keys: two different keys are named \(name)+\(NoteKeyID.hex(keyID))"
        }
    }
}
