// In-memory implementations of ParleyWeb's protocols and helpers to drive the router in tests.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ParleyCore
import Synchronization
import Testing

@testable import ParleyWeb

/// A clock that moves only when told to.
final class ManualClock: WebClock {
    private let current: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_740_000_000)) { current = Mutex(start) }
    func now() -> Date { current.withLock { $0 } }
    func advance(seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Accounts held in memory.
final class MemoryAccounts: AccountDirectory {
    private let entries: Mutex<[String: AccountCredentials]> = Mutex([:])

    func add(_ account: Account, passwordHash: String) {
        entries.withLock { $0[account.username] = AccountCredentials(account: account, passwordHash: passwordHash) }
    }
    func disable(_ username: String) {
        entries.withLock { $0[username]?.account.active = false }
    }
    func credentials(username: String) async throws -> AccountCredentials? { entries.withLock { $0[username] } }
    func account(id: AccountID) async throws -> Account? {
        entries.withLock { $0.values.first { $0.account.id == id }?.account }
    }
    func setPasswordHash(_ hash: String, for account: AccountID) async throws {
        entries.withLock { entries in
            for (name, value) in entries where value.account.id == account { entries[name]?.passwordHash = hash }
        }
    }
}

/// API tokens held in memory.
actor MemoryTokens: TokenStore {
    private(set) var records: [String: APITokenRecord] = [:]
    func insert(_ token: APITokenRecord) { records[token.hash] = token }
    func token(hash: String) -> APITokenRecord? { records[hash] }
    func delete(hash: String) { records[hash] = nil }
    func tokens(account: AccountID) -> [APITokenRecord] {
        records.values.filter { $0.account == account }.sorted { $0.createdAt > $1.createdAt }
    }
}

/// Mechanisms held in memory; an account sees those its party belongs to. The id `explode`
/// throws an unexpected error (to test the 500 path).
struct MemoryMechanisms: MechanismDirectory {
    struct Unexpected: Error {}
    var entries: [(summary: MechanismSummary, parties: [PartyID])]

    func mechanisms(visibleTo account: Account) async throws -> [MechanismSummary] {
        entries.filter { $0.parties.contains { $0 == account.party } }.map(\.summary)
    }
    func mechanism(_ id: MechanismID, visibleTo account: Account) async throws -> MechanismSummary? {
        if id.rawValue == "explode" { throw Unexpected() }
        return entries.first { $0.summary.id == id && $0.parties.contains { $0 == account.party } }?.summary
    }
}

/// One assembled test application with its in-memory services.
struct TestWorld {
    static let secret = [UInt8](repeating: 7, count: 32)
    static let password = "correct horse battery staple"

    let clock = ManualClock()
    let accounts = MemoryAccounts()
    let sessions = MemorySessionStore()
    let tokens = MemoryTokens()
    var configuration: WebConfiguration
    let hasher = PasswordHasher(secret: TestWorld.secret, cost: 4)

    static let usParty = PartyID("party-us")
    static let ruParty = PartyID("party-ru")
    static let usMechanism = MechanismID("11111111-1111-4111-8111-111111111111")
    static let otherMechanism = MechanismID("22222222-2222-4222-8222-222222222222")

    init(demo: Bool = false, secureCookies: Bool = false) async throws {
        configuration = WebConfiguration(
            secureCookies: secureCookies,
            demo: demo,
            demoAccounts: [
                DemoAccount(username: "us-negotiator", label: "United States, negotiator", password: "demo")
            ],
            serverSecret: Self.secret,
            passwordCost: 4,
            throttle: ThrottlePolicy(
                accountFailures: 5,
                clientFailures: 50,
                baseDelay: .seconds(30),
                maxDelay: .seconds(900),
                window: .seconds(900)
            )
        )
        let hash = try await hasher.hash(Self.password)
        accounts.add(
            Account(
                id: AccountID("acct-us"),
                username: "us-negotiator",
                party: Self.usParty,
                role: .negotiator,
                member: nil
            ),
            passwordHash: hash
        )
        accounts.add(
            Account(
                id: AccountID("acct-ru"),
                username: "ru-negotiator",
                party: Self.ruParty,
                role: .negotiator,
                member: nil
            ),
            passwordHash: hash
        )
    }

    var services: WebServices {
        var logger = Logger(label: "parley.web.test")
        logger.logLevel = .critical
        return WebServices(
            accounts: accounts,
            sessions: sessions,
            tokens: tokens,
            mechanisms: MemoryMechanisms(entries: [
                (
                    MechanismSummary(
                        id: Self.usMechanism,
                        title: "US–Russia consultations <b>",
                        sides: ["United States", "Russia"],
                        facilitators: ["Saudi Arabia"]
                    ), [Self.usParty, Self.ruParty]
                ),
                (
                    MechanismSummary(
                        id: Self.otherMechanism,
                        title: "Another mechanism",
                        sides: ["Russia", "Ukraine"],
                        facilitators: []
                    ), [Self.ruParty]
                ),
            ]),
            clock: clock,
            logger: logger
        )
    }

    func application() async throws -> some ApplicationProtocol {
        try await buildApplication(configuration: configuration, services: services)
    }
}

// MARK: - Request helpers

extension TestResponse {
    var text: String { String(buffer: body) }

    /// `name=value` of every `Set-Cookie`, by name.
    var setCookies: [String: String] {
        var cookies: [String: String] = [:]
        for field in headers where field.name == .setCookie {
            cookies[String(field.value.prefix { $0 != "=" })] = field.value
        }
        return cookies
    }

    /// The value part of the cookie `name` this response sets.
    func cookieValue(_ name: String) -> String? {
        guard let full = setCookies[name] else { return nil }
        return String(full.dropFirst(name.count + 1).prefix { $0 != ";" })
    }

    /// The value of the first hidden `csrf` field in the page.
    var csrfField: String? {
        guard let range = text.range(of: #"name="csrf" value=""#) else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// URL-encodes form fields the way a browser does.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._*")
    let text = fields.map { name, value in
        let v = value.addingPercentEncoding(withAllowedCharacters: allowed)!
        return "\(name)=\(v)"
    }.joined(separator: "&")
    return ByteBuffer(string: text)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

func headers(cookie: String?, form: Bool = false) -> HTTPFields {
    var fields: HTTPFields = form ? formHeaders : [:]
    if let cookie { fields[.cookie] = cookie }
    return fields
}

/// A signed-in browser: the cookies it holds after signing in.
struct Browser {
    var sessionCookie: String
    var csrf: String
    var cookieHeader: String { "parley_session=\(sessionCookie)" }
}

/// Sign in through the form; returns the response of the POST and, on success, the browser.
@discardableResult
func signIn(
    _ client: some TestClientProtocol,
    username: String,
    password: String,
    extraHeaders: HTTPFields = [:]
) async throws -> (response: TestResponse, browser: Browser?) {
    let form = try await client.execute(uri: "/sign-in", method: .get)
    let nonce = try #require(form.cookieValue("parley_signin"))
    let csrf = try #require(form.csrfField)
    var fields = headers(cookie: "parley_signin=\(nonce)", form: true)
    fields.append(contentsOf: extraHeaders)
    let response = try await client.execute(
        uri: "/sign-in",
        method: .post,
        headers: fields,
        body: formBody([("csrf", csrf), ("username", username), ("password", password)])
    )
    guard let session = response.cookieValue("parley_session"), !session.isEmpty else { return (response, nil) }
    let page = try await client.execute(
        uri: "/mechanisms",
        method: .get,
        headers: headers(cookie: "parley_session=\(session)")
    )
    return (response, Browser(sessionCookie: session, csrf: try #require(page.csrfField)))
}
