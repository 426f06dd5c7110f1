// Checkpoints as signed notes: the log signs with an Ed25519 note key (C2SP tlog-checkpoint
// §"Signatures"); parties cosign with cosignature/v1 keys (C2SP tlog-cosignature).

/// A cosignature that verified, with the time the cosigner vouched for the checkpoint.
public struct VerifiedCosignature: Sendable, Hashable {
    public let verifier: NoteVerifier
    /// POSIX seconds, as signed.
    public let timestamp: UInt64
    public var name: String { verifier.name }
    public var keyID: UInt32 { verifier.keyID }
}

/// A checkpoint signed by its log, with the cosignatures that verified.
public struct OpenedCheckpoint: Sendable, Hashable {
    public let checkpoint: Checkpoint
    /// Cosignatures by the given cosigner keys, in order of appearance.
    public let cosignatures: [VerifiedCosignature]
    /// The opened note (all verified and unverified signatures).
    public let note: OpenedNote
}

extension Checkpoint {
    /// The signed note of this checkpoint by the log's key.
    public func sign(with signer: NoteSigner) -> String {
        // `text` is always a valid note text: every line is non-empty and free of control characters.
        guard let note = try? SignedNote.sign(text: text, signers: [signer]) else {
            preconditionFailure("checkpoint text refused as a note text")
        }
        return note
    }

    /// Opens a signed checkpoint: the log key's signature must verify, the text must be a strict
    /// checkpoint, and (if given) the origin must be the expected one. Cosignatures by
    /// `cosigners` are verified too (a failing one refuses the note) and reported with their times.
    public static func open(
        _ note: some Collection<UInt8>,
        logKey: NoteVerifier,
        cosigners: [NoteVerifier] = [],
        origin: String? = nil
    ) throws(CheckpointError) -> OpenedCheckpoint {
        guard logKey.type == .ed25519 else { throw .logKeyNotNoteKey(logKey.type) }
        let opened: OpenedNote
        do {
            opened = try SignedNote.open(note, verifiers: [logKey] + cosigners)
        } catch {
            throw .note(error)
        }
        guard opened.verified.contains(where: { $0.verifier == logKey }) else {
            throw .missingLogSignature(logKey.text)
        }
        let checkpoint = try Checkpoint(text: opened.text)
        if let origin, checkpoint.origin != origin { throw .wrongOrigin(expected: origin, found: checkpoint.origin) }
        let cosignatures = opened.verified.compactMap { v in
            v.timestamp.map { VerifiedCosignature(verifier: v.verifier, timestamp: $0) }
        }
        return OpenedCheckpoint(checkpoint: checkpoint, cosignatures: cosignatures, note: opened)
    }

    /// Opens the UTF-8 bytes of `note`.
    public static func open(
        _ note: String,
        logKey: NoteVerifier,
        cosigners: [NoteVerifier] = [],
        origin: String? = nil
    ) throws(CheckpointError) -> OpenedCheckpoint {
        try open(Array(note.utf8), logKey: logKey, cosigners: cosigners, origin: origin)
    }
}
