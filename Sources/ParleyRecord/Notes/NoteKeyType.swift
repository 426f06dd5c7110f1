// The signature type byte of a note key (C2SP signed-note §"Signature types").
//
// Parley supports exactly the two Ed25519 types it needs, as the spec recommends ("implementations
// SHOULD select only the one(s) required for their design"): plain note signatures for the log and
// timestamped cosignatures (c2sp.org/tlog-cosignature) for the parties.

/// The kind of an Ed25519 note key: what its signatures sign and how its key ID is derived.
public enum NoteKeyType: UInt8, Sendable, Hashable, CustomStringConvertible {
    /// `0x01`: Ed25519 over the note text (C2SP signed-note §"Ed25519 signatures").
    case ed25519 = 0x01
    /// `0x04`: timestamped Ed25519 cosignature over `cosignature/v1` + time + checkpoint
    /// (C2SP tlog-cosignature §"Ed25519 signed message").
    case cosignatureV1 = 0x04

    /// Accepts only the supported types; the error names what the byte means in the registry.
    init(byte: UInt8) throws(NoteKeyError) {
        switch byte {
        case 0x01: self = .ed25519
        case 0x04: self = .cosignatureV1
        // C2SP signed-note §"Signature types": the assigned and reserved identifier bytes.
        case 0x02: throw .unsupportedType(byte, "ECDSA (transparency-dev/witness) keys are not supported")
        case 0x03: throw .unsupportedType(byte, "type 0x03 is reserved")
        case 0x05: throw .unsupportedType(byte, "RFC 6962 TreeHeadSignature keys are not supported")
        case 0x06: throw .unsupportedType(byte, "ML-DSA-44 cosignature keys are not supported")
        case 0xfa...0xff: throw .unsupportedType(byte, "reserved signature type")
        default: throw .unsupportedType(byte, "unknown signature type")
        }
    }

    public var description: String {
        switch self {
        case .ed25519: "Ed25519 note signature (0x01)"
        case .cosignatureV1: "Ed25519 cosignature/v1 (0x04)"
        }
    }
}
