// `parley text`: a side's lead signs an adopted text on the lead's own machine, with the party's
// own Ed25519 key (made with `parley key generate`), so the server never holds a party key.
// What is signed is the RFC 8785 canonical JSON of the adopted text's canonical form, as
// `GET /api/v1/mechanisms/M/texts/TXT-n/canonical` serves it; the output is the JSON body that
// `POST /api/v1/mechanisms/M/texts/TXT-n/signatures` records (or the fields of the page's form).
import ArgumentParser
import Foundation
import ParleyCore
import ParleyRecord

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Sign an adopted negotiating text with your party's own key, and check such signatures.",
        subcommands: [Sign.self, Verify.self]
    )

    /// What `sign` prints and `verify` reads.
    struct SignatureBody: Codable {
        var canonicalHash: String
        var detached: DetachedSignature
    }

    /// The canonical bytes and hash of a canonical-form document, refusing anything else.
    static func canonical(_ input: [UInt8], source: String) throws -> (bytes: [UInt8], hash: String) {
        let bytes: [UInt8]
        do {
            bytes = try CanonicalJSON.canonicalize(input)
        } catch {
            throw CLIError("\(source) is not JSON that RFC 8785 can represent: \(error)")
        }
        guard let form = try? JSONDecoder().decode(CanonicalText.self, from: Data(bytes)),
            form.format == CanonicalText.format
        else {
            throw CLIError(
                "\(source) is not an adopted text's canonical form (\"format\": \"\(CanonicalText.format)\"); "
                    + "fetch it from GET /api/v1/mechanisms/M/texts/TXT-n/canonical"
            )
        }
        return (bytes, DetachedEd25519.sha256Hex(bytes))
    }

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign an adopted text's canonical form; print the signature as JSON to record.",
            discussion: """
                Reads the canonical form (the body of GET /api/v1/mechanisms/M/texts/TXT-n/canonical) \
                from --canonical or stdin, canonicalises it (RFC 8785), and prints \
                {"canonicalHash": SHA-256 hex, "detached": {"publicKey", "signature"}} with the \
                Ed25519 public key and signature in base64: the body of \
                POST /api/v1/mechanisms/M/texts/TXT-n/signatures.
                """
        )

        @Option(name: .long, help: "The party's signer key file (PRIVATE+KEY+…, from `parley key generate`).")
        var key: String

        @Option(name: .long, help: "The canonical form's file; stdin when absent.")
        var canonical: String?

        @Option(name: .long, help: "Refuse to sign unless the canonical form hashes to these 64 hex digits.")
        var expectHash: String?

        func run() throws {
            let input = try canonical.map(FileIO.read) ?? FileIO.readStandardInput()
            let (bytes, hash) = try TextCommand.canonical(input, source: canonical ?? "stdin")
            if let expected = expectHash?.lowercased(), expected != hash {
                throw CLIError("the canonical form hashes to \(hash), not \(expected); nothing was signed")
            }
            let signer: NoteSigner
            do {
                signer = try NoteSigner(text: try FileIO.readKeyText(key))
            } catch {
                throw CLIError("\(key) holds no Ed25519 signer key (make one with `parley key generate`): \(error)")
            }
            let (publicKey, signature) = DetachedEd25519.sign(bytes, with: signer)
            let body = SignatureBody(
                canonicalHash: hash,
                detached: DetachedSignature(
                    publicKey: Data(publicKey).base64EncodedString(),
                    signature: Data(signature).base64EncodedString()
                )
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(body), as: UTF8.self))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a detached signature of an adopted text; exit 0 only if it is valid.",
            discussion: """
                Reads the JSON `parley text sign` printed (or a recorded text.signatureRecorded \
                entry's data) from --signature, and the canonical form from --canonical or stdin. \
                With --public-key, the signature must also be by that key (base64).
                """
        )

        @Option(name: .long, help: "The signature JSON file: {\"canonicalHash\", \"detached\": {…}}.")
        var signature: String

        @Option(name: .long, help: "The canonical form's file; stdin when absent.")
        var canonical: String?

        @Option(name: .long, help: "The party's Ed25519 public key (base64) the signature must be by.")
        var publicKey: String?

        func run() throws {
            let input = try canonical.map(FileIO.read) ?? FileIO.readStandardInput()
            let (bytes, hash) = try TextCommand.canonical(input, source: canonical ?? "stdin")
            let body: SignatureBody
            do {
                body = try JSONDecoder().decode(SignatureBody.self, from: Data(try FileIO.read(signature)))
            } catch {
                throw CLIError("\(signature) is not a signature as `parley text sign` prints it: \(error)")
            }
            guard body.canonicalHash == hash else {
                throw CLIError(
                    "the signature is for canonical hash \(body.canonicalHash), but the canonical form hashes to \(hash)"
                )
            }
            if let publicKey, publicKey != body.detached.publicKey {
                throw CLIError("the signature is by key \(body.detached.publicKey), not by \(publicKey)")
            }
            guard let key = Data(base64Encoded: body.detached.publicKey),
                let sig = Data(base64Encoded: body.detached.signature),
                DetachedEd25519.verify(signature: sig, publicKey: key, message: bytes)
            else {
                throw CLIError("the signature does not verify over the canonical form with that key")
            }
            print("valid: Ed25519 signature by \(body.detached.publicKey) over canonical hash \(hash)")
        }
    }
}
