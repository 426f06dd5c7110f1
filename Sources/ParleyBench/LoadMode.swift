// The crash test's writer: several concurrent writers append to one shared log until the process
// is killed, printing a line `ack INDEX` for each append only after `execute` returned, that is
// after its commit is durable. The test kills the process with SIGKILL and checks that every
// acknowledged index is in the reopened database.
import Foundation
import Logging
import ParleyCore
import ParleyRecord
import ParleyStore

func appendUntilKilled(database path: String, writers: Int) async throws {
    let store = try await openBenchStore(path: path, name: "load.parley")
    let world = try await BenchWorld.make(store, writers: writers)
    // FileHandle writes are unbuffered: a line is out of the process as soon as it is written.
    FileHandle.standardOutput.write(Data("log \(world.sharedLog)\n".utf8))
    let output = NSLock()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for actor in world.writers {
            group.addTask {
                var i = 0
                while true {
                    i += 1
                    let result = try await store.execute(
                        .raiseIrritant(
                            .init(
                                mechanism: world.mechanism,
                                title: "Irritant \(i)",
                                description: "Appended until killed."
                            )
                        ),
                        by: actor
                    )
                    let lines = result.entries.map { "ack \($0.index)\n" }.joined()
                    output.withLock { FileHandle.standardOutput.write(Data(lines.utf8)) }
                }
            }
        }
        try await group.waitForAll()
    }
}

/// A store on the SQLite file at `path` (or the PostgreSQL database a postgres:// URL names), with
/// the server key beside it (made on first use), and quiet logs.
func openBenchStore(path: String, name: String) async throws -> Store {
    var logger = Logger(label: "parley.bench")
    logger.logLevel = .critical
    // A postgres:// URL profiles PostgreSQL; the key then goes to the temporary folder.
    let location = try DatabaseLocation(parsing: path)
    let keyPath =
        path.hasPrefix("postgres")
        ? NSTemporaryDirectory() + "parley-profile.key" : ServerKey.defaultPath(for: location)
    let signer = try ServerKey.loadOrCreate(path: keyPath, name: name)
    return try await Store.open(location, signer: signer, logger: logger)
}
