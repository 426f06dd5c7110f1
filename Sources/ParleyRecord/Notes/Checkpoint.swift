// A transparency log checkpoint (c2sp.org/tlog-checkpoint): the note text
// `<origin>\n<tree size>\n<base64 root hash>\n[<extension line>\n]…`.
//
// Parley's logs are RFC 9162 SHA-256 Merkle trees, so the root is exactly 32 bytes. Parsing is
// strict: every accepted text has one form, and `Checkpoint(text: t).text == t`.

/// The signed statement of a log's size and root hash, as it appears in a note's text.
public struct Checkpoint: Sendable, Hashable, CustomStringConvertible {
    /// The log's identity, the first line (C2SP tlog-checkpoint §"Note text" 1).
    public let origin: String
    /// The number of leaves (§"Note text" 2).
    public let size: UInt64
    /// The RFC 9162 §2.1.1 Merkle tree hash of the first `size` leaves (§"Note text" 3).
    public let root: Hash
    /// Opaque, non-empty extension lines (§"Note text" 4); Parley writes none.
    public let extensions: [String]

    /// A checkpoint from its parts; each line must be non-empty and hold no newline or other
    /// control character, so that `text` is a valid note text.
    public init(origin: String, size: UInt64, root: Hash, extensions: [String] = []) throws(CheckpointError) {
        try Self.checkLine(origin, line: 1, what: "origin")
        for (i, line) in extensions.enumerated() { try Self.checkLine(line, line: 4 + i, what: "extension line") }
        self.origin = origin
        self.size = size
        self.root = root
        self.extensions = extensions
    }

    /// The note text: every line ends in a newline, including the last.
    public var text: String {
        var out = "\(origin)\n\(size)\n\(NoteBase64.encode(root.bytes))\n"
        for line in extensions { out += line + "\n" }
        return out
    }

    public var description: String { "\(origin) @ \(size) \(root.hex)" }

    private static func checkLine(_ line: String, line number: Int, what: String) throws(CheckpointError) {
        // C2SP tlog-checkpoint §"Note text": the origin and extension lines MUST be non-empty.
        guard !line.isEmpty else { throw .malformed(line: number, reason: "the \(what) is empty") }
        for byte in line.utf8 where byte < 0x20 {
            throw .malformed(line: number, reason: "the \(what) holds control character 0x\(HexCoding.encode([byte]))")
        }
    }
}

/// Why a checkpoint was refused.
public enum CheckpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The note text is not a strict C2SP checkpoint; `line` is 1-based.
    case malformed(line: Int, reason: String)
    /// The signed note around it could not be opened.
    case note(NoteError)
    /// The note opened (some trusted key signed it) but not by the log's key.
    case missingLogSignature(String)
    /// The checkpoint is for another log.
    case wrongOrigin(expected: String, found: String)
    /// The key given as the log's key is not a plain Ed25519 note key.
    case logKeyNotNoteKey(NoteKeyType)

    public var description: String {
        switch self {
        case .malformed(let line, let reason):
            "malformed checkpoint, line \(line): \(reason)"
        case .note(let error):
            error.description
        case .missingLogSignature(let key):
            "the checkpoint is not signed by the log key \(key)"
        case .wrongOrigin(let expected, let found):
            "checkpoint origin is \(found.debugDescription), expected \(expected.debugDescription)"
        case .logKeyNotNoteKey(let type):
            "the log key must be an Ed25519 note key (0x01), not an \(type) key"
        }
    }
}
