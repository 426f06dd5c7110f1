// `parley rebuild`, `parley verify`, `parley backup`, `parley migrate`: the operator's and
// auditor's commands over the whole database.
import ArgumentParser
import Foundation
import ParleyStore

struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Drop every projection and replay every log; the result equals the live state."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let started = ContinuousClock.now
        let (replayed, digest) = try await store.withStore { store in
            (try await store.rebuild(), try await store.projectionDigest())
        }
        print("replayed \(replayed) entries in \(ContinuousClock.now - started); projection digest \(digest)")
    }
}

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every log from its entries and check every stored hash and checkpoint signature.",
        discussion: """
            Exit status 0 when every log matches; 1 when anything does not, naming the log and the \
            first entry that does not match.
            """
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let started = ContinuousClock.now
        let report = try await store.withStore { try await $0.verify() }
        let elapsed = ContinuousClock.now - started
        for log in report.logs {
            print("\(log.log): \(log.size) entries, \(log.checkpoints) checkpoints")
        }
        guard report.isClean else {
            for problem in report.problems { FileIO.writeStandardError("MISMATCH \(problem)\n") }
            throw ExitCode.failure
        }
        print(
            "verified \(report.entries) entries (\(report.bytes) bytes) in \(report.logs.count) logs in \(elapsed): all match"
        )
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database to a new SQLite file, while the server runs.",
        discussion: "The copy opens with `parley serve --database FILE`. An existing FILE is never replaced."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The new SQLite file to write.")
    var file: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw CLIError("\(file) already exists; choose a new file name")
        }
        let rows = try await store.withStore { try await $0.backup(to: file) }
        print("wrote \(file) (\(rows) rows)")
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring an existing database's schema up to this version of Parley (back it up first)."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStore(migrate: true) { _ in }
        print("the database schema is up to date")
    }
}
