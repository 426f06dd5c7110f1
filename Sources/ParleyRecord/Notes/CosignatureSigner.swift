// A party's cosigning key: Ed25519 cosignature/v1 (C2SP tlog-cosignature), signature type 0x04.
//
// Private key text is Go's form with the type byte 0x04:
// `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x04 ‖ seed)>`, as transparency-dev/formats'
// `NewSignerForCosignatureV1` reads it. A Go note key (type 0x01) is also accepted and used as a
// cosigner; its key ID is then recomputed with type 0x04.
import Crypto

/// Why a cosignature could not be made.
public enum CosignError: Error, Sendable, Equatable, CustomStringConvertible {
    /// C2SP tlog-cosignature §"Format": the timestamp "MUST NOT exceed 2^63 - 1".
    case timestampOutOfRange(UInt64)
    /// The text is not a checkpoint, or the note could not be opened under the log key.
    case checkpoint(CheckpointError)

    public var description: String {
        switch self {
        case .timestampOutOfRange(let t): "cosignature timestamp \(t) exceeds 2^63 - 1"
        case .checkpoint(let error): error.description
        }
    }
}

/// An Ed25519 key that cosigns checkpoints with a timestamp.
public struct CosignatureSigner: Sendable {
    /// The cosigner's name, written in its signature lines.
    public let name: String
    /// SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[:4].
    public let keyID: UInt32
    let key: Ed25519Seed

    /// A cosigner from a 32-byte Ed25519 seed.
    public init(name: String, seed: some Collection<UInt8>) throws(NoteKeyError) {
        try NoteKeyName.validate(name)
        self.key = try Ed25519Seed(seed)
        self.name = name
        self.keyID = NoteKeyID.compute(name: name, type: .cosignatureV1, publicKey: key.publicKey)
    }

    /// Parses a private key of type 0x04, or a Go note key of type 0x01; the key ID in the text
    /// must match the key under the type written there.
    public init(text: String) throws(NoteKeyError) {
        let parsed = try PrivateKeyText(text)
        let type = try NoteKeyType(byte: parsed.typeByte)
        try self.init(name: parsed.name, seed: parsed.seed)
        let written = NoteKeyID.compute(name: name, type: type, publicKey: key.publicKey)
        guard written == parsed.keyID else { throw .keyIDMismatch(written: parsed.keyID, computed: written) }
    }

    /// A new cosigner with a random seed from the system's secure generator.
    public static func generate(name: String) throws(NoteKeyError) -> CosignatureSigner {
        try CosignatureSigner(name: name, seed: Ed25519Seed.random())
    }

    /// The private key text (type 0x04). Keep it secret.
    public var text: String {
        PrivateKeyText.format(name: name, keyID: keyID, type: .cosignatureV1, seed: key.seed)
    }

    /// The cosigner's verifier key, type 0x04.
    public var verifier: NoteVerifier {
        guard let v = try? NoteVerifier(name: name, type: .cosignatureV1, publicKey: key.publicKey) else {
            preconditionFailure("public key of a valid cosigner refused")
        }
        return v
    }

    /// The signature line `— <name> <base64(key ID ‖ timestamp ‖ signature)>\n` for a checkpoint.
    public func cosign(_ checkpoint: Checkpoint, timestamp: UInt64) throws(CosignError) -> String {
        guard timestamp <= CosignatureV1.maxTimestamp else { throw .timestampOutOfRange(timestamp) }
        let message = CosignatureV1.message(checkpointText: Array(checkpoint.text.utf8), timestamp: timestamp)
        // C2SP tlog-cosignature §"Format": key ID ‖ u64 big-endian timestamp ‖ Ed25519 signature.
        let payload = NoteKeyID.bigEndianBytes(keyID) + CosignatureV1.timestampBytes(timestamp) + key.sign(message)
        return SignatureLine.format(name: name, payload: payload)
    }

    /// The signature line for a checkpoint's note text, which must be a strict checkpoint.
    public func cosign(checkpointText: String, timestamp: UInt64) throws(CosignError) -> String {
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(text: checkpointText)
        } catch {
            throw .checkpoint(error)
        }
        return try cosign(checkpoint, timestamp: timestamp)
    }

    /// Verifies a signed checkpoint under the log's key, then returns the note with this
    /// cosigner's line appended; the earlier bytes are kept exactly.
    public func cosign(note: String, logKey: NoteVerifier, timestamp: UInt64) throws(CosignError) -> String {
        let opened: OpenedCheckpoint
        do {
            opened = try Checkpoint.open(note, logKey: logKey)
        } catch {
            throw .checkpoint(error)
        }
        let line = try cosign(opened.checkpoint, timestamp: timestamp)
        do {
            return try SignedNote.addingSignatureLines([line], to: note)
        } catch {
            throw .checkpoint(.note(error))
        }
    }
}
