// ParleyWeb: how many failed sign-ins are allowed before a wait, and how the wait grows
// (OWASP Authentication Cheat Sheet, "Protect against automated attacks").

/// Limits on failed sign-ins, per account name and per client address.
public struct ThrottlePolicy: Sendable, Hashable {
    /// Failures for one username before it must wait.
    public var accountFailures: Int
    /// Failures from one client address before it must wait (higher: many people may share one
    /// address behind a proxy or NAT).
    public var clientFailures: Int
    /// The first wait; each further failure doubles it.
    public var baseDelay: Duration
    /// The longest wait.
    public var maxDelay: Duration
    /// Failures are forgotten this long after the last one (once any wait has passed).
    public var window: Duration
    /// Most keys remembered; the oldest are dropped past this (bounds memory under attack).
    public var maxTrackedKeys: Int

    public init(
        accountFailures: Int = 5,
        clientFailures: Int = 20,
        baseDelay: Duration = .seconds(30),
        maxDelay: Duration = .seconds(15 * 60),
        window: Duration = .seconds(15 * 60),
        maxTrackedKeys: Int = 10_000
    ) {
        self.accountFailures = accountFailures
        self.clientFailures = clientFailures
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.window = window
        self.maxTrackedKeys = maxTrackedKeys
    }
}
