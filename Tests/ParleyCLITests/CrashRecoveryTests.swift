import Foundation
import Testing

/// SIGKILL while eight writers append to one log: nothing acknowledged is lost, indexes have no
/// gaps or repeats, and `parley verify` passes on the reopened database. The writer is
/// `parley-bench load`, which prints `ack INDEX` only after an append's commit is durable.
@Suite struct CrashRecoveryTests {
    let dir: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-crash-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    var database: String { dir.appendingPathComponent("parley.sqlite").path }

    /// Starts the writers, kills them once `acks` appends are acknowledged, and answers the shared
    /// log's id with every index acknowledged before the kill.
    func appendThenKill(after acks: Int) throws -> (log: String, acknowledged: [Int]) {
        let process = Process()
        process.executableURL = CLIRunner.product("parley-bench")
        process.arguments = ["load", database, "8"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(120)
        while text.components(separatedBy: "ack ").count <= acks, Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the writer must die by SIGKILL, not exit")
        // Lines written before the kill are still in the pipe.
        text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        let log = lines.first { $0.hasPrefix("log ") }.map { String($0.dropFirst(4)) } ?? ""
        // A line cut by the kill is not an acknowledgement.
        let acknowledged = lines.filter { $0.hasPrefix("ack ") }.compactMap { Int($0.dropFirst(4)) }
        return (log, acknowledged)
    }

    /// The size of `log` as `parley verify` reports it, after checking that verify passes.
    func verifiedSize(of log: String) throws -> Int? {
        let verify = try CLIRunner.run(["verify", "--database", database])
        #expect(verify.status == 0, "verify failed after the kill: \(verify.stdout) \(verify.stderr)")
        let line = verify.stdout.split(separator: "\n").first { $0.hasPrefix("\(log): ") }
        return line.flatMap { Int($0.dropFirst(log.count + 2).prefix { $0.isNumber }) }
    }

    @Test func acknowledgedAppendsSurviveSIGKILL() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        // Twice: the second run reopens the database the first one left behind mid-write.
        for round in 1...2 {
            let (log, acknowledged) = try appendThenKill(after: 400)
            #expect(!log.isEmpty, "round \(round): the writer printed no log id")
            #expect(acknowledged.count >= 400, "round \(round): only \(acknowledged.count) appends acknowledged")
            #expect(Set(acknowledged).count == acknowledged.count, "round \(round): an index was acknowledged twice")
            let size = try #require(try verifiedSize(of: log), "round \(round): verify does not list \(log)")
            // verify recomputes the tree over entries 0..<size, so the indexes have no gaps; every
            // acknowledged index is below the size, so every acknowledged entry is there.
            #expect(
                (acknowledged.max() ?? 0) < size,
                "round \(round): acknowledged \(acknowledged.max() ?? 0), log size \(size)"
            )
        }
    }
}
