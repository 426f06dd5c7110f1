// A private key that signs C2SP signed notes with Ed25519 (signature type 0x01).
//
// Text form identical to golang.org/x/mod/sumdb/note, so keys move between Parley and the Go
// tools: `PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 ‖ 32-byte Ed25519 seed)>`.
import Crypto

/// An Ed25519 note signing key with its name and key ID.
public struct NoteSigner: Sendable {
    /// The key name written in signature lines.
    public let name: String
    /// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4].
    public let keyID: UInt32
    let key: Ed25519Seed

    /// A signer from a 32-byte Ed25519 seed (RFC 8032 private key).
    public init(name: String, seed: some Collection<UInt8>) throws(NoteKeyError) {
        try NoteKeyName.validate(name)
        self.key = try Ed25519Seed(seed)
        self.name = name
        self.keyID = NoteKeyID.compute(name: name, type: .ed25519, publicKey: key.publicKey)
    }

    /// Parses `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 ‖ seed)>`; the key ID must match.
    public init(text: String) throws(NoteKeyError) {
        let parsed = try PrivateKeyText(text)
        let type = try NoteKeyType(byte: parsed.typeByte)
        guard type == .ed25519 else { throw .wrongType(expected: .ed25519, actual: type) }
        try self.init(name: parsed.name, seed: parsed.seed)
        guard keyID == parsed.keyID else { throw .keyIDMismatch(written: parsed.keyID, computed: keyID) }
    }

    /// A new signer with a random seed from the system's secure generator.
    public static func generate(name: String) throws(NoteKeyError) -> NoteSigner {
        try NoteSigner(name: name, seed: Ed25519Seed.random())
    }

    /// The private key text, in golang.org/x/mod/sumdb/note's format. Keep it secret.
    public var text: String {
        PrivateKeyText.format(name: name, keyID: keyID, type: .ed25519, seed: key.seed)
    }

    /// The matching verifier key.
    public var verifier: NoteVerifier {
        // The name was validated and the public key derived by swift-crypto, so this cannot fail.
        guard let v = try? NoteVerifier(name: name, type: .ed25519, publicKey: key.publicKey) else {
            preconditionFailure("public key of a valid signer refused")
        }
        return v
    }

    /// The 64-byte Ed25519 signature (RFC 8032) of `message`, normally a note text.
    public func sign(_ message: some Collection<UInt8>) -> [UInt8] {
        key.sign(Array(message))
    }

    /// `— <name> <base64(key ID ‖ signature)>\n` for a note text (C2SP signed-note §"Signatures").
    public func signatureLine(text: some Collection<UInt8>) -> String {
        SignatureLine.format(name: name, payload: NoteKeyID.bigEndianBytes(keyID) + sign(text))
    }
}

/// A 32-byte Ed25519 seed and the public key it determines. swift-crypto's private key type is
/// not `Sendable`, so the seed is kept and the key rebuilt for each signature (signing is rare:
/// one checkpoint or cosignature at a time).
// @unchecked: swift-crypto's PrivateKey is not marked Sendable, but it is an immutable value and
// BoringSSL signs with a key it only reads.
struct Ed25519Seed: @unchecked Sendable {
    let seed: [UInt8]
    let publicKey: [UInt8]
    /// Made once: making it from the seed derives the public key, a scalar multiplication that
    /// every signature (one per commit) would otherwise pay again.
    private let key: Curve25519.Signing.PrivateKey

    init(_ seed: some Collection<UInt8>) throws(NoteKeyError) {
        let bytes = Array(seed)
        guard bytes.count == 32 else { throw .wrongKeyLength(expected: 32, actual: bytes.count) }
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes) else { throw .invalidKey }
        self.seed = bytes
        self.publicKey = Array(key.publicKey.rawRepresentation)
        self.key = key
    }

    static func random() -> [UInt8] {
        Array(Curve25519.Signing.PrivateKey().rawRepresentation)
    }

    func sign(_ message: [UInt8]) -> [UInt8] {
        // BoringSSL's Ed25519 signing has no failure path for a valid key; RFC 8032 signing is
        // deterministic there, so equal seeds and messages give equal signatures.
        guard let signature = try? key.signature(for: message) else {
            preconditionFailure("Ed25519 signing failed")
        }
        return Array(signature)
    }
}
