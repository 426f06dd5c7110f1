// Every note of signed_note_vectors.json opens, or fails in the class `expect` names
// (C2SP signed-note, tlog-checkpoint, tlog-cosignature; golang/mod, transparency-dev/formats,
// sigsum-go examples).
import ParleyRecord
import Testing

@Suite struct SignedNoteVectorTests {
    static let vectors: [SignedNoteFile.Vector] = (try? SignedNoteFile.load().notes) ?? []

    @Test func allTwentyFourNotesAreLoaded() {
        #expect(Self.vectors.count == 24)
    }

    @Test(arguments: vectors)
    func noteOpensOrFailsAsExpected(vector: SignedNoteFile.Vector) throws {
        let keys = try KeysFile.load()
        let verifiers = try vector.verifier_vkeys.map { try keys.verifier($0) }
        let expect = vector.expect
        if expect.valid {
            let opened = try SignedNote.open(vector.bytes, verifiers: verifiers)
            #expect(opened.verified.map(\.name) == expect.verified)
            if let text = expect.text { #expect(opened.text == text) }
            #expect(Self.describe(opened.unverified) == (expect.unverified ?? []))
            if let checkpoint = expect.checkpoint {
                let parsed = try Checkpoint(text: opened.text)
                #expect(parsed.origin == checkpoint.origin)
                #expect(parsed.size == checkpoint.tree_size)
                #expect(parsed.root.hex == checkpoint.root_hex)
                #expect(parsed.text == opened.text)
                let viaLog = try Checkpoint.open(vector.bytes, logKey: verifiers[0], origin: checkpoint.origin)
                #expect(viaLog.checkpoint == parsed)
            }
            if expect.deterministic_resign == true {
                let seed = try #require(keys.seed_keys["seed17-log"])
                let signer = try NoteSigner(name: seed.name, seed: NoteFixtures.bytes(hex: seed.seed_hex))
                #expect(Array(try SignedNote.sign(text: opened.text, signers: [signer]).utf8) == vector.bytes)
            }
            return
        }

        let error = try #require(throws: NoteError.self) { try SignedNote.open(vector.bytes, verifiers: verifiers) }
        let expected = try #require(expect.error)
        switch error {
        case .malformed:
            #expect(expected.hasPrefix("malformed note"), "got \(error)")
        case .invalidSignature(let name, _, _):
            #expect(expected.hasPrefix("invalid signature"), "got \(error)")
            #expect(expected.contains(name))
        case .noKnownSignature(let unverified):
            #expect(!expected.hasPrefix("malformed") && !expected.hasPrefix("invalid signature"), "got \(error)")
            if let want = expect.unverified { #expect(Self.describe(unverified) == want) }
        default:
            Issue.record("unexpected error \(error)")
        }
        // Parse-only vectors: the text is still separated correctly.
        if let text = expect.text { #expect(try SignedNote.parse(vector.bytes).text == text) }
    }

    @Test func textEndsAtTheLastBlankLine() throws {
        let quasimodo = try #require(Self.vectors.first { $0.id == "c2sp-signed-note-quasimodo" })
        let parsed = try SignedNote.parse(quasimodo.bytes)
        #expect(parsed.text.contains("\n\ned è subito sera.\n"))
        #expect(parsed.signatures.count == 1)
    }

    @Test func rejectsTheHundredAndFirstSignatureButAcceptsAHundred() throws {
        let tooMany = try #require(Self.vectors.first { $0.id == "gomod-too-many-signatures" })
        let parsed = tooMany.bytes
        // Drop one line: 100 identical known signatures open (listed once).
        var lines = String(decoding: parsed, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: lines.count - 2)
        let hundred = lines.joined(separator: "\n")
        let keys = try KeysFile.load()
        let peter = try keys.verifier(tooMany.verifier_vkeys[0])
        #expect(try SignedNote.parse(hundred).signatures.count == 100)
        #expect(try SignedNote.open(hundred, verifiers: [peter]).verified.map(\.name) == ["PeterNeumann"])
        #expect(throws: NoteError.malformed("more than 100 signature lines")) { try SignedNote.parse(parsed) }
    }

    static func describe(_ signatures: [NoteSignature]) -> [SignedNoteFile.Unverified] {
        signatures.map { .init(name: $0.name, key_id: $0.keyIDHex, cosignature_timestamp: $0.cosignatureTimestamp) }
    }
}
