// `parley operator create`: an operator account for signing in to the server (DESIGN.md "Who uses
// it": the operator manages mechanisms, parties and accounts, and reads no content). Operators
// belong to no party, so they are kept in the store's operators table, outside every log; the
// password is printed once (or read from stdin) and only its hash is stored.
import ArgumentParser
import Foundation
import ParleyCore
import ParleyStore
import ParleyWeb

struct OperatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator",
        abstract: "Create operator accounts (run on the server's machine).",
        subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an operator account; prints its id and a one-time password.",
            discussion: """
                With --password-stdin the password is read from the first line of standard input \
                instead (at least 12 characters) and nothing secret is printed.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(help: "The sign-in name: lower case letters, digits, '.', '-' or '_'.")
        var username: String

        @Flag(help: "Read the password from standard input instead of making one.")
        var passwordStdin = false

        func validate() throws {
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-_")
            guard (3...64).contains(username.count), username.allSatisfy(allowed.contains),
                username.first.map({ $0.isLetter || $0.isNumber }) == true
            else {
                throw ValidationError(
                    "--username must be 3 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit"
                )
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
            let id = try await store.withStore { store in
                if try await store.account(username: username) != nil {
                    throw CLIError("the username \(username) is already taken by a party's account; choose another")
                }
                let id = try await store.addOperator(username: username)
                try await store.setCredential(try await hasher.hash(password), for: id)
                return id
            }
            print(id.rawValue)
            if !passwordStdin {
                FileIO.writeStandardError("one-time password for \(username) (shown once): ")
                print(password)
            }
        }
    }
}
