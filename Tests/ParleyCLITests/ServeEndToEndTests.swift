// `parley serve --demo` as a user runs it: the real binary on a free port, signed in over HTTP,
// its shared and private logs audited by the independent Python verifier, another party's
// private log out of reach, and a prompt, clean exit on SIGTERM.

import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite(.serialized) struct ServeEndToEndTests {
    static let password = "demo-password-for-tests"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A running `parley serve --demo --port 0`, its printed output collected as it comes.
    final class Server: @unchecked Sendable {
        let process: Process
        let errorLog: URL
        private let lock = NSLock()
        private var collected = ""

        /// Everything the server printed so far.
        var output: String { lock.withLock { collected } }

        init() throws {
            process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["serve", "--demo", "--port", "0"]
            var env = ProcessInfo.processInfo.environment
            env["PARLEY_DEMO_PASSWORD"] = ServeEndToEndTests.password
            env["PARLEY_DATABASE_URL"] = nil
            env["PARLEY_PORT"] = nil
            process.environment = env
            errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("parley-serve-\(UUID()).log")
            FileManager.default.createFile(atPath: errorLog.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorLog)
            let pipe = Pipe()
            process.standardOutput = pipe
            pipe.fileHandleForReading.readabilityHandler = { [self] handle in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil }
                lock.withLock { collected += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        /// The port from `Parley listening on http://127.0.0.1:PORT`, waiting up to `seconds`.
        func port(within seconds: Double = 120) async throws -> Int {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let text = output
                if let range = text.range(of: "Parley listening on http://127.0.0.1:") {
                    let digits = text[range.upperBound...].prefix { $0.isNumber }
                    if let port = Int(digits), text[range.upperBound...].dropFirst(digits.count).first == "\n" {
                        return port
                    }
                }
                guard process.isRunning else { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            Issue.record("the server printed no address; stdout: \(output) stderr: \(log)")
            throw CancellationError()
        }

        func stop() {
            if process.isRunning { process.terminate() }
        }
    }

    struct HTTPAnswer {
        let status: Int
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func request(_ url: String, token: String? = nil, json: [String: String]? = nil) async throws -> HTTPAnswer {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return HTTPAnswer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    static func token(_ base: String, _ username: String) async throws -> String {
        let answer = try await request(base + "/api/v1/auth/token", json: ["username": username, "password": password])
        #expect(answer.status == 201, "\(username): \(answer.text)")
        let object = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any]
        return try #require(object?["token"] as? String)
    }

    static func verify(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", repository.appendingPathComponent("tools/verifier/parley_verify.py").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func demoServerIsAuditableAndStopsCleanly() async throws {
        let server = try Server()
        defer { server.stop() }
        let port = try await server.port()
        let base = "http://127.0.0.1:\(port)"
        let printed = server.output
        #expect(printed.contains("us-negotiator"))
        #expect(printed.contains(Self.password))

        let health = try await Self.request(base + "/healthz")
        #expect(health.status == 200)

        let us = try await Self.token(base, "us-negotiator")
        let list = try await Self.request(base + "/api/v1/mechanisms", token: us)
        let mechanisms =
            (try JSONSerialization.jsonObject(with: list.body) as? [String: Any])?["mechanisms"] as? [[String: Any]]
        let mechanism = try #require(mechanisms?.first?["id"] as? String)
        #expect(mechanisms?.first?["title"] as? String == "US–Russia consultations")

        let checkpoint = try await Self.request(base + "/api/v1/mechanisms/\(mechanism)/log/checkpoint", token: us)
        #expect(checkpoint.status == 200)
        let lines = checkpoint.text.split(separator: "\n", omittingEmptySubsequences: false)
        let size = try #require(lines.count > 2 ? Int(lines[1]) : nil)
        #expect(size > 20)
        let entries = try await Self.request(
            base + "/api/v1/mechanisms/\(mechanism)/log/entries?start=0&end=\(size)",
            token: us
        )
        let items = try JSONSerialization.jsonObject(with: entries.body) as? [[String: Any]]
        #expect(items?.count == size)
        #expect(entries.text.contains("positive, upbeat, constructive"))
        #expect(!entries.text.contains("Sample note"))

        let key = try await Self.request(base + "/api/v1/log/key")
        let vkey = key.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("parley-state-\(UUID()).json").path
        let privateState = state + ".private"
        defer {
            try? FileManager.default.removeItem(atPath: state)
            try? FileManager.default.removeItem(atPath: privateState)
        }
        let common = ["audit", "--server", base, "--mechanism", mechanism, "--token", us, "--server-key", vkey]
        let shared = try Self.verify(common + ["--state", state])
        #expect(shared.0 == 0, "\(shared.1)")
        let again = try Self.verify(common + ["--state", state])
        #expect(again.0 == 0, "\(again.1)")
        let own = try Self.verify(common + ["--state", privateState, "--private"])
        #expect(own.0 == 0, "\(own.1)")

        // US's private log: US reads its sample notes; Russia reaches only its own private log.
        let usPrivate = try await Self.request(
            base + "/api/v1/mechanisms/\(mechanism)/private-log/checkpoint",
            token: us
        )
        let usOrigin = usPrivate.text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(usOrigin.contains("/party/"))
        let usSize = usPrivate.text.split(separator: "\n").dropFirst().first.flatMap { Int($0) } ?? 0
        let usNotes = try await Self.request(
            base + "/api/v1/mechanisms/\(mechanism)/private-log/entries?start=0&end=\(usSize)",
            token: us
        )
        #expect(usNotes.text.contains("US delegation"))

        let ru = try await Self.token(base, "ru-negotiator")
        let ruPrivate = try await Self.request(
            base + "/api/v1/mechanisms/\(mechanism)/private-log/checkpoint",
            token: ru
        )
        #expect(ruPrivate.status == 200)
        #expect(!ruPrivate.text.contains(usOrigin))
        let usParty = String(usOrigin.split(separator: "/").last ?? "")
        for path in [
            "/private-log/\(usParty)/checkpoint", "/private-log/party/\(usParty)/checkpoint",
            "/log/party/\(usParty)/checkpoint",
        ] {
            let answer = try await Self.request(base + "/api/v1/mechanisms/\(mechanism)\(path)", token: ru)
            #expect(answer.status == 404, "\(path)")
        }
        let ruSize = ruPrivate.text.split(separator: "\n").dropFirst().first.flatMap { Int($0) } ?? 0
        let ruNotes = try await Self.request(
            base + "/api/v1/mechanisms/\(mechanism)/private-log/entries?start=0&end=\(ruSize)",
            token: ru
        )
        #expect(ruNotes.status == 200)
        #expect(ruNotes.text.contains("Russian delegation"))
        #expect(!ruNotes.text.contains("US delegation"))
        let ruAudit = try Self.verify(
            [
                "audit", "--server", base, "--mechanism", mechanism, "--token", ru, "--server-key", vkey, "--private",
                "--state", privateState + ".ru",
            ]
        )
        try? FileManager.default.removeItem(atPath: privateState + ".ru")
        #expect(ruAudit.0 == 0, "\(ruAudit.1)")
        #expect(!ruAudit.1.contains(usOrigin))

        // The operator reads no content: the shared log answers as if missing.
        let op = try await Self.token(base, "operator")
        let opCheckpoint = try await Self.request(base + "/api/v1/mechanisms/\(mechanism)/log/checkpoint", token: op)
        #expect(opCheckpoint.status == 404)

        let stopped = Date()
        server.process.terminate()
        while server.process.isRunning, Date().timeIntervalSince(stopped) < 15 {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!server.process.isRunning)
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)

        // One structured line per request, UTC timestamp first; tokens never appear.
        let log = try String(contentsOf: server.errorLog, encoding: .utf8)
        let healthLine = try #require(log.split(separator: "\n").first { $0.contains("GET /healthz 200") })
        #expect(
            healthLine.wholeMatch(
                of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info parley\.web: GET \/healthz 200 .*http\.status=200.*/
            ) != nil,
            "\(healthLine)"
        )
        #expect(!log.contains(us))
        try? FileManager.default.removeItem(at: server.errorLog)
    }

    @Test func demoRefusesADatabaseThatHoldsMechanisms() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parley-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = dir.appendingPathComponent("parley.sqlite").path
        let created = try CLIRunner.run(["mechanism", "create", "--title", "Existing", "--database", database])
        #expect(created.status == 0, "\(created.stderr)")
        let serve = try CLIRunner.run(["serve", "--demo", "--port", "0", "--database", database])
        #expect(serve.status != 0)
        #expect(serve.stderr.contains("already holds mechanisms"), "\(serve.stderr)")
        #expect(!serve.stdout.contains("Parley listening"))
        // Nothing was seeded into it.
        let list = try CLIRunner.run(["mechanism", "list", "--database", database])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("Existing"))
        #expect(!list.stdout.contains("US–Russia consultations"))
    }

    @Test func operatorCreateKeepsOneOperatorPerName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parley-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = dir.appendingPathComponent("parley.sqlite").path
        let created = try CLIRunner.run(
            ["operator", "create", "--username", "ops", "--password-stdin", "--database", database],
            stdin: Data("a long operator password\n".utf8)
        )
        #expect(created.status == 0, "\(created.stderr)")
        #expect(!created.stdout.contains("a long operator password"))
        let again = try CLIRunner.run(
            ["operator", "create", "--username", "ops", "--password-stdin", "--database", database],
            stdin: Data("a long operator password\n".utf8)
        )
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"), "\(again.stderr)")
        let bad = try CLIRunner.run(["operator", "create", "--username", "Ops!", "--database", database])
        #expect(bad.status != 0)
    }
}
