// C2SP signed notes (c2sp.org/signed-note): text ending in a newline, a blank line, then one or
// more lines `— <key name> <base64(key ID ‖ signature)>`.
//
// Parsing is in SignedNote+Parse.swift, verification in SignedNote+Open.swift.

/// Making, reading and verifying C2SP signed notes.
public enum SignedNote {
    /// The most signature lines a note may carry. C2SP signed-note §"Format" asks verifiers to
    /// apply a limit and to accept at least 16; this is golang.org/x/mod/sumdb/note's limit.
    public static let maxSignatures = 100

    /// Signs `text` with each signer, in order: `text`, a blank line, one signature line each.
    ///
    /// The text must end in a newline and hold no control character other than newline
    /// (C2SP signed-note §"Format").
    public static func sign(text: String, signers: [NoteSigner]) throws(NoteError) -> String {
        let bytes = Array(text.utf8)
        try checkText(bytes)
        guard !signers.isEmpty else { throw .invalidText("no signers given: a note needs at least one signature") }
        guard signers.count <= maxSignatures else { throw .invalidText("more than \(maxSignatures) signers") }
        var note = text + "\n"
        for signer in signers { note += signer.signatureLine(text: bytes) }
        return note
    }

    /// Appends signature lines to a well-formed note, keeping every existing byte as it is.
    /// Each line is `— <name> <base64>` with or without its final newline; a line that is
    /// already in the note is not added twice.
    public static func addingSignatureLines(_ lines: [String], to note: String) throws(NoteError) -> String {
        let existing = try parse(note)
        var present = Set(existing.signatures)
        var result = note
        var count = existing.signatures.count
        for line in lines {
            var bytes = Array(line.utf8)
            if bytes.last == 0x0a { bytes.removeLast() }
            if bytes.contains(0x0a) { throw .malformed("a signature line to add holds a newline inside it") }
            let signature: NoteSignature
            switch SignatureLine.parse(bytes[...]) {
            case .success(let s): signature = s
            case .failure(let error): throw .malformed("the signature line to add \(error.reason)")
            }
            guard present.insert(signature).inserted else { continue }
            count += 1
            guard count <= maxSignatures else { throw .malformed("more than \(maxSignatures) signature lines") }
            result += signature.line
        }
        return result
    }

    /// Adds each signer's signature of the note's text to an existing note (e.g. a second log key).
    public static func addingSignatures(of signers: [NoteSigner], to note: String) throws(NoteError) -> String {
        let text = Array(try parse(note).text.utf8)
        return try addingSignatureLines(signers.map { $0.signatureLine(text: text) }, to: note)
    }

    /// C2SP signed-note §"Format": the text ends in a newline; no control characters but newline.
    static func checkText(_ bytes: [UInt8]) throws(NoteError) {
        guard bytes.last == 0x0a else { throw .invalidText("the text must end with a newline") }
        for (offset, byte) in bytes.enumerated() where byte < 0x20 && byte != 0x0a {
            throw .invalidText("control character 0x\(HexCoding.encode([byte])) at byte \(offset)")
        }
    }
}
