// Verifier keys and private keys against keys.json (C2SP signed-note, golang.org/x/mod/sumdb/note).
import Foundation
import ParleyRecord
import Testing

@Suite struct NoteKeyTests {
    @Test func everyPublishedVKeyParsesAndReserialisesIdentically() throws {
        let keys = try KeysFile.load()
        #expect(keys.vkeys.count == 13)
        for entry in keys.vkeys {
            let verifier = try NoteVerifier(text: entry.vkey)
            #expect(verifier.text == entry.vkey)
            #expect(entry.vkey.hasPrefix("\(verifier.name)+\(verifier.keyIDHex)+"))
        }
    }

    @Test func base64WithPlusSignsIsSplitOnTheFirstTwoPlusOnly() throws {
        let sumdb = try NoteVerifier(text: "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8")
        #expect(sumdb.name == "sum.golang.org")
        #expect(sumdb.keyID == 0x033d_e0ae)
        #expect(sumdb.type == .ed25519)
    }

    @Test func typeFourVKeyIsACosignatureKey() throws {
        let remora = try NoteVerifier(text: "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2")
        #expect(remora.type == .cosignatureV1)
    }

    @Test func everyInvalidVKeyIsRejectedWithItsReason() throws {
        let keys = try KeysFile.load()
        #expect(keys.invalid_vkeys.count == 5)
        for entry in keys.invalid_vkeys {
            let error = try #require(throws: NoteKeyError.self, "\(entry.why)") { try NoteVerifier(text: entry.vkey) }
            switch entry.why {
            case let why where why.hasPrefix("wrong key length"):
                // "…BADKEY==" also leaves non-zero bits in its last quad, which strict RFC 4648
                // §3.5 decoding refuses before the length is looked at; either reason is a refusal.
                #expect(error == .invalidBase64 || error == .wrongKeyLength(expected: 32, actual: 36))
            case let why where why.hasPrefix("unknown algorithm byte"):
                #expect(error == .unsupportedType(0x65, "unknown signature type"))
            case "wrong number of parts":
                guard case .malformedText = error else {
                    Issue.record("got \(error)")
                    continue
                }
            case "invalid base64":
                #expect(error == .invalidBase64)
            default:
                #expect(error == .unsupportedType(0x03, "type 0x03 is reserved"))
            }
        }
    }

