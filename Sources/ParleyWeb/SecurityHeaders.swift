// ParleyWeb: the Hummingbird application (pages, JSON API, sessions, live updates).
//
// The headers every response carries, errors included (OWASP Secure Headers Project). Kept as
// data so that a route test can check each one and the server cannot forget one on an error
// path; `SecurityHeadersMiddleware` sets them.

public enum SecurityHeaders {
    /// CSP Level 3: no inline script or style, nothing loaded from elsewhere, no framing.
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    /// What every response may be cached as, unless its handler chose otherwise (only static
    /// files do): pages behind sign-in must not stay in a shared cache or the browser's history.
    public static let defaultCacheControl = "no-store"

    /// The headers set on every response. `tls`: the server is reached over HTTPS, so browsers
    /// are told to use nothing else (RFC 6797 HSTS).
    public static func all(tls: Bool) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
        ]
        if tls { headers.append(("Strict-Transport-Security", "max-age=31536000")) }
        return headers
    }
}
