// Named negative cases of the strict parser (RFC 8259 grammar + I-JSON, RFC 7493): each must
// fail with the right class of error and say at which byte.
import ParleyRecord
import Testing

@Suite struct JSONParserRejectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: [UInt8]
        let kind: JSONError.Kind
        let offset: Int
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ kind: JSONError.Kind, at offset: Int) {
            self.init(name, Array(text.utf8), kind, at: offset)
        }

        init(_ name: String, _ input: [UInt8], _ kind: JSONError.Kind, at offset: Int) {
            self.name = name
            self.input = input
            self.kind = kind
            self.offset = offset
        }
    }

    static let cases: [Case] = [
        Case("duplicate-key", #"{"a":1,"a":2}"#, .duplicateKey("a"), at: 7),
        Case("duplicate-key-escaped", #"{"b":{"Å":1,"\u00c5":2}}"#, .duplicateKey("Å"), at: 13),
        Case("lone-high-surrogate", #"["\ud800"]"#, .loneSurrogate(0xD800), at: 2),
        Case("high-surrogate-then-bmp", #"["\ud83d\u0041"]"#, .loneSurrogate(0xD83D), at: 2),
        Case("lone-low-surrogate", #""x\udc00""#, .loneSurrogate(0xDC00), at: 2),
        Case("nan-literal", "[NaN]", .nonFiniteLiteral, at: 1),
        Case("infinity-literal", "[1, Infinity]", .nonFiniteLiteral, at: 4),
        Case("negative-infinity-literal", "-Infinity", .nonFiniteLiteral, at: 0),
        Case("number-overflow", #"{"n":1e400}"#, .numberOutOfRange, at: 5),
        Case("negative-number-overflow", "[-2e308]", .numberOutOfRange, at: 1),
        Case("leading-zero", "[01]", .leadingZero, at: 1),
        Case("negative-leading-zero", "-00.5", .leadingZero, at: 1),
        Case("trailing-garbage", "{} x", .trailingGarbage, at: 3),
        Case("two-values", "1 2", .trailingGarbage, at: 2),
        Case("control-char-in-string", "[\"a\tb\"]", .controlCharacterInString(0x09), at: 3),
        Case("invalid-utf8", [0x22, 0x61, 0xFF, 0x22], .invalidUTF8, at: 2),
        Case("invalid-utf8-in-long-string", Array("\"abcdefghijklmn".utf8) + [0xC3, 0x28, 0x22], .invalidUTF8, at: 15),
        Case(
            "control-char-in-long-string",
            "[\"abcdefghij\u{1}klmnopqrstuv\"]",
            .controlCharacterInString(0x01),
            at: 12
        ),
        Case("overlong-utf8", [0x22, 0xC0, 0x80, 0x22], .invalidUTF8, at: 1),
        Case("encoded-surrogate-utf8", [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, at: 1),
        Case("beyond-unicode-utf8", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, at: 1),
        Case("truncated-utf8", [0x22, 0xE2, 0x82, 0x22], .invalidUTF8, at: 1),
        Case(
            "too-deep",
            String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
            .tooDeep(limit: 512),
            at: 512
        ),
        Case("empty-input", "", .emptyInput, at: 0),
        Case("whitespace-only", " \n\t", .emptyInput, at: 3),
        Case("unterminated-string", #"["abc"#, .unexpectedEnd, at: 5),
        Case("trailing-comma", "[1,]", .unexpectedByte(UInt8(ascii: "]")), at: 3),
        Case("bad-escape", #""\x""#, .invalidEscape, at: 1),
        Case("fraction-without-digits", "1.", .unexpectedEnd, at: 2),
        Case("exponent-without-digits", "[1e]", .invalidNumber, at: 3),
        Case("single-quotes", "['a']", .unexpectedByte(UInt8(ascii: "'")), at: 1),
        Case("byte-order-mark", [0xEF, 0xBB, 0xBF, 0x31], .unexpectedByte(0xEF), at: 0),
        Case("plus-sign", "+1", .unexpectedByte(UInt8(ascii: "+")), at: 0),
    ]

    @Test(arguments: cases)
    func rejectsNamedCase(_ c: Case) {
        let error = #expect(throws: JSONError.self) { try JSONValue.parse(c.input) }
        #expect(error?.kind == c.kind)
        #expect(error?.offset == c.offset)
        #expect(error?.description.hasPrefix("JSON error at byte \(c.offset): ") == true)
    }

    @Test func acceptsCanonicallyEquivalentButDistinctNames() throws {
        let value = try JSONValue.parse(Array(#"{"\u00c5":1,"A\u030a":2}"#.utf8))
        #expect(value.objectValue?.count == 2)
        #expect(value["\u{C5}"] == 1)
        #expect(value["A\u{30A}"] == 2)
    }

    @Test func acceptsNestingAtTheLimit() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue.parse(Array(text.utf8)) }
        #expect(throws: JSONError(.tooDeep(limit: 3), at: 3)) {
            try JSONValue.parse(Array("[[[[]]]]".utf8), maxDepth: 3)
        }
    }

    @Test func findsDuplicatesInLargeObjects() {
        let members = (0..<100).map { "\"k\($0)\":\($0)" } + ["\"k42\":0"]
        let text = "{" + members.joined(separator: ",") + "}"
        #expect(throws: JSONError(.duplicateKey("k42"), at: text.utf8.count - 8)) {
            try JSONValue.parse(Array(text.utf8))
        }
    }

    @Test func serialiserRefusesWhatJSONCannotHold() {
        #expect(throws: JSONError(.nonFiniteNumber, at: nil)) { try CanonicalJSON.encode([.number(.nan)]) }
        #expect(throws: JSONError(.nonFiniteNumber, at: nil)) { try CanonicalJSON.encode(["x": .number(-.infinity)]) }
        let duplicated = JSONValue.object(
            JSONObject([(key: "b", value: 1), (key: "a", value: 2), (key: "b", value: 3)])
        )
        #expect(throws: JSONError(.duplicateKey("b"), at: nil)) { try CanonicalJSON.encode(duplicated) }
        #expect(
            JSONError(.nonFiniteNumber, at: nil).description
                == "JSON error: NaN and infinite numbers cannot be written as JSON"
        )
    }

    @Test func acceptsWhatRFC8259Allows() throws {
        let text =
            " {\"a\" : [ true , false , null , -0 , 0.5e-3 , 1E+2 , \"\\/\\b\\f\\n\\r\\t\\\"\\\\\\ud83d\\ude02\" ] } \r\n"
        let value = try JSONValue.parse(Array(text.utf8))
        #expect(value == ["a": [true, false, nil, 0, 0.0005, 100, "/\u{8}\u{C}\n\r\t\"\\😂"]])
        #expect(value["a"]?[3]?.numberValue?.sign == .minus)
    }
}
