// `parley mechanism`: the operator opens mechanisms and lists them. The operator sees titles and
// structure only, never content.
import ArgumentParser
import ParleyCore
import ParleyStore

struct MechanismCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mechanism",
        abstract: "Create and list mechanisms (operator).",
        subcommands: [Create.self, List.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a new mechanism; prints its id.")

        @OptionGroup var store: StoreOptions

        @Option(help: "The mechanism's title, e.g. \"US–Russia consultations\".")
        var title: String

        @Option(help: "Target number of days between contacts (for the cadence chart).")
        var cadenceDays: Int?

        func run() async throws {
            let result = try await store.withStore { store in
                try await store.executeFromTool(
                    .createMechanism(CreateMechanism(title: title, contactCadenceDays: cadenceDays))
                )
            }
            guard case .mechanismCreated(let created)? = result.entries.first?.data else {
                throw CLIError("the mechanism was not created (no entry was appended)")
            }
            print(created.id.rawValue)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every mechanism: id, title.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let mechanisms = try await store.withStore { try await $0.allMechanisms() }
            for m in mechanisms { print("\(m.id.rawValue)\t\(m.title)") }
        }
    }
}
