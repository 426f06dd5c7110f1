// ParleyWeb: the Hummingbird application (pages, JSON API, sessions, live updates).
//
// The one configuration value of the web layer (STYLE.md 4). `parley serve` builds it from flags
// and `PARLEY_…` variables; nothing in ParleyWeb reads the environment.

/// A demo account named on the sign-in page when the server runs with `--demo`.
public struct DemoAccount: Sendable, Hashable {
    /// The username to type, e.g. `us-negotiator`.
    public var username: String
    /// Who this account is, e.g. "United States, negotiator".
    public var label: String
    /// The demo password, shown only in demo mode (demo accounts hold sample data only).
    public var password: String

    public init(username: String, label: String, password: String) {
        self.username = username
        self.label = label
        self.password = password
    }
}

/// Everything the web layer needs to know that is not a dependency.
public struct WebConfiguration: Sendable {
    /// Address to bind. Loopback by default: exposing the server is a decision, not an accident.
    public var host: String
    /// Port to bind; 0 asks the system for a free one (tests).
    public var port: Int
    /// A connection with no traffic for this long is closed. Hummingbird's default is never,
    /// which lets slow clients hold connections open (slowloris).
    public var idleTimeout: Duration
    /// True when clients reach the server over TLS (directly or through a proxy): cookies get
    /// `Secure` and the `__Host-` prefix, and responses carry HSTS.
    public var secureCookies: Bool
    /// The `Server` header and the logger's label.
    public var serverName: String
    /// The name shown in every page's header.
    public var serviceName: String
    /// The `lang` of the pages' own text.
    public var language: String
    /// Demo mode: the sign-in page lists `demoAccounts`.
    public var demo: Bool
    public var demoAccounts: [DemoAccount]
    /// The server's secret: keys the password pre-hash and the sign-in form's CSRF token. It must
    /// stay the same across restarts, or no stored password verifies. At least 32 bytes.
    public var serverSecret: [UInt8]
    /// bcrypt cost (log2 rounds) for new password hashes.
    public var passwordCost: UInt8
    /// A session not used for this long ends.
    public var sessionIdleTimeout: Duration
    /// A session ends this long after sign-in, however active.
    public var sessionLifetime: Duration
    /// Failed sign-in throttling.
    public var throttle: ThrottlePolicy
    /// Take the client address from the last `X-Forwarded-For` entry (only behind a proxy that
    /// sets it); otherwise the socket's peer address is used.
    public var trustForwardedFor: Bool
    /// Largest form or JSON body accepted.
    public var maxBodySize: Int

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        idleTimeout: Duration = .seconds(30),
        secureCookies: Bool = false,
        serverName: String = "Parley",
        serviceName: String = "Parley",
        language: String = "en",
        demo: Bool = false,
        demoAccounts: [DemoAccount] = [],
        serverSecret: [UInt8],
        passwordCost: UInt8 = 12,
        sessionIdleTimeout: Duration = .seconds(2 * 3600),
        sessionLifetime: Duration = .seconds(12 * 3600),
        throttle: ThrottlePolicy = ThrottlePolicy(),
        trustForwardedFor: Bool = false,
        maxBodySize: Int = 1 << 20
    ) {
        self.host = host
        self.port = port
        self.idleTimeout = idleTimeout
        self.secureCookies = secureCookies
        self.serverName = serverName
        self.serviceName = serviceName
        self.language = language
        self.demo = demo
        self.demoAccounts = demoAccounts
        self.serverSecret = serverSecret
        self.passwordCost = passwordCost
        self.sessionIdleTimeout = sessionIdleTimeout
        self.sessionLifetime = sessionLifetime
        self.throttle = throttle
        self.trustForwardedFor = trustForwardedFor
        self.maxBodySize = maxBodySize
    }

    /// The session cookie's name: RFC 6265bis §4.1.3.2 `__Host-` binds it to this host, path `/`
    /// and a secure origin, so a sibling subdomain cannot plant or shadow it.
    public var sessionCookieName: String { secureCookies ? "__Host-parley_session" : "parley_session" }

    /// The sign-in form's CSRF cookie (a session does not exist yet when the form is shown).
    public var signInCookieName: String { secureCookies ? "__Host-parley_signin" : "parley_signin" }
}
