// Properties of signing and opening: several signers, tampering anywhere, appending signatures.
import Foundation
import ParleyRecord
import Testing

@Suite struct SignedNotePropertyTests {
    let alice: NoteSigner
    let bob: NoteSigner
    let text = "parley.example/log\n7\n\(Hash.zero.base64)\n"

    init() throws {
        alice = try NoteSigner(name: "alice.example", seed: [UInt8](repeating: 0xa1, count: 32))
        bob = try NoteSigner(name: "bob.example", seed: [UInt8](repeating: 0xb0, count: 32))
    }

    @Test func noteSignedByTwoVerifiesUnderEach() throws {
        let note = try SignedNote.sign(text: text, signers: [alice, bob])
        let byAlice = try SignedNote.open(note, verifiers: [alice.verifier])
        #expect(byAlice.verified.map(\.name) == ["alice.example"])
        #expect(byAlice.unverified.map(\.name) == ["bob.example"])
        #expect(byAlice.text == text)
        let byBob = try SignedNote.open(note, verifiers: [bob.verifier])
        #expect(byBob.verified.map(\.name) == ["bob.example"])
        #expect(byBob.unverified.map(\.keyID) == [alice.keyID])
        // Order of verified is the order of the lines, not of the verifier list.
        let byBoth = try SignedNote.open(note, verifiers: [bob.verifier, alice.verifier])
        #expect(byBoth.verified.map(\.name) == ["alice.example", "bob.example"])
        #expect(byBoth.unverified.isEmpty)
    }

    @Test func flippingAnyBitAnywhereFails() throws {
        let note = Array(try SignedNote.sign(text: text, signers: [alice]).utf8)
        _ = try SignedNote.open(note, verifiers: [alice.verifier])
        var survivors: [Int] = []
        for index in note.indices {
            for bit in 0..<8 {
                var tampered = note
                tampered[index] ^= 1 << bit
                if (try? SignedNote.open(tampered, verifiers: [alice.verifier])) != nil { survivors.append(index) }
            }
        }
        #expect(survivors.isEmpty, "tampered bytes that still opened: \(survivors)")
    }

