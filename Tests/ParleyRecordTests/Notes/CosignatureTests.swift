// cosignature/v1 (C2SP tlog-cosignature) against cosignature_vectors.json, and the rule that
// cosignature keys and plain note keys never stand in for each other.
import ParleyRecord
import Testing

@Suite struct CosignatureTests {
    @Test func sigsumVectorReproducesMessageAndSignature() throws {
        let v = try CosignatureFile.load().vector("sigsum-cosig-seed17-ts1234")
        let checkpointText = try #require(v.checkpoint_text)
        let cosigner = try CosignatureSigner(
            name: try #require(v.cosigner_name),
            seed: NoteFixtures.bytes(hex: try #require(v.cosigner_seed_hex))
        )
        #expect(cosigner.verifier.keyIDHex == "cacf2e50")
        #expect(
            CosignatureV1.message(checkpointText: Array(checkpointText.utf8), timestamp: 1234)
                == Array(try #require(v.expected_signed_message).utf8)
        )
        // Ed25519 is deterministic: the published valid line is reproduced exactly.
        let lines = try #require(v.lines)
        #expect(try cosigner.cosign(checkpointText: checkpointText, timestamp: 1234) == lines[1] + "\n")
    }

    @Test func sigsumVectorLinesAreJudgedOneByOne() throws {
        let v = try CosignatureFile.load().vector("sigsum-cosig-seed17-ts1234")
        let checkpointText = try #require(v.checkpoint_text)
        let lines = try #require(v.lines)
        let cosigner = try CosignatureSigner(
            name: try #require(v.cosigner_name),
            seed: NoteFixtures.bytes(hex: try #require(v.cosigner_seed_hex))
        ).verifier
        func open(_ line: String) throws(NoteError) -> OpenedNote {
            try SignedNote.open(checkpointText + "\n" + line + "\n", verifiers: [cosigner])
        }
        // 0: key ID c97f2e50 is not the cosigner's, so the line is ignored.
        let wrongID = try #require(throws: NoteError.self) { try open(lines[0]) }
        guard case .noKnownSignature(let unknown) = wrongID else {
            Issue.record("got \(wrongID)")
            return
        }
        #expect(unknown.map(\.keyIDHex) == ["c97f2e50"])
        // 1: valid, timestamp 1234.
        let valid = try open(lines[1])
        #expect(valid.verified.map(\.keyID) == [0xcacf_2e50])
        #expect(valid.verified.map(\.timestamp) == [1234])
        // 2: another name: ignored.
        #expect(
            throws: NoteError.noKnownSignature(
                unverified: try SignedNote.parse(checkpointText + "\n" + lines[2] + "\n").signatures
            )
        ) {
            try open(lines[2])
        }
        // 3: the cosigner's name and key ID with a 74-byte signature: a known key's signature
        // that cannot verify, so the whole note is refused.
        let wrongSize = try #require(throws: NoteError.self) { try open(lines[3]) }
        guard case .invalidSignature(_, let keyID, _) = wrongSize else {
            Issue.record("got \(wrongSize)")
            return
        }
        #expect(keyID == 0xcacf_2e50)
    }

    @Test func checkpointOpenReportsWhoCosignedAndWhen() throws {
        let v = try CosignatureFile.load().vector("sigsum-cosig-seed17-ts1234")
        let checkpointText = try #require(v.checkpoint_text)
        let cosigner = try CosignatureSigner(
            name: try #require(v.cosigner_name),
            seed: NoteFixtures.bytes(hex: try #require(v.cosigner_seed_hex))
        )
        let log = try NoteSigner(name: "example.org/log", seed: [UInt8](repeating: 3, count: 32))
        let signed = try SignedNote.sign(text: checkpointText, signers: [log])
        let cosigned = try cosigner.cosign(note: signed, logKey: log.verifier, timestamp: 1234)
        let opened = try Checkpoint.open(cosigned, logKey: log.verifier, cosigners: [cosigner.verifier])
        #expect(opened.cosignatures.map(\.name) == ["example.org/witness"])
        #expect(opened.cosignatures.map(\.timestamp) == [1234])
        #expect(opened.checkpoint.size == 10)
        let line = try SignedNote.parse(cosigned).signatures[1]
        #expect(cosigner.verifier.verifyCosignature(line.signature, checkpointText: Array(checkpointText.utf8)) == 1234)
        #expect(log.verifier.verifyCosignature(line.signature, checkpointText: Array(checkpointText.utf8)) == nil)
    }

    @Test func formatsTimestampVectors() throws {
        let file = try CosignatureFile.load()
        let good = NoteFixtures.base64(try #require(try file.vector("formats-cosig-timestamp").signature_b64))
        #expect(good.count == CosignatureV1.payloadSize)
        #expect(CosignatureV1.timestamp(fromPayload: good) == 1_727_964_367)
        let plain = NoteFixtures.base64(
            try #require(try file.vector("formats-cosig-timestamp-wrong-type").signature_b64)
        )
        #expect(plain.count == 68)
        #expect(CosignatureV1.timestamp(fromPayload: plain) == nil)
    }

    @Test func c2spWitnessLineParsesToKeyIDAndTimestamp() throws {
        let line = try #require(try CosignatureFile.load().vector("c2sp-cosig-example-witness-line").signature_line)
        let parsed = try SignedNote.parse(
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n" + line + "\n"
        )
        let signature = try #require(parsed.signatures.first)
        #expect(signature.name == "witness.example.com/w1")
        #expect(signature.keyIDHex == "8d66cf3f")
        #expect(signature.cosignatureTimestamp == 1_679_315_147)
        #expect(signature.line == line + "\n")
    }

    @Test func cosignatureKeyNeverVerifiesAPlainSignatureNorTheReverse() throws {
        let seed = [UInt8](repeating: 0x42, count: 32)
        let plain = try NoteSigner(name: "party.example", seed: seed)
        let cosigner = try CosignatureSigner(name: "party.example", seed: seed)
        let text = "party.example/log\n1\n" + Hash.zero.base64 + "\n"
        let plainNote = try SignedNote.sign(text: text, signers: [plain])
        let cosignedNote = text + "\n" + (try cosigner.cosign(checkpointText: text, timestamp: 7))

        // Different key IDs: each kind of line is simply unknown to the other kind of key.
        #expect(throws: NoteError.self) { try SignedNote.open(plainNote, verifiers: [cosigner.verifier]) }
        #expect(throws: NoteError.self) { try SignedNote.open(cosignedNote, verifiers: [plain.verifier]) }

        // Relabelled with the other key's ID, the signatures are known and fail.
        let plainSig = try SignedNote.parse(plainNote).signatures[0]
        let relabelled = NoteSignature(name: plainSig.name, keyID: cosigner.keyID, signature: plainSig.signature)
        #expect(
            throws: NoteError.invalidSignature(
                name: "party.example",
                keyID: cosigner.keyID,
                reason: "cosignature is 64 bytes, want 72"
            )
        ) {
            try SignedNote.open(text + "\n" + relabelled.line, verifiers: [cosigner.verifier])
        }
        let cosig = try SignedNote.parse(cosignedNote).signatures[0]
        let relabelledCosig = NoteSignature(name: cosig.name, keyID: plain.keyID, signature: cosig.signature)
        #expect(
            throws: NoteError.invalidSignature(
                name: "party.example",
                keyID: plain.keyID,
                reason: "signature is 72 bytes, want 64"
            )
        ) {
            try SignedNote.open(text + "\n" + relabelledCosig.line, verifiers: [plain.verifier])
        }
        // Even the right length: a plain Ed25519 signature of the bare text is not a cosignature.
        let forged = NoteSignature(
            name: "party.example",
            keyID: cosigner.keyID,
            signature: [0, 0, 0, 0, 0, 0, 0, 7] + plain.sign(Array(text.utf8))
        )
        #expect(throws: NoteError.self) {
            try SignedNote.open(text + "\n" + forged.line, verifiers: [cosigner.verifier])
        }
    }

