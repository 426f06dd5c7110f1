// RFC 8785 canonicalisation against the six published cyberphone vectors (byte-exact output
// and its SHA-256).
import Crypto
import Foundation
import ParleyRecord
import Testing

@Suite struct CanonicalJSONVectorTests {
    static let vectors: [JCSFixtures.Vectors.Vector] =
        (try? JCSFixtures.load(JCSFixtures.Vectors.self, "jcs_vectors").vectors) ?? []

    @Test func fixtureHoldsAllSixCases() {
        #expect(Self.vectors.map(\.name).sorted() == ["arrays", "french", "structures", "unicode", "values", "weird"])
    }

    @Test(arguments: vectors.map(\.name))
    func canonicalizesPublishedVector(_ name: String) throws {
        let vector = try #require(Self.vectors.first { $0.name == name })
        let expected = JCSFixtures.bytes(hex: vector.expected_hex)
        let output = try CanonicalJSON.canonicalize(Array(vector.input_utf8.utf8))
        #expect(output == expected, "\(name): got \(String(decoding: output, as: UTF8.self))")
        #expect(JCSFixtures.hex(SHA256.hash(data: output)) == vector.expected_sha256)
        // Canonical text is a fixed point.
        #expect(try CanonicalJSON.canonicalize(output) == output)
    }

    @Test func keepsUnnormalizedUnicode() throws {
        let output = try CanonicalJSON.canonicalize(Array(#"{"k":"A\u030a","\u00c5":1,"A\u030a":2}"#.utf8))
        #expect(output == Array("{\"A\u{30A}\":2,\"k\":\"A\u{30A}\",\"\u{C5}\":1}".utf8))
    }

    @Test func escapesOnlyWhatRFC8785Requires() throws {
        let text = "\"\u{0}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F}\\\"/\u{7F}\u{2028}€😂\""
        let output = try CanonicalJSON.encode(.string(String(text.dropFirst().dropLast())))
        #expect(
            String(decoding: output, as: UTF8.self) == #""\u0000\b\t\n\u000b\f\r\u001f\\\"/"# + "\u{7F}\u{2028}€😂\""
        )
    }

    @Test func sortsKeysByUTF16CodeUnits() throws {
        // U+1F602 is D83D DE02 in UTF-16, so it precedes U+FB33 although its code point is larger.
        let value: JSONValue = ["\u{FB33}": 1, "\u{1F602}": 2, "\u{E000}": 3, "z": 4, "\u{7F}": 5]
        let output = try CanonicalJSON.encode(value)
        #expect(
            String(decoding: output, as: UTF8.self)
                == "{\"z\":4,\"\u{7F}\":5,\"\u{1F602}\":2,\"\u{E000}\":3,\"\u{FB33}\":1}"
        )
    }

    @Test func sortsNamesSharingLongPrefixes() throws {
        let names = [
            "prefix-long-\u{FFFF}", "prefix-long-a", "prefix-long-", "prefix-long-\u{1F602}", "prefix-long-\u{0}",
            "prefix-lon",
        ]
        let value = JSONValue.object(JSONObject(names.map { (key: $0, value: .null) }))
        let keys = try #require(try JSONValue.parse(CanonicalJSON.encode(value)).objectValue?.keys)
        #expect(
            keys.map { Array($0.utf16) }
                == [
                    "prefix-lon", "prefix-long-", "prefix-long-\u{0}", "prefix-long-a", "prefix-long-\u{1F602}",
                    "prefix-long-\u{FFFF}",
                ].map { Array($0.utf16) }
        )
    }
}
