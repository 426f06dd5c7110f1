// Reading a C2SP signed note into its text and signature lines, without judging any signature.

/// A well-formed note: its text and its signature lines, none of them verified.
/// Its text MUST be ignored until `SignedNote.open` has verified a trusted signature.
public struct ParsedNote: Sendable, Hashable {
    /// The note text, with its final newline, without the separating blank line.
    public let text: String
    /// The signature lines in order of appearance.
    public let signatures: [NoteSignature]
}

extension SignedNote {
    /// Splits a note into text and signature lines, enforcing every format rule of C2SP
    /// signed-note §"Format" and the limit of `maxSignatures` lines. Verifies nothing.
    public static func parse(_ note: some Collection<UInt8>) throws(NoteError) -> ParsedNote {
        let bytes = Array(note)
        try checkCharacters(bytes)

        // The text is separated from the signatures by the LAST blank line; the text may
        // itself contain blank lines.
        guard let split = lastBlankLine(bytes) else {
            throw .malformed("no blank line separates the text from signature lines")
        }
        let text = bytes[..<(split + 1)]
        let block = bytes[(split + 2)...]
        guard !block.isEmpty else { throw .malformed("no signature lines after the last blank line") }
        guard block.last == 0x0a else { throw .malformed("the last signature line does not end in a newline") }

        let textLines = text.reduce(1) { $1 == 0x0a ? $0 + 1 : $0 }  // line number of the blank line
        var signatures: [NoteSignature] = []
        var lineStart = block.startIndex
        while lineStart < block.endIndex {
            let lineEnd = block[lineStart...].firstIndex(of: 0x0a)!  // the block ends in a newline
            // Not in C2SP, which only asks verifiers for some limit of at least 16: we take Go's 100.
            guard signatures.count < maxSignatures else {
                throw .malformed("more than \(maxSignatures) signature lines")
            }
            switch SignatureLine.parse(block[lineStart..<lineEnd]) {
            case .success(let signature): signatures.append(signature)
            case .failure(let error):
                throw .malformed("line \(textLines + signatures.count + 1) (byte \(lineStart)) \(error.reason)")
            }
            lineStart = lineEnd + 1
        }
        return ParsedNote(text: String(decoding: text, as: UTF8.self), signatures: signatures)
    }

    /// Parses the UTF-8 bytes of `note`.
    public static func parse(_ note: String) throws(NoteError) -> ParsedNote {
        try parse(Array(note.utf8))
    }

    /// C2SP signed-note §"Format": notes "MUST be valid UTF-8 and MUST NOT contain any ASCII
    /// control characters (those below U+0020) other than newline".
    static func checkCharacters(_ bytes: [UInt8]) throws(NoteError) {
        if let bad = firstBadCharacter(bytes) { throw .malformed("\(bad.reason) at byte \(bad.offset)") }
    }

    /// The first invalid UTF-8 sequence or control character other than newline.
    static func firstBadCharacter(_ bytes: [UInt8]) -> (offset: Int, reason: String)? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value < 0x20 && scalar.value != 0x0a {
                    return (offset, "control character 0x\(HexCoding.encode([UInt8(scalar.value)]))")
                }
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return (offset, "invalid UTF-8")
            }
        }
    }

    /// The index of the first newline of the last "\n\n" pair.
    private static func lastBlankLine(_ bytes: [UInt8]) -> Int? {
        var i = bytes.count - 1
        while i > 0 {
            if bytes[i] == 0x0a && bytes[i - 1] == 0x0a { return i - 1 }
            i -= 1
        }
        return nil
    }
}
