// Strict parsing of checkpoint note text (C2SP tlog-checkpoint §"Note text").

extension Checkpoint {
    /// Parses a checkpoint's note text (no blank line, no signatures).
    ///
    /// Refuses: a missing final newline, fewer than three lines, an empty origin, a size that is
    /// not plain decimal (sign, hex, leading zeros) or exceeds 2^64 − 1, a root that is not
    /// canonical base64 of exactly 32 bytes, an empty extension line, control characters.
    public init(text: some Collection<UInt8>) throws(CheckpointError) {
        let bytes = Array(text)
        if let bad = SignedNote.firstBadCharacter(bytes) {
            let line = bytes.prefix(bad.offset).reduce(1) { $1 == 0x0a ? $0 + 1 : $0 }
            throw .malformed(line: line, reason: "\(bad.reason) at byte \(bad.offset)")
        }
        // "a sequence of at least three non-empty lines, separated by newlines"; as a note text
        // it ends in a newline.
        guard bytes.last == 0x0a else { throw .malformed(line: 0, reason: "the text does not end in a newline") }
        let lines = bytes.dropLast().split(separator: 0x0a, omittingEmptySubsequences: false)
        guard lines.count >= 3 else {
            throw .malformed(line: lines.count, reason: "a checkpoint has at least three lines, found \(lines.count)")
        }
        // §"Note text" 1: "The origin MUST be non-empty".
        guard !lines[0].isEmpty else { throw .malformed(line: 1, reason: "the origin is empty") }
        let size = try Self.parseSize(lines[1])
        // §"Note text" 3: base64 of the RFC 6962 root; 32 bytes for a SHA-256 log.
        guard let rootBytes = NoteBase64.decode(lines[2]) else {
            throw .malformed(line: 3, reason: "the root hash is not canonical standard base64")
        }
        guard let root = Hash(bytes: rootBytes) else {
            throw .malformed(line: 3, reason: "the root hash is \(rootBytes.count) bytes, want 32 (SHA-256)")
        }
        // §"Note text" 4: "Extension lines, if any, MUST be non-empty."
        for (i, line) in lines.dropFirst(3).enumerated() where line.isEmpty {
            throw .malformed(line: 4 + i, reason: "extension lines must not be empty")
        }
        try self.init(
            origin: String(decoding: lines[0], as: UTF8.self),
            size: size,
            root: root,
            extensions: lines.dropFirst(3).map { String(decoding: $0, as: UTF8.self) }
        )
    }

    /// Parses the UTF-8 bytes of `text`.
    public init(text: String) throws(CheckpointError) {
        try self.init(text: Array(text.utf8))
    }

    /// §"Note text" 2: "ASCII decimal ... with no leading zeroes (unless the tree is empty)".
    private static func parseSize(_ digits: ArraySlice<UInt8>) throws(CheckpointError) -> UInt64 {
        guard !digits.isEmpty else { throw .malformed(line: 2, reason: "the tree size is empty") }
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else {
            throw .malformed(line: 2, reason: "the tree size has a leading zero")
        }
        var value: UInt64 = 0
        for c in digits {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else {
                throw .malformed(line: 2, reason: "the tree size is not a decimal number")
            }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(c - UInt8(ascii: "0")))
            guard !o1, !o2 else { throw .malformed(line: 2, reason: "the tree size exceeds 2^64 - 1") }
            value = sum
        }
        return value
    }
}