    @Test func tamperedTextFailsWithInvalidSignature() throws {
        let note = try SignedNote.sign(text: text, signers: [alice, bob])
        let tampered = note.replacingFirst("\n7\n", with: "\n8\n")
        #expect(
            throws: NoteError.invalidSignature(
                name: "alice.example",
                keyID: alice.keyID,
                reason: "Ed25519 verification failed"
            )
        ) {
            try SignedNote.open(tampered, verifiers: [alice.verifier, bob.verifier])
        }
    }

    @Test func oneFailingKnownSignatureRejectsTheWholeNote() throws {
        let good = try SignedNote.sign(text: text, signers: [alice])
        let bobOverOtherText = bob.signatureLine(text: Array("other\n".utf8))
        let mixed = try SignedNote.addingSignatureLines([bobOverOtherText], to: good)
        #expect(
            throws: NoteError.invalidSignature(
                name: "bob.example",
                keyID: bob.keyID,
                reason: "Ed25519 verification failed"
            )
        ) {
            try SignedNote.open(mixed, verifiers: [alice.verifier, bob.verifier])
        }
        // Unknown to the verifier list, the same bad line is ignored.
        #expect(try SignedNote.open(mixed, verifiers: [alice.verifier]).unverified.map(\.name) == ["bob.example"])
    }

    @Test func addingACosignatureKeepsEveryEarlierByte() throws {
        let checkpoint = try Checkpoint(origin: "parley.example/log", size: 7, root: .zero)
        let signed = checkpoint.sign(with: alice)
        let us = try CosignatureSigner(name: "usa.example/cosigner", seed: [UInt8](repeating: 1, count: 32))
        let ru = try CosignatureSigner(name: "rus.example/cosigner", seed: [UInt8](repeating: 2, count: 32))
        let once = try us.cosign(note: signed, logKey: alice.verifier, timestamp: 1_739_870_000)
        let twice = try ru.cosign(note: once, logKey: alice.verifier, timestamp: 1_739_870_060)
        #expect(Array(once.utf8).starts(with: Array(signed.utf8)))
        #expect(Array(twice.utf8).starts(with: Array(once.utf8)))
        let opened = try Checkpoint.open(twice, logKey: alice.verifier, cosigners: [ru.verifier, us.verifier])
        #expect(opened.cosignatures.map(\.name) == ["usa.example/cosigner", "rus.example/cosigner"])
        #expect(opened.cosignatures.map(\.timestamp) == [1_739_870_000, 1_739_870_060])
        // Opening with only the log key leaves the cosignatures unverified but listed.
        let logOnly = try Checkpoint.open(twice, logKey: alice.verifier)
        #expect(logOnly.cosignatures.isEmpty)
        #expect(logOnly.note.unverified.compactMap(\.cosignatureTimestamp) == [1_739_870_000, 1_739_870_060])
        // Appending a line already present changes nothing.
        let line = try us.cosign(checkpoint, timestamp: 1_739_870_000)
        #expect(try SignedNote.addingSignatureLines([line], to: twice) == twice)
    }

    @Test func addingSignaturesOfAnotherSigner() throws {
        let note = try SignedNote.sign(text: text, signers: [alice])
        let both = try SignedNote.addingSignatures(of: [bob], to: note)
        #expect(both == (try SignedNote.sign(text: text, signers: [alice, bob])))
        #expect(throws: NoteError.self) { try SignedNote.addingSignatureLines(["not a signature"], to: note) }
        #expect(throws: NoteError.self) {
            try SignedNote.addingSignatureLines([bob.signatureLine(text: Array(text.utf8))], to: text)
        }
    }

    @Test func signingRefusesTextsThatCannotBeNotes() throws {
        #expect(throws: NoteError.invalidText("the text must end with a newline")) {
            try SignedNote.sign(text: "no newline", signers: [alice])
        }
        #expect(throws: NoteError.invalidText("the text must end with a newline")) {
            try SignedNote.sign(text: "", signers: [alice])
        }
        #expect(throws: NoteError.invalidText("control character 0x09 at byte 1")) {
            try SignedNote.sign(text: "a\tb\n", signers: [alice])
        }
        #expect(throws: NoteError.self) { try SignedNote.sign(text: "a\n", signers: []) }
        // A text with blank lines inside (even at its end) round-trips: the last blank line splits.
        for tricky in ["a\n\nb\n", "a\n\n", "\n", "— looks like a signature\n"] {
            let note = try SignedNote.sign(text: tricky, signers: [alice])
            #expect(try SignedNote.open(note, verifiers: [alice.verifier]).text == tricky)
        }
    }

    @Test func sixteenSignaturesAreAccepted() throws {
        let signers = try (0..<16).map {
            try NoteSigner(name: "k\($0)", seed: [UInt8](repeating: UInt8($0), count: 32))
        }
        let note = try SignedNote.sign(text: text, signers: signers)
        #expect(try SignedNote.open(note, verifiers: signers.map(\.verifier)).verified.count == 16)
    }

    @Test func identicalVerifierListedTwiceVerifiesOnce() throws {
        let note = try SignedNote.sign(text: text, signers: [alice])
        #expect(try SignedNote.open(note, verifiers: [alice.verifier, alice.verifier]).verified.count == 1)
    }

    @Test func malformedErrorsNameTheLine() throws {
        let note = try SignedNote.sign(text: text, signers: [alice]) + "Unexpected line.\n"
        let error = try #require(throws: NoteError.self) { try SignedNote.open(note, verifiers: [alice.verifier]) }
        #expect(error.description.hasPrefix("malformed note: line 6 "), "\(error)")
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
