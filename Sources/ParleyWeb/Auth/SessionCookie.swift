// ParleyWeb: the `Set-Cookie` values Parley sends (RFC 6265 §4.1). Written out by hand so each
// attribute is visible here: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
// POSTs), Path=/ and, behind TLS, Secure with the `__Host-` name prefix.

enum SessionCookie {
    /// A cookie that lives until the browser closes; the server enforces its own expiry.
    static func set(name: String, value: String, secure: Bool) -> String {
        var cookie = "\(name)=\(value); Path=/; HttpOnly; SameSite=Lax"
        if secure { cookie += "; Secure" }
        return cookie
    }

    /// Tells the browser to drop the cookie now.
    static func clear(name: String, secure: Bool) -> String {
        var cookie = "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        if secure { cookie += "; Secure" }
        return cookie
    }
}
