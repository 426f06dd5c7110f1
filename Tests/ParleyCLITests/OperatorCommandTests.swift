import Foundation
import Testing

/// The operator's and auditor's commands, run as processes on a real SQLite file.
@Suite struct OperatorCommandTests {
    let dir: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-op-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    var database: String { dir.appendingPathComponent("parley.sqlite").path }

    func parley(_ arguments: [String], stdin: String = "") throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--database", database], stdin: Data(stdin.utf8))
    }

    /// A mechanism with two sides and a track; returns (mechanism, us, ru).
    func makeMechanism() throws -> (String, String, String) {
        let m = try parley(["mechanism", "create", "--title", "US–Russia consultations"])
        #expect(m.status == 0, "\(m.stderr)")
        let mechanism = m.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let us = try parley([
            "party", "add", "--mechanism", mechanism, "--name", "United States", "--country", "USA", "--languages",
            "en",
        ])
        let ru = try parley([
            "party", "add", "--mechanism", mechanism, "--name", "Russia", "--country", "RUS", "--languages", "ru,en",
        ])
        #expect(us.status == 0 && ru.status == 0, "\(us.stderr) \(ru.stderr)")
        let track = try parley([
            "track", "add", "--mechanism", mechanism, "--title", "Operation of diplomatic missions",
        ])
        #expect(track.status == 0, "\(track.stderr)")
        return (
            mechanism, us.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
            ru.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }

    /// The per-log lines of `parley verify`: each log's size and checkpoint count.
    func logSizes() throws -> [Substring] {
        try parley(["verify"]).stdout.split(separator: "\n").filter { !$0.hasPrefix("verified") }
    }

    @Test func createsMechanismPartiesAndAccountsThenVerifiesAndRebuilds() throws {
        let (mechanism, us, _) = try makeMechanism()
        let listed = try parley(["mechanism", "list"])
        #expect(listed.stdout.contains("US–Russia consultations"))

        let account = try parley([
            "account", "create", "--mechanism", mechanism, "--party", us, "--username", "us-lead", "--role", "lead",
        ])
        #expect(account.status == 0, "\(account.stderr)")
        let lines = account.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.count == 20, "a 20-character one-time password")
        #expect(account.stderr.contains("shown once"))

        let fromStdin = try parley(
            [
                "account", "create", "--mechanism", mechanism, "--party", us, "--username", "us-observer", "--role",
                "observer", "--password-stdin",
            ],
            stdin: "correct horse battery staple\n"
        )
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromStdin.stdout.split(separator: "\n").count == 1, "nothing secret printed")

        let verify = try parley(["verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("all match"))

        let rebuild = try parley(["rebuild"])
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        #expect(rebuild.stdout.contains("projection digest"))

        let backupPath = dir.appendingPathComponent("backup.sqlite").path
        let backup = try parley(["backup", backupPath])
        #expect(backup.status == 0, "\(backup.stderr)")
        let again = try parley(["backup", backupPath])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
        let verifyBackup = try CLIRunner.run([
            "verify", "--database", backupPath, "--key-file", dir.appendingPathComponent("parley.key").path,
        ])
        #expect(verifyBackup.status == 0, "\(verifyBackup.stderr)")
    }

    @Test func refusalsAreClearAndChangeNothing() throws {
        let (mechanism, us, _) = try makeMechanism()
        let before = try logSizes()

        let badCountry = try parley([
            "party", "add", "--mechanism", mechanism, "--name", "Nowhere", "--country", "XXX", "--languages", "en",
        ])
        #expect(badCountry.status == 1)
        #expect(badCountry.stderr.contains("country"))

        let unknownMechanism = try parley(["track", "add", "--mechanism", "no-such-id", "--title", "x"])
        #expect(unknownMechanism.status == 1)
        #expect(unknownMechanism.stderr.contains("no such mechanism"))

        let badRole = try parley([
            "account", "create", "--mechanism", mechanism, "--party", us, "--username", "x", "--role", "king",
        ])
        #expect(badRole.status != 0)
        #expect(badRole.stderr.contains("--role"))

        let shortPassword = try parley(
            [
                "account", "create", "--mechanism", mechanism, "--party", us, "--username", "x", "--role", "lead",
                "--password-stdin",
            ],
            stdin: "short\n"
        )
        #expect(shortPassword.status == 1)

        #expect(try logSizes() == before, "no refused command appended anything")
    }

    @Test func verifyNamesTheAlteredEntry() throws {
        _ = try makeMechanism()
        // Flip one byte of the entry at index 2 of the shared log, as an attacker with the file would.
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            # An entry's key is its log's number times 2^40 plus its index.
            key, body = db.execute(
                "SELECT e.entry_key, e.body FROM entries AS e JOIN logs AS l ON e.entry_key = l.num * 1099511627776 + 2"
                " WHERE l.id NOT LIKE '%/party/%'").fetchone()
            b = bytearray(body); i = b.index(b'"index":2') + 8; b[i] = ord('7')
            db.execute("UPDATE entries SET body = ? WHERE entry_key = ?", (bytes(b), key))
            db.commit()
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, database]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)

        let verify = try parley(["verify"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("MISMATCH mechanism/"))
        #expect(verify.stderr.contains("entry 2:"), "\(verify.stderr)")
    }

    @Test func unknownDatabaseSchemeIsAClearError() throws {
        let result = try CLIRunner.run(["mechanism", "list", "--database", "mysql://x/y"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unsupported database URL scheme"))
    }
}
