// ParleyWeb: the Hummingbird application (pages, JSON API, sessions, live updates).
//
// The headers every response carries. Kept as data so that a route test can check each one
// and the server cannot forget one on an error path.

public enum SecurityHeaders {
    /// No inline script, no framing, nothing loaded from elsewhere.
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    public static func all(signedIn: Bool) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
        ]
        // Nothing behind sign-in may be kept by a shared cache or the browser's history.
        if signedIn { headers.append(("Cache-Control", "no-store")) }
        return headers
    }
}
