import ParleyWeb
import Testing

@Suite struct SecurityHeadersTests {
    @Test func policyForbidsInlineScriptAndFraming() {
        let csp = SecurityHeaders.contentSecurityPolicy
        #expect(csp.contains("script-src 'self'"))
        #expect(!csp.contains("unsafe-inline"))
        #expect(csp.contains("frame-ancestors 'none'"))
    }

    @Test func signedInResponsesAreNotStored() {
        let names = SecurityHeaders.all(signedIn: true).map(\.name)
        #expect(names.contains("Cache-Control"))
        #expect(!SecurityHeaders.all(signedIn: false).map(\.name).contains("Cache-Control"))
        #expect(names.contains("X-Content-Type-Options"))
    }
}
