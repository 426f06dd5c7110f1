// The `parley` tool: the one composition root. Flags and PARLEY_… variables become
// configuration values here; nothing below reads the environment.
import ArgumentParser

@main
struct Parley: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Parley: a consultation mechanism with a shared, verifiable record.",
        subcommands: [
            KeyCommand.self, CanonCommand.self, NoteCommand.self, MechanismCommand.self, PartyCommand.self,
            TrackCommand.self, AccountCommand.self, RebuildCommand.self, VerifyCommand.self, BackupCommand.self,
            MigrateCommand.self, OperatorCommand.self, ServeCommand.self, TextCommand.self,
        ]
    )
}
