import Foundation
import ParleyRecord
import Testing

@Suite struct KeyAndNoteCommandTests {
    let dir: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    @Test func keyGenerateWritesSecretFileAndPrintsVerifier() throws {
        let keyPath = dir.appendingPathComponent("log.key").path
        let result = try CLIRunner.run(["key", "generate", "parley.example.org/log", "--out", keyPath])
        #expect(result.status == 0, "\(result.stderr)")
        let vkey = try NoteVerifier(text: result.stdout.trimmingCharacters(in: .newlines))
        #expect(vkey.name == "parley.example.org/log")
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let signer = try NoteSigner(
            text: String(decoding: FileManager.default.contents(atPath: keyPath)!, as: UTF8.self)
                .trimmingCharacters(in: .newlines)
        )
        #expect(signer.verifier == vkey)
    }

    @Test func keyGenerateRefusesToOverwrite() throws {
        let keyPath = dir.appendingPathComponent("once.key").path
        #expect(try CLIRunner.run(["key", "generate", "a.example", "--out", keyPath]).status == 0)
        let before = FileManager.default.contents(atPath: keyPath)
        let again = try CLIRunner.run(["key", "generate", "a.example", "--out", keyPath])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
        #expect(FileManager.default.contents(atPath: keyPath) == before)
    }

    @Test func keyGenerateRejectsBadName() throws {
        let result = try CLIRunner.run(["key", "generate", "bad name", "--out", dir.appendingPathComponent("x").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad name"))
    }

    @Test func keyVerifierPrintsPublicHalf() throws {
        let keyPath = dir.appendingPathComponent("c.key").path
        let made = try CLIRunner.run(["key", "generate", "us.example/cosigner", "--cosigner", "--out", keyPath])
        #expect(made.status == 0)
        let shown = try CLIRunner.run(["key", "verifier", keyPath])
        #expect(shown.status == 0)
        #expect(shown.stdout == made.stdout)
        #expect(try NoteVerifier(text: made.stdout.trimmingCharacters(in: .newlines)).type == .cosignatureV1)
    }

    @Test func noteVerifyAcceptsOnlyTheSigningKey() throws {
        let signer = try NoteSigner.generate(name: "log.example")
        let other = try NoteSigner.generate(name: "log.example")
        let note = try SignedNote.sign(
            text: "log.example\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
            signers: [signer]
        )

        let good = try CLIRunner.run(["note", "verify", "--key", signer.verifier.text], stdin: Data(note.utf8))
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout == "log.example\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
        #expect(good.stderr.contains("verified: log.example+"))

        let wrongKey = try CLIRunner.run(["note", "verify", "--key", other.verifier.text], stdin: Data(note.utf8))
        #expect(wrongKey.status == 1)

        var tampered = Array(note.utf8)
        tampered[12] ^= 0x01
        let bad = try CLIRunner.run(["note", "verify", "--key", signer.verifier.text], stdin: Data(tampered))
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("does not verify"))
    }

    @Test func noteVerifyNeedsAKey() throws {
        let result = try CLIRunner.run(["note", "verify"], stdin: Data("x\n".utf8))
        #expect(result.status != 0)
        #expect(result.stderr.contains("--key"))
    }

    @Test func noteVerifyRejectsMalformedKey() throws {
        let result = try CLIRunner.run(["note", "verify", "--key", "not-a-key"], stdin: Data("x\n".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a verifier key"))
    }
}
