// `parley text sign` and `parley text verify` on their own, as a lead runs them on the lead's
// own machine: the signature is over the RFC 8785 form of what was read, whatever its layout;
// anything that is not an adopted text's canonical form, a hash that is not the expected one,
// a changed text and another key are all refused.

import Foundation
import ParleyRecord
import Testing

@Suite struct TextCommandTests {
    let dir: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-text-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// A canonical form as the API serves it, but laid out differently (spaces, key order).
    static let canonical = """
        {"title": "Joint statement", "format": "parley.text/1", "mechanism": "m1", "id": "t1",
         "reference": "TXT-1", "kind": "jointStatement", "sides": ["us", "ru"], "languages": ["en"],
         "clauses": [{"id": "c1", "number": "1", "section": "operative", "wording": {"en": "The sides agree."}}]}
        """

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func key(_ name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        #expect(try CLIRunner.run(["key", "generate", "lead.example/\(name)", "--out", path]).status == 0)
        return path
    }

    @Test func signsTheCanonicalBytesAndVerifies() throws {
        let canonical = try file("canonical.json", Self.canonical)
        let signed = try CLIRunner.run(["text", "sign", "--key", try key("us"), "--canonical", canonical])
        #expect(signed.status == 0, "\(signed.stderr)")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(signed.stdout.utf8)) as? [String: Any])
        let bytes = try CanonicalJSON.canonicalize(Array(Self.canonical.utf8))
        #expect(body["canonicalHash"] as? String == DetachedEd25519.sha256Hex(bytes))
        let detached = try #require(body["detached"] as? [String: String])
        let signature = try #require(detached["signature"].flatMap { Data(base64Encoded: $0) })
        let publicKey = try #require(detached["publicKey"].flatMap { Data(base64Encoded: $0) })
        #expect(DetachedEd25519.verify(signature: signature, publicKey: publicKey, message: bytes))

        let signatureFile = try file("signature.json", signed.stdout)
        let ok = try CLIRunner.run(["text", "verify", "--signature", signatureFile, "--canonical", canonical])
        #expect(ok.status == 0, "\(ok.stderr)")
        let byKey = try CLIRunner.run([
            "text", "verify", "--signature", signatureFile, "--canonical", canonical, "--public-key",
            detached["publicKey"]!,
        ])
        #expect(byKey.status == 0)

        let changed = try file("changed.json", Self.canonical.replacingOccurrences(of: "agree", with: "disagree"))
        let tampered = try CLIRunner.run(["text", "verify", "--signature", signatureFile, "--canonical", changed])
        #expect(tampered.status != 0)
        #expect(tampered.stderr.contains("canonical hash"))
        let otherKey = try CLIRunner.run([
            "text", "verify", "--signature", signatureFile, "--canonical", canonical, "--public-key",
            Data(repeating: 7, count: 32).base64EncodedString(),
        ])
        #expect(otherKey.status != 0)
    }

    @Test func refusesWhatIsNotACanonicalFormOrNotTheExpectedHash() throws {
        let key = try key("ru")
        let notText = try file("other.json", #"{"format": "something else"}"#)
        let refused = try CLIRunner.run(["text", "sign", "--key", key, "--canonical", notText])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("parley.text/1"))
        #expect(refused.stdout.isEmpty)
        let notJSON = try CLIRunner.run(["text", "sign", "--key", key], stdin: Data("{not json".utf8))
        #expect(notJSON.status != 0)
        let canonical = try file("canonical.json", Self.canonical)
        let wrong = try CLIRunner.run([
            "text", "sign", "--key", key, "--canonical", canonical, "--expect-hash", String(repeating: "0", count: 64),
        ])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("nothing was signed"))
        let noKey = try CLIRunner.run([
            "text", "sign", "--key", try file("bad.key", "not a key"), "--canonical", canonical,
        ])
        #expect(noKey.status != 0)
        #expect(noKey.stderr.contains("parley key generate"))
    }
}
