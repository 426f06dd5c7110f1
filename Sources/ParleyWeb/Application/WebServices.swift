// ParleyWeb: the dependencies of the web layer, each behind a small protocol (STYLE.md 5), so
// that tests pass in-memory ones and `parley serve` passes ParleyStore's.

public import Logging
public import ParleyStore

/// Everything the web layer reads from or writes to, bundled for `buildApplication`.
public struct WebServices: Sendable {
    /// Accounts and password hashes.
    public var accounts: any AccountDirectory
    /// Page sessions.
    public var sessions: any SessionStore
    /// API tokens.
    public var tokens: any TokenStore
    /// Mechanisms as each account may see them.
    public var mechanisms: any MechanismDirectory
    /// The logs, for the log API.
    public var logs: any LogDirectory
    /// The store the mechanism pages read and write through (dashboard, irritants, notes).
    /// Without it those pages show only the mechanism's summary.
    public var store: Store?
    /// The time (session expiry, throttling).
    public var clock: any WebClock
    /// Where request logs and errors go.
    public var logger: Logger

    public init(
        accounts: any AccountDirectory,
        sessions: any SessionStore = MemorySessionStore(),
        tokens: any TokenStore,
        mechanisms: any MechanismDirectory,
        logs: any LogDirectory = NoLogs(),
        store: Store? = nil,
        clock: any WebClock = SystemWebClock(),
        logger: Logger = Logger(label: "parley.web")
    ) {
        self.accounts = accounts
        self.sessions = sessions
        self.tokens = tokens
        self.mechanisms = mechanisms
        self.logs = logs
        self.store = store
        self.clock = clock
        self.logger = logger
    }
}
