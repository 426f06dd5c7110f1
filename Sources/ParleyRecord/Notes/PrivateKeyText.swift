// Go's private note key text: `PRIVATE+KEY+<name>+<8 hex key ID>+<base64(type ‖ 32-byte seed)>`
// (golang.org/x/mod/sumdb/note `GenerateKey`), shared by note signers and cosigners.

struct PrivateKeyText {
    let name: String
    let keyID: UInt32
    let typeByte: UInt8
    let seed: [UInt8]

    init(_ text: String) throws(NoteKeyError) {
        // The base64 part may contain '+', so split off only the first four fields.
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY" else {
            throw .malformedText("want PRIVATE+KEY+<name>+<key ID>+<base64 key>")
        }
        try NoteKeyName.validate(parts[2])
        self.name = String(parts[2])
        self.keyID = try NoteKeyID.parse(parts[3])
        guard let material = NoteBase64.decode(parts[4].utf8) else { throw .invalidBase64 }
        guard let first = material.first else { throw .wrongKeyLength(expected: 32, actual: 0) }
        self.typeByte = first
        self.seed = Array(material.dropFirst())
    }

    static func format(name: String, keyID: UInt32, type: NoteKeyType, seed: [UInt8]) -> String {
        "PRIVATE+KEY+\(name)+\(NoteKeyID.hex(keyID))+\(NoteBase64.encode([type.rawValue] + seed))"
    }
}
