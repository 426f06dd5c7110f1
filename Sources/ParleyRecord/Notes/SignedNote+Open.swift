// Verifying a C2SP signed note against trusted keys (C2SP signed-note §"Signatures").

/// A signature that verified under a trusted key.
public struct VerifiedNoteSignature: Sendable, Hashable {
    /// The key that verified it.
    public let verifier: NoteVerifier
    /// For a cosignature/v1 key, the signed timestamp (POSIX seconds); `nil` for plain signatures.
    public let timestamp: UInt64?

    public var name: String { verifier.name }
    public var keyID: UInt32 { verifier.keyID }
}

/// A note whose text is vouched for by at least one trusted key.
public struct OpenedNote: Sendable, Hashable {
    /// The note text, with its final newline, without the separating blank line.
    public let text: String
    /// One entry per trusted key that signed, in order of first appearance.
    public let verified: [VerifiedNoteSignature]
    /// Signatures from keys not in the verifier list, in order; identical lines listed once.
    public let unverified: [NoteSignature]
}

extension SignedNote {
    /// Parses a note and verifies it against trusted keys.
    ///
    /// - Signatures whose name and key ID match no verifier are ignored (listed as unverified).
    /// - Every signature from a known key must verify, or the whole note is refused
    ///   (`invalidSignature`); a key that signed twice is listed once.
    /// - At least one known key must have signed (`noKnownSignature`).
    public static func open(_ note: some Collection<UInt8>, verifiers: [NoteVerifier]) throws(NoteError) -> OpenedNote {
        let parsed = try parse(note)
        let text = Array(parsed.text.utf8)
        let known = try index(verifiers)

        var verified: [VerifiedNoteSignature] = []
        var seenVerified = Set<KeyRef>()
        var unverified: [NoteSignature] = []
        var seenUnverified = Set<NoteSignature>()
        for signature in parsed.signatures {
            let ref = KeyRef(name: signature.name, keyID: signature.keyID)
            // C2SP signed-note §"Signatures": a key is known only if BOTH name and ID match.
            guard let verifier = known[ref] else {
                if seenUnverified.insert(signature).inserted { unverified.append(signature) }
                continue
            }
            // "If the key name and ID match a known key, verifiers MUST verify the signature.
            // If a signature from a known key fails to verify, clients SHOULD reject the whole note."
            switch verifier.check(signature: signature.signature, text: text) {
            case .invalid(let reason):
                throw .invalidSignature(name: signature.name, keyID: signature.keyID, reason: reason)
            case .valid(let timestamp):
                if seenVerified.insert(ref).inserted {
                    verified.append(VerifiedNoteSignature(verifier: verifier, timestamp: timestamp))
                }
            }
        }
        // "If no signature from a known key verifies successfully, clients MUST reject the note."
        guard !verified.isEmpty else { throw .noKnownSignature(unverified: unverified) }
        return OpenedNote(text: parsed.text, verified: verified, unverified: unverified)
    }

    /// Opens the UTF-8 bytes of `note`.
    public static func open(_ note: String, verifiers: [NoteVerifier]) throws(NoteError) -> OpenedNote {
        try open(Array(note.utf8), verifiers: verifiers)
    }

    struct KeyRef: Hashable {
        let name: String
        let keyID: UInt32
    }

    private static func index(_ verifiers: [NoteVerifier]) throws(NoteError) -> [KeyRef: NoteVerifier] {
        var known: [KeyRef: NoteVerifier] = [:]
        for v in verifiers {
            let ref = KeyRef(name: v.name, keyID: v.keyID)
            if let other = known[ref], other != v { throw .ambiguousVerifiers(name: v.name, keyID: v.keyID) }
            known[ref] = v
        }
        return known
    }
}
