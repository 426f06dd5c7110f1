// `parley account create`: the operator opens a party's first accounts. The password is printed
// once (or read from stdin) and only its hash is stored, outside every log.
import ArgumentParser
import Foundation
import ParleyCore
import ParleyStore
import ParleyWeb

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Create accounts of a party (operator).",
        subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; prints its id and a one-time password.",
            discussion: """
                With --password-stdin the password is read from the first line of standard input \
                instead (at least 12 characters) and nothing secret is printed.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(help: "The mechanism's id.")
        var mechanism: String

        @Option(help: "The party's id (`parley party add` printed it).")
        var party: String

        @Option(help: "The sign-in name: lower case letters, digits, '.', '-' or '_'.")
        var username: String

        @Option(help: "lead, negotiator or observer.")
        var role: String

        @Flag(help: "Read the password from standard input instead of making one.")
        var passwordStdin = false

        func validate() throws {
            guard let role = Role(rawValue: role), Role.partyRoles.contains(role) else {
                throw ValidationError("--role must be lead, negotiator or observer (not '\(role)')")
            }
        }

        func run() async throws {
            let password: String
            if passwordStdin {
                let line =
                    String(decoding: try FileIO.readStandardInput(), as: UTF8.self)
                    .split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                guard line.count >= 12 else { throw CLIError("the password on stdin must have at least 12 characters") }
                password = line
            } else {
                password = OneTimePassword.make()
            }
            let hasher = PasswordHasher(secret: try store.serverSecret())
            let command = CreateAccount(
                mechanism: MechanismID(mechanism),
                party: PartyID(party),
                username: username,
                role: Role(rawValue: role) ?? .observer
            )
            let account = try await store.withStore { store in
                do {
                    return try await store.openAccount(command, by: toolOperator, password: password, hasher: hasher)
                } catch let refusal as Refusal {
                    throw CLIError(toolMessage: refusal)
                }
            }
            print(account.rawValue)
            if !passwordStdin {
                FileIO.writeStandardError("one-time password for \(username) (shown once): ")
                print(password)
            }
        }
    }
}