    @Test func rejectsMismatchedKeyID() throws {
        let error = try #require(throws: NoteKeyError.self) {
            try NoteVerifier(text: "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
        #expect(error == .keyIDMismatch(written: 0xc74f_20a4, computed: 0xc74f_20a3))
        #expect(throws: NoteKeyError.invalidKeyIDText("c74f20a")) {
            try NoteVerifier(text: "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
    }

    @Test func rejectsWrongKeyLengthAndNonCanonicalBase64() throws {
        // 31-byte key (type byte + 31), canonical base64.
        let short = "x+00000000+" + NoteKeyTests.base64([0x01] + [UInt8](repeating: 7, count: 31))
        #expect(throws: NoteKeyError.wrongKeyLength(expected: 32, actual: 31)) { try NoteVerifier(text: short) }
        // Base64 is strict: no stray padding, no trailing whitespace or newline.
        for suffix in ["=", "\n", " ", "===="] {
            #expect(throws: NoteKeyError.invalidBase64) {
                try NoteVerifier(text: "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k" + suffix)
            }
        }
    }

    @Test(arguments: ["", "a+b", "a b", "a\tb", "a\u{00A0}b", "a\u{2003}b", "a\u{01}b", "a\nb"])
    func rejectsInvalidKeyNames(name: String) throws {
        #expect(throws: NoteKeyError.self) { try NoteSigner(name: name, seed: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: NoteKeyError.self) { try CosignatureSigner(name: name, seed: [UInt8](repeating: 0, count: 32)) }
        let vkey = "\(name)+00000000+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
        #expect(throws: NoteKeyError.self) { try NoteVerifier(text: vkey) }
    }

    @Test func everyPrivateKeyMatchesItsVKeyAndRoundTrips() throws {
        let keys = try KeysFile.load()
        #expect(keys.skeys.count == 5)
        for entry in keys.skeys {
            let signer = try NoteSigner(text: entry.skey)
            #expect(signer.verifier.text == entry.matching_vkey)
            #expect(signer.text == entry.skey)
        }
    }

    @Test func privateKeyWithWrongIDOrTypeIsRejected() throws {
        let good = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
        #expect(throws: NoteKeyError.keyIDMismatch(written: 0xc74f_20a4, computed: 0xc74f_20a3)) {
            try NoteSigner(text: good.replacingOccurrences(of: "c74f20a3", with: "c74f20a4"))
        }
        #expect(throws: NoteKeyError.self) { try NoteSigner(text: "PRIVATE+KEY+PeterNeumann+c74f20a3") }
        #expect(throws: NoteKeyError.self) {
            try NoteSigner(text: "PRIVATE+KEYS+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
        }
        // A cosignature private key (type 0x04) cannot sign plain notes.
        let cosigner = try CosignatureSigner(name: "PeterNeumann", seed: [UInt8](repeating: 9, count: 32))
        #expect(throws: NoteKeyError.wrongType(expected: .ed25519, actual: .cosignatureV1)) {
            try NoteSigner(text: cosigner.text)
        }
    }

    @Test func seedKeysProduceTheDocumentedKeyIDs() throws {
        let keys = try KeysFile.load()
        let witness = try #require(keys.seed_keys["seed17-witness"])
        #expect(try witness.verifier().keyIDHex == "cacf2e50")
        #expect(try witness.verifier().type == .cosignatureV1)
        let enoch = try #require(keys.seed_keys["enoch-zero-seed"])
        #expect(try enoch.verifier().text == "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop")
        // The same seed and name under type 0x01 has another key ID: the type is hashed in.
        let log = try NoteSigner(name: witness.name, seed: NoteFixtures.bytes(hex: witness.seed_hex))
        #expect(log.verifier.keyIDHex != "cacf2e50")
    }

    @Test func everySigningVectorReproducesItsExactBytes() throws {
        let keys = try KeysFile.load()
        #expect(keys.signing_vectors.count == 2)
        for vector in keys.signing_vectors {
            if let skey = vector.skey {
                let signer = try NoteSigner(text: skey)
                #expect(try SignedNote.sign(text: vector.text, signers: [signer]) == vector.expected_note)
            } else {
                let signer = try NoteSigner(
                    name: try #require(vector.name),
                    seed: NoteFixtures.bytes(hex: try #require(vector.seed_hex))
                )
                #expect(signer.signatureLine(text: Array(vector.text.utf8)) == vector.expected_signature_line)
            }
        }
    }

    @Test func generatedKeysRoundTripAndSign() throws {
        let signer = try NoteSigner.generate(name: "parley.example/log")
        let reread = try NoteSigner(text: signer.text)
        #expect(reread.verifier == signer.verifier)
        #expect(try NoteVerifier(text: signer.verifier.text) == signer.verifier)
        #expect(signer.text.hasPrefix("PRIVATE+KEY+parley.example/log+\(signer.verifier.keyIDHex)+A"))
        let message = Array("hello\n".utf8)
        #expect(signer.verifier.verify(signature: signer.sign(message), text: message))
        #expect(!signer.verifier.verify(signature: signer.sign(message), text: Array("hellO\n".utf8)))

        let cosigner = try CosignatureSigner.generate(name: "party.example/witness")
        #expect(try CosignatureSigner(text: cosigner.text).verifier == cosigner.verifier)
        #expect(cosigner.text.hasPrefix("PRIVATE+KEY+party.example/witness+\(cosigner.verifier.keyIDHex)+B"))
    }

    @Test func goNoteKeyServesAsCosignerWithRecomputedID() throws {
        let skey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
        let cosigner = try CosignatureSigner(text: skey)
        let plain = try NoteSigner(text: skey)
        #expect(cosigner.verifier.publicKey == plain.verifier.publicKey)
        #expect(cosigner.verifier.type == .cosignatureV1)
        #expect(cosigner.keyID != plain.keyID)
    }

    static func base64(_ bytes: [UInt8]) -> String { NoteFixtures.base64Encode(bytes) }
}
