// `parley canon`: the RFC 8785 canonical form of JSON, as the record stores every entry.
import ArgumentParser
import Foundation
import ParleyRecord

struct CanonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canon",
        abstract: "Print the RFC 8785 (JCS) canonical form of the JSON on stdin.",
        discussion: """
            Exit status 1 with the reason when the input is not JSON that JCS can represent \
            (duplicate keys, lone surrogates, numbers out of range, invalid UTF-8, …).
            """
    )

    @Option(name: .long, help: "Read the JSON from this file instead of stdin.")
    var file: String?

    func run() throws {
        let input = try file.map(FileIO.read) ?? FileIO.readStandardInput()
        do {
            let canonical = try CanonicalJSON.canonicalize(input)
            FileHandle.standardOutput.write(Data(canonical))
        } catch {
            throw CLIError("not canonicalisable JSON: \(error)")
        }
    }
}
