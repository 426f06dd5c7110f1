import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import ParleyWeb

@Suite struct LiveServerTests {
    @Test func servesPagesOverARealSocket() async throws {
        var world = try await TestWorld()
        world.configuration.port = 0
        let bound = Mutex<Int?>(nil)
        let app = try await buildApplication(configuration: world.configuration, services: world.services) { port in
            bound.withLock { $0 = port }
        }
        try await app.test(.live) { client in
            #expect(bound.withLock { $0 } == client.port)
            #expect(client.port != 0)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(health.headers[.server] == "Parley")
            let page = try await client.execute(uri: "/sign-in", method: .get)
            #expect(page.text.contains("<h1 class=\"heading-l\">Sign in</h1>"))
        }
    }

    /// A client that connects and sends nothing is dropped after the idle timeout (slowloris).
    @Test func idleConnectionsAreClosed() async throws {
        var world = try await TestWorld()
        world.configuration.port = 0
        world.configuration.idleTimeout = .milliseconds(300)
        let app = try await world.application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port).get()
            let closed = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await channel.closeFuture.get()
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(5))
                    return false
                }
                let first = try await group.next()!
                group.cancelAll()
                return first
            }
            if !closed { try await channel.close() }
            #expect(closed)
        }
    }

    @Test func requestLogHasMethodPathStatusAndNoSecrets() async throws {
        let lines = LogCapture()
        var world = try await TestWorld()
        let capture = lines
        var logger = Logger(label: "capture") { _ in capture }
        logger.logLevel = .info
        var services = world.services
        services.logger = logger
        world.configuration.port = 0
        let app = try await buildApplication(configuration: world.configuration, services: services)
        try await app.test(.router) { client in
            _ = try await client.execute(
                uri: "/mechanisms?secret-query=1",
                method: .get,
                headers: [.cookie: "parley_session=SECRETCOOKIEVALUE", .authorization: "Bearer SECRETTOKEN"]
            )
            _ = try await client.execute(uri: "/nowhere", method: .get)
        }
        let all = lines.entries.joined(separator: "\n")
        #expect(all.contains("GET /mechanisms 303"))
        #expect(all.contains("http.duration_ms"))
        #expect(all.contains("GET /nowhere 404"))
        #expect(!all.contains("secret-query"))
        #expect(!all.contains("SECRETCOOKIEVALUE"))
        #expect(!all.contains("SECRETTOKEN"))
    }
}

/// A log handler that keeps each message with its metadata as one line of text.
final class LogCapture: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var entries: [String] { lines.withLock { $0 } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let meta = (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        lines.withLock { $0.append("\(event.level) \(event.message) \(meta)") }
    }
}
