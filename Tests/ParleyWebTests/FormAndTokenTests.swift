import Testing

@testable import ParleyWeb

@Suite struct FormAndTokenTests {
    @Test func formFieldsDecodeLikeABrowserSendsThem() {
        let form = FormFields(urlEncoded: "a=1&b=hello+world&c=%D0%B6%21&a=2&empty=&flag&bad=%zz%4")
        #expect(form["a"] == "1")
        #expect(form.all("a") == ["1", "2"])
        #expect(form["b"] == "hello world")
        #expect(form["c"] == "ж!")
        #expect(form["empty"] == "")
        #expect(form["flag"] == "")
        #expect(form["bad"] == "%zz%4")
        #expect(form["missing"] == nil)
    }

    @Test func tokensAre43Base64URLCharactersAndDistinct() {
        let a = SecureBytes.token()
        let b = SecureBytes.token()
        #expect(a.count == 43)
        #expect(a != b)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test func base64URLMatchesRFC4648Vectors() {
        // RFC 4648 §10 vectors, base64url alphabet, no padding.
        let vectors = [
            "": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy",
        ]
        for (input, output) in vectors { #expect(SecureBytes.base64URL(Array(input.utf8)) == output) }
        #expect(SecureBytes.base64URL([0xFB, 0xFF]) == "-_8")
    }
}
