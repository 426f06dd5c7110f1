// Checkpoint text (C2SP tlog-checkpoint) against checkpoint_vectors.json, plus the strict rules.
import ParleyRecord
import Testing

@Suite struct CheckpointTests {
    @Test func formatVectorsProduceTheExactText() throws {
        let file = try CheckpointFile.load()
        #expect(file.format_vectors.count == 1)
        for v in file.format_vectors {
            let checkpoint = try Checkpoint(
                origin: v.origin,
                size: v.tree_size,
                root: try #require(Hash(hex: v.root_hex))
            )
            #expect(checkpoint.text == v.expected_text)
            #expect(try Checkpoint(text: v.expected_text) == checkpoint)
        }
    }

    /// "lenient-only" texts are accepted by transparency-dev/formats but break C2SP for a
    /// SHA-256 log (root not 32 bytes, empty extension lines): this parser must reject them.
    @Test(arguments: (try? CheckpointFile.load().parse_vectors) ?? [])
    func parseVectorIsRejectedUnlessValid(vector: CheckpointFile.Parse) throws {
        if vector.valid == .valid {
            _ = try Checkpoint(text: vector.text)
        } else {
            #expect(throws: CheckpointError.self) { try Checkpoint(text: vector.text) }
        }
    }

    @Test func allTwelveParseVectorsAreLoaded() throws {
        let vectors = try CheckpointFile.load().parse_vectors
        #expect(vectors.count == 12)
        #expect(vectors.filter { $0.valid == .lenientOnly }.count == 3)
    }

    @Test func strictRulesOnSizeRootAndLines() throws {
        let root = "TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0="
        #expect(try Checkpoint(text: "o\n0\n\(root)\n").size == 0)
        #expect(try Checkpoint(text: "o\n18446744073709551615\n\(root)\n").size == UInt64.max)
        #expect(throws: CheckpointError.malformed(line: 2, reason: "the tree size exceeds 2^64 - 1")) {
            try Checkpoint(text: "o\n18446744073709551616\n\(root)\n")
        }
        #expect(throws: CheckpointError.malformed(line: 2, reason: "the tree size has a leading zero")) {
            try Checkpoint(text: "o\n007\n\(root)\n")
        }
        #expect(throws: CheckpointError.self) { try Checkpoint(text: "o\n+7\n\(root)\n") }
        #expect(throws: CheckpointError.self) { try Checkpoint(text: "o\n\n\(root)\n") }
        // Non-canonical base64: the unused low bits of the last symbol are not zero.
        #expect(throws: CheckpointError.malformed(line: 3, reason: "the root hash is not canonical standard base64")) {
            try Checkpoint(text: "o\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb1=\n")
        }
        #expect(throws: CheckpointError.self) { try Checkpoint(text: "o\n1\n\(root)\nextension\n\n") }
        #expect(throws: CheckpointError.self) { try Checkpoint(text: "o\u{1}\n1\n\(root)\n") }
        #expect(throws: CheckpointError.self) { try Checkpoint(text: "o\r\n1\n\(root)\n") }
        let withExtensions = try Checkpoint(text: "o\n1\n\(root)\nfirst\nsecond line\n")
        #expect(withExtensions.extensions == ["first", "second line"])
        #expect(withExtensions.text == "o\n1\n\(root)\nfirst\nsecond line\n")
    }

    @Test func constructorRefusesLinesThatWouldBreakTheText() throws {
        #expect(throws: CheckpointError.self) { try Checkpoint(origin: "", size: 1, root: .zero) }
        #expect(throws: CheckpointError.self) { try Checkpoint(origin: "a\nb", size: 1, root: .zero) }
        #expect(throws: CheckpointError.self) { try Checkpoint(origin: "a", size: 1, root: .zero, extensions: [""]) }
    }

    @Test func signAndOpenWithTheLogKey() throws {
        let log = try NoteSigner(name: "parley.example/log", seed: [UInt8](repeating: 1, count: 32))
        let checkpoint = try Checkpoint(
            origin: "parley.example/log",
            size: 42,
            root: try #require(Hash(hex: String(repeating: "ab", count: 32)))
        )
        let note = checkpoint.sign(with: log)
        #expect(note.hasPrefix(checkpoint.text + "\n\u{2014} parley.example/log "))
        let opened = try Checkpoint.open(note, logKey: log.verifier, origin: "parley.example/log")
        #expect(opened.checkpoint == checkpoint)
        #expect(opened.cosignatures.isEmpty)

        #expect(throws: CheckpointError.wrongOrigin(expected: "other", found: "parley.example/log")) {
            try Checkpoint.open(note, logKey: log.verifier, origin: "other")
        }
        let stranger = try NoteSigner(name: "parley.example/log", seed: [UInt8](repeating: 2, count: 32))
        #expect(throws: CheckpointError.self) { try Checkpoint.open(note, logKey: stranger.verifier) }
        let cosigner = try CosignatureSigner(name: "party", seed: [UInt8](repeating: 1, count: 32))
        #expect(throws: CheckpointError.logKeyNotNoteKey(.cosignatureV1)) {
            try Checkpoint.open(note, logKey: cosigner.verifier)
        }
        // A note signed only by a cosigner, not by the log, is refused.
        let onlyCosigned = checkpoint.text + "\n" + (try cosigner.cosign(checkpoint, timestamp: 9))
        #expect(throws: CheckpointError.missingLogSignature(log.verifier.text)) {
            try Checkpoint.open(onlyCosigned, logKey: log.verifier, cosigners: [cosigner.verifier])
        }
        // A log that signs a malformed body is still refused.
        let badBody = try SignedNote.sign(text: "parley.example/log\n042\n\(Hash.zero.base64)\n", signers: [log])
        #expect(throws: CheckpointError.malformed(line: 2, reason: "the tree size has a leading zero")) {
            try Checkpoint.open(badBody, logKey: log.verifier)
        }
    }
}
