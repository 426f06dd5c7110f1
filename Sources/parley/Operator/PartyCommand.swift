// `parley party add` and `parley track add`: the operator gives a mechanism its parties and tracks.
import ArgumentParser
import ParleyCore
import ParleyStore

struct PartyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "party",
        abstract: "Add parties to a mechanism (operator).",
        subcommands: [Add.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a side or facilitator; prints its id.")

        @OptionGroup var store: StoreOptions

        @Option(help: "The mechanism's id.")
        var mechanism: String

        @Option(help: "The party's name, e.g. \"United States\".")
        var name: String

        @Option(help: "ISO 3166-1 alpha-3 code, for a state (e.g. USA).")
        var country: String?

        @Option(help: "Working languages as BCP 47 tags, comma-separated (e.g. en or ru,en).")
        var languages: String

        @Flag(help: "Add a facilitator (a host or mediator, never a side to an agreement).")
        var facilitator = false

        func run() async throws {
            let command = AddParty(
                mechanism: parseMechanismID(mechanism),
                name: name,
                country: country,
                languages: languages.split(separator: ",").map { String($0).trimmingWhitespace },
                kind: facilitator ? .facilitator : .side
            )
            let result = try await store.withStore { try await $0.executeFromTool(.addParty(command)) }
            guard case .partyAdded(let added)? = result.entries.first?.data else {
                throw CLIError("the party was not added (no entry was appended)")
            }
            print(added.id.rawValue)
        }
    }
}

struct TrackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Add workstreams to a mechanism (operator).",
        subcommands: [Add.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a track; prints its id.")

        @OptionGroup var store: StoreOptions

        @Option(help: "The mechanism's id.")
        var mechanism: String

        @Option(help: "The track's title, e.g. \"Operation of diplomatic missions\".")
        var title: String

        func run() async throws {
            let result = try await store.withStore {
                try await $0.executeFromTool(.addTrack(AddTrack(mechanism: parseMechanismID(mechanism), title: title)))
            }
            guard case .trackAdded(let added)? = result.entries.first?.data else {
                throw CLIError("the track was not added (no entry was appended)")
            }
            print(added.id.rawValue)
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
