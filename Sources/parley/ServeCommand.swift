// `parley serve`: the web server over the store (DESIGN.md "Interfaces", "Demo"). Flags win over
// PARLEY_… variables, which win over defaults. With --demo it seeds a fresh demo record (a new
// temporary database unless --database names an empty one) and prints the demo accounts.
import ArgumentParser
import Foundation
import Logging
import ParleyCore
import ParleyStore
import ParleyWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web server (pages, JSON API, log API).",
        discussion: """
            Listens on http://127.0.0.1:8080 unless told otherwise. With --demo, serves a fresh \
            demonstration record built from a report of the US–Russia talks in Riyadh on \
            18 February 2025, and prints the demo accounts and their password \
            (PARLEY_DEMO_PASSWORD sets it; otherwise a random one per start).
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Address to bind (env PARLEY_HOST; default 127.0.0.1).", valueName: "address"))
    var host: String?

    @Option(help: ArgumentHelp("Port to bind; 0 picks a free one (env PARLEY_PORT; default 8080).", valueName: "port"))
    var port: Int?

    @Flag(help: "Clients reach the server over TLS: Secure, __Host- cookies and HSTS (env PARLEY_SECURE_COOKIES=1).")
    var secureCookies = false

    @Flag(help: "Serve a fresh demo record (a temporary database unless --database names an empty one).")
    var demo = false

    static var environment: [String: String] { StoreOptions.environment }

    func run() async throws {
        let host = self.host ?? Self.environment["PARLEY_HOST"] ?? "127.0.0.1"
        let port = try self.port ?? Self.environment["PARLEY_PORT"].map(Self.parsePort) ?? 8080
        let secure =
            secureCookies
            || ["1", "true", "yes"].contains(Self.environment["PARLEY_SECURE_COOKIES"]?.lowercased() ?? "")
        LoggingSystem.bootstrap { LineLogHandler(label: $0) }
        let logger = Logger(label: "parley")

        var options = store
        var demoDirectory: URL?
        if demo, options.database == nil, Self.environment["PARLEY_DATABASE_URL"] == nil {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("parley-demo-\(UUID().uuidString.lowercased())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            demoDirectory = directory
            options.database = directory.appendingPathComponent("parley.sqlite").path
            options.keyFile = directory.appendingPathComponent("parley.key").path
            options.secretFile = directory.appendingPathComponent("parley.secret").path
        }
        defer { if let demoDirectory { try? FileManager.default.removeItem(at: demoDirectory) } }

        let store = try await options.open(migrate: false, logger: logger)
        do {
            try await serve(store, options: options, host: host, port: port, secure: secure, logger: logger)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }

    private func serve(_ store: Store, options: StoreOptions, host: String, port: Int, secure: Bool, logger: Logger)
        async throws
    {
        let secret = try options.serverSecret()
        var demoAccounts: [DemoAccount] = []
        if demo {
            guard try await store.allMechanisms().isEmpty else {
                throw CLIError(
                    "--demo needs a fresh database, and \(try options.location()) already holds mechanisms; leave out --database to use a temporary one"
                )
            }
            let password =
                Self.environment["PARLEY_DEMO_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
                ?? OneTimePassword.make(length: 16)
            let hash = try await PasswordHasher(secret: secret).hash(password)
            (_, demoAccounts) = try await DemoSeeder.seed(store, passwordHash: hash, password: password)
        }
        let configuration = WebConfiguration(
            host: host,
            port: port,
            secureCookies: secure,
            demo: demo,
            demoAccounts: demoAccounts,
            serverSecret: secret
        )
        let services = WebServices(
            accounts: StoreAccountDirectory(store: store),
            sessions: StoreSessionStore(store: store),
            tokens: StoreTokenStore(store: store),
            mechanisms: StoreMechanismDirectory(store: store),
            logs: StoreLogDirectory(store: store),
            logger: Logger(label: "parley.web")
        )
        let accounts = demoAccounts
        try await runApplication(configuration: configuration, services: services) { bound in
            var text = "Parley listening on http://\(host):\(bound)\n"
            if !accounts.isEmpty {
                text += "Demo accounts (password: \(accounts[0].password)):\n"
                for account in accounts { text += "  \(account.username) — \(account.label)\n" }
            }
            // Unbuffered, so that a script reading the pipe sees the address at once.
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    static func parsePort(_ text: String) throws -> Int {
        guard let port = Int(text), (0...65535).contains(port) else {
            throw ValidationError("PARLEY_PORT must be a port number from 0 to 65535 (not '\(text)')")
        }
        return port
    }
}