    @Test func timestampsAboveTwoToTheSixtyThreeAreRefused() throws {
        let seed = [UInt8](repeating: 5, count: 32)
        let cosigner = try CosignatureSigner(name: "w", seed: seed)
        let text = "log\n1\n" + Hash.zero.base64 + "\n"
        #expect(throws: CosignError.timestampOutOfRange(1 << 63)) {
            try cosigner.cosign(checkpointText: text, timestamp: 1 << 63)
        }
        #expect(try cosigner.cosign(checkpointText: text, timestamp: UInt64(Int64.max)).hasPrefix("\u{2014} w "))
        // A correctly signed cosignature whose timestamp is 2^63 still fails verification.
        let sameKey = try NoteSigner(name: "w", seed: seed)
        let t: UInt64 = 1 << 63
        let signature = sameKey.sign(CosignatureV1.message(checkpointText: Array(text.utf8), timestamp: t))
        let timestampBytes = (0..<8).map { UInt8(t >> (56 - 8 * UInt64($0)) & 0xff) }
        let line = NoteSignature(name: "w", keyID: cosigner.keyID, signature: timestampBytes + signature).line
        #expect(
            throws: NoteError.invalidSignature(
                name: "w",
                keyID: cosigner.keyID,
                reason: "timestamp 9223372036854775808 exceeds 2^63 - 1"
            )
        ) {
            try SignedNote.open(text + "\n" + line, verifiers: [cosigner.verifier])
        }
    }

    @Test func cosigningRequiresAValidCheckpointAndTheLogSignature() throws {
        let cosigner = try CosignatureSigner(name: "w", seed: [UInt8](repeating: 5, count: 32))
        #expect(throws: CosignError.self) { try cosigner.cosign(checkpointText: "not a checkpoint\n", timestamp: 1) }
        let log = try NoteSigner(name: "log", seed: [UInt8](repeating: 6, count: 32))
        let other = try NoteSigner(name: "log", seed: [UInt8](repeating: 7, count: 32))
        let note = try Checkpoint(origin: "log", size: 1, root: .zero).sign(with: other)
        #expect(throws: CosignError.self) { try cosigner.cosign(note: note, logKey: log.verifier, timestamp: 1) }
    }
}
