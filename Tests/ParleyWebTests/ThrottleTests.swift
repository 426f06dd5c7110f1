import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ParleyWeb

@Suite struct ThrottleTests {
    @Test func fiveFailuresThenWaitThenReset() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            for _ in 0..<5 {
                let r = try await signIn(client, username: "us-negotiator", password: "wrong").response
                #expect(r.status == .unprocessableContent)
            }
            // The sixth try is refused without checking the password, even the right one.
            let throttled = try await signIn(client, username: "us-negotiator", password: TestWorld.password)
            #expect(throttled.browser == nil)
            #expect(throttled.response.status == .tooManyRequests)
            #expect(throttled.response.headers[.retryAfter] == "30")
            #expect(throttled.response.text.contains("Wait 30 seconds, then try again."))
            // Other accounts are not affected.
            #expect(try await signIn(client, username: "ru-negotiator", password: TestWorld.password).browser != nil)

            world.clock.advance(seconds: 31)
            // After the wait one more failure doubles the next wait.
            let again = try await signIn(client, username: "us-negotiator", password: "wrong").response
            #expect(again.status == .unprocessableContent)
            let longer = try await signIn(client, username: "us-negotiator", password: TestWorld.password).response
            #expect(longer.status == .tooManyRequests)
            #expect(longer.headers[.retryAfter] == "60")

            // After the window with no failures, everything is forgotten.
            world.clock.advance(seconds: 15 * 60)
            let fresh = try await signIn(client, username: "us-negotiator", password: TestWorld.password)
            #expect(fresh.browser != nil)
        }
    }

    @Test func usernameCaseAndSpacesDoNotEscapeTheCount() async throws {
        let world = try await TestWorld()
        let app = try await world.application()
        try await app.test(.router) { client in
            for name in ["us-negotiator", "US-Negotiator", " us-negotiator", "us-NEGOTIATOR ", "Us-negotiator"] {
                _ = try await signIn(client, username: name, password: "wrong")
            }
            let response = try await signIn(client, username: "us-negotiator", password: TestWorld.password).response
            #expect(response.status == .tooManyRequests)
        }
    }

    @Test func oneClientAddressIsLimitedAcrossUsernames() async throws {
        var world = try await TestWorld()
        world.configuration.trustForwardedFor = true
        world.configuration.throttle.clientFailures = 3
        let app = try await world.application()
        try await app.test(.router) { client in
            let from: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "192.0.2.1, 198.51.100.7"]
            for i in 0..<3 {
                _ = try await signIn(client, username: "guess\(i)", password: "wrong", extraHeaders: from)
            }
            let blocked = try await signIn(
                client,
                username: "us-negotiator",
                password: TestWorld.password,
                extraHeaders: from
            )
            #expect(blocked.response.status == .tooManyRequests)
            let elsewhere: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.8"]
            let other = try await signIn(
                client,
                username: "us-negotiator",
                password: TestWorld.password,
                extraHeaders: elsewhere
            )
            #expect(other.browser != nil)
        }
    }

    @Test func successClearsTheAccountCount() async throws {
        let clock = ManualClock()
        let throttle = SignInThrottle(policy: ThrottlePolicy(accountFailures: 2), clock: clock)
        let key = ThrottleKey.account(named: "a")
        await throttle.recordFailure([key])
        await throttle.recordSuccess(key)
        await throttle.recordFailure([key])
        #expect(await throttle.wait(for: [key]) == nil)
        await throttle.recordFailure([key])
        #expect(await throttle.wait(for: [key]) == .seconds(30))
    }

    @Test func memoryStaysBounded() async throws {
        let clock = ManualClock()
        let throttle = SignInThrottle(policy: ThrottlePolicy(maxTrackedKeys: 100), clock: clock)
        for i in 0..<1000 { await throttle.recordFailure([.client("198.51.100.\(i)")]) }
        #expect(await throttle.trackedKeys <= 100)
    }
}
