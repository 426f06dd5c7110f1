// The one-pass canonical check agrees with parse-and-re-encode: canonical bytes pass, and every
// other text, from the published vectors' inputs to random single-byte changes, does not (unless
// re-encoding gives it back unchanged).
import ParleyRecord
import Testing

@Suite struct CanonicalJSONCheckTests {
    /// The reference answer: bytes are canonical when parsing and re-encoding them gives them back.
    static func reference(_ bytes: [UInt8]) -> Bool {
        (try? CanonicalJSON.canonicalize(bytes)) == bytes
    }

    @Test func publishedVectorsOutputsPassAndTheirInputsDoNot() throws {
        for vector in CanonicalJSONVectorTests.vectors {
            let input = Array(vector.input_utf8.utf8)
            let output = try CanonicalJSON.canonicalize(input)
            #expect(CanonicalJSON.isCanonical(output), "\(vector.name)")
            #expect(CanonicalJSON.isCanonical(input) == (input == output), "\(vector.name)")
        }
    }

    @Test(arguments: [
        "{\"a\":1}", "[]", "{}", "\"\"", "0", "-1", "1e+21", "1.5", "-0.000001", "1e-7", "null", "true", "false",
        "\"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f\\\\\\\"/\u{7F}\u{2028}€😂\"", "{\"\":0,\"a\":[1,{\"b\":null}]}",
        "{\"😂\":1,\"\u{E000}\":2}", "{\"a\\nb\":1,\"a\\u000bc\":2}",
        // A name with an escape sorts by its text (0x0A), not its bytes (0x5C): before "%".
        "{\"\\n\":1,\"%\":2}", "{\"\\n\":\"\\t\",\"%\":\"x\"}",
    ])
    func canonicalTextsPass(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.reference(bytes), "reference: \(text)")
        #expect(CanonicalJSON.isCanonical(bytes), "\(text)")
    }

    @Test(arguments: [
        "{ \"a\":1}", "{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":2}", "-0", "01", "1.0", "1E+21", "1e21", "0.0000001",
        "\"\\/\"", "\"\\u000A\"", "\"\\u000a\"", "\"\\u00e9\"", "\"\u{1}\"", "[1,]", "[1 ]", "nul", "truex",
        "{\"\u{E000}\":1,\"😂\":2}", "1 ", "", "{\"a\":1}x", "9007199254740993",
        "{\"%\":1,\"\\n\":2}", "{\"%\":\"\\t\",\"\\n\":2}",
    ])
    func otherTextsFail(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(!Self.reference(bytes), "reference: \(text)")
        #expect(!CanonicalJSON.isCanonical(bytes), "\(text)")
    }

    @Test(
        arguments: [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]]
    )
    func malformedUTF8Fails(_ inside: [UInt8]) {
        let bytes = [UInt8(ascii: "\"")] + inside + [UInt8(ascii: "\"")]
        #expect(!Self.reference(bytes))
        #expect(!CanonicalJSON.isCanonical(bytes))
    }

    /// Long strings are skimmed eight bytes at a time: every byte value, at every position of
    /// the first words and in the tail after them, gets the answer re-encoding gives.
    @Test func everyByteAtEveryPositionOfALongString() {
        for position in 0..<19 {
            for byte in 0...UInt8.max {
                var inside = Array(repeating: UInt8(ascii: "a"), count: 19)
                inside[position] = byte
                let bytes = [UInt8(ascii: "\"")] + inside + [UInt8(ascii: "\"")]
                #expect(CanonicalJSON.isCanonical(bytes) == Self.reference(bytes), "byte \(byte) at \(position)")
            }
        }
    }

    @Test func agreesWithReEncodingOnRandomValuesAndTheirMutations() throws {
        var rng = SplitMix64(seed: 8_785_2)
        for _ in 0..<1500 {
            let bytes = try CanonicalJSON.encode(RandomJSON.value(&rng))
            #expect(CanonicalJSON.isCanonical(bytes))
            for _ in 0..<8 where !bytes.isEmpty {
                var changed = bytes
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: changed[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: changed.insert(UInt8(truncatingIfNeeded: rng.next() % 128), at: at)
                default: changed.remove(at: at)
                }
                #expect(
                    CanonicalJSON.isCanonical(changed) == Self.reference(changed),
                    "\(String(decoding: changed, as: UTF8.self))"
                )
            }
        }
    }

    @Test func namesTheTopLevelMembersAsked() throws {
        let bytes = Array(#"{"index":42,"log":"mechanism/m1","nested":{"index":7},"v":1}"#.utf8)
        var found: [Range<Int>?] = []
        let names = CanonicalJSON.MemberNames(["v", "log", "index", "absent"])
        let ok = bytes.withUnsafeBytes { CanonicalJSON.isCanonical($0, locating: names, found: &found) }
        #expect(ok)
        #expect(
            found.map { $0.map { String(decoding: bytes[$0], as: UTF8.self) } } == [
                "1", "\"mechanism/m1\"", "42", nil,
            ]
        )
    }
}
