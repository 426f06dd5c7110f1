// `parley note`: check C2SP signed notes (checkpoints among them) against keys the user trusts.
import ArgumentParser
import ParleyRecord

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Check signed notes (C2SP signed-note), such as log checkpoints.",
        subcommands: [Verify.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a note on stdin; exit 0 only if it carries a valid signature by every given key.",
            discussion: """
                On success the note's text is printed to stdout and each verified key to stderr. \
                Signatures by other keys are ignored. Exit status 1 means: malformed note, no \
                signature by a given key, or a signature by a given key that does not verify.
                """
        )

        @Option(name: .long, help: "A verifier key, NAME+ID+DATA; repeat for several keys.")
        var key: [String] = []

        @Option(name: .long, help: "A file holding a verifier key; repeat for several.")
        var keyFile: [String] = []

        @Option(name: .long, help: "Read the note from this file instead of stdin.")
        var file: String?

        func validate() throws {
            guard !key.isEmpty || !keyFile.isEmpty else {
                throw ValidationError("give the key to check against with --key NAME+ID+DATA or --key-file FILE")
            }
        }

        func run() throws {
            var verifiers: [NoteVerifier] = []
            for text in try key + keyFile.map(FileIO.readKeyText) {
                do {
                    verifiers.append(try NoteVerifier(text: text))
                } catch {
                    throw CLIError("not a verifier key (\(text)): \(error)")
                }
            }
            let note = try file.map(FileIO.read) ?? FileIO.readStandardInput()
            let opened: OpenedNote
            do {
                opened = try SignedNote.open(note, verifiers: verifiers)
            } catch {
                throw CLIError("note does not verify: \(error)")
            }
            // Every key the user named must have signed, not just one of them.
            let signed = Set(opened.verified.map(\.verifier))
            let missing = verifiers.filter { !signed.contains($0) }
            guard missing.isEmpty else {
                throw CLIError("note is not signed by \(missing.map(\.name).joined(separator: ", "))")
            }
            for v in opened.verified {
                let when = v.timestamp.map { " (cosigned at \($0))" } ?? ""
                FileIO.writeStandardError("verified: \(v.name)+\(v.verifier.keyIDHex)\(when)\n")
            }
            print(opened.text, terminator: "")
        }
    }
}
