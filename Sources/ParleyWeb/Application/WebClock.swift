// ParleyWeb: where the web layer gets the time. Injected, so that session expiry and sign-in
// throttling are tested deterministically by moving a clock instead of sleeping.

public import Foundation

/// A source of the current time.
public protocol WebClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system clock.
public struct SystemWebClock: WebClock {
    public init() {}
    public func now() -> Date { Date() }
}
