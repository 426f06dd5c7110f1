// `parley key`: make and inspect Ed25519 keys in the C2SP signed-note text forms.
import ArgumentParser
import ParleyRecord

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Make and inspect signing keys (C2SP signed-note key formats).",
        subcommands: [Generate.self, Verifier.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a key: the signer key goes to a file (mode 0600), the verifier key to stdout.",
            discussion: """
                NAME is the key's name as it appears in signature lines, for example \
                parley.example.org or us.example.gov/cosigner. The signer key text is \
                PRIVATE+KEY+NAME+ID+DATA, compatible with golang.org/x/mod/sumdb/note; keep it secret.
                """
        )

        @Argument(help: "The key name (no spaces, no '+').")
        var name: String

        @Option(name: .long, help: "File to write the signer (private) key to; created with mode 0600.")
        var out: String

        @Flag(help: "Make a cosignature/v1 key (C2SP tlog-cosignature, type 0x04) instead of a note key.")
        var cosigner = false

        @Flag(help: "Replace --out if it already exists.")
        var force = false

        func run() throws {
            let signerText: String
            let verifierText: String
            do {
                if cosigner {
                    let signer = try CosignatureSigner.generate(name: name)
                    (signerText, verifierText) = (signer.text, signer.verifier.text)
                } else {
                    let signer = try NoteSigner.generate(name: name)
                    (signerText, verifierText) = (signer.text, signer.verifier.text)
                }
            } catch {
                throw CLIError("cannot make a key named '\(name)': \(error)")
            }
            try FileIO.writeSecret(signerText + "\n", to: out, replace: force)
            print(verifierText)
        }
    }

    struct Verifier: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the verifier (public) key of a signer key file."
        )

        @Argument(help: "A file holding a PRIVATE+KEY+… signer key.")
        var keyFile: String

        func run() throws {
            let text = try FileIO.readKeyText(keyFile)
            if let signer = try? NoteSigner(text: text) {
                print(signer.verifier.text)
            } else {
                do {
                    print(try CosignatureSigner(text: text).verifier.text)
                } catch {
                    throw CLIError("\(keyFile) holds no valid signer key: \(error)")
                }
            }
        }
    }
}
