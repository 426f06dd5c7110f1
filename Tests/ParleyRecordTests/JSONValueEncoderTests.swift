// JSONValueEncoder must build exactly the tree that Foundation's JSONEncoder text parses to:
// canonical entries written before it replaced that round trip must not change by a byte.

import Foundation
import ParleyRecord
import Testing

@Suite struct JSONValueEncoderTests {
    enum Shape: Codable, Equatable {
        case dot
        case circle(radius: Double)
        case polygon([Int], label: String?)
    }

    class Base: Codable {
        var name = "base"
    }

    final class Derived: Base {
        var extra: [String: Int8] = ["a": -128, "b": 127]
        enum Keys: String, CodingKey { case extra }
        override init() { super.init() }
        required init(from decoder: any Decoder) throws { try super.init(from: decoder) }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(extra, forKey: .extra)
            try super.encode(to: container.superEncoder())
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct Everything: Encodable {
        var text = "Riyadh, 18 February 2025 — «consultations» \u{1F91D} \"quoted\" \\ \n\t\u{0}"
        var flag = true
        var none: String? = nil
        var some: String? = "present"
        var nulls: [Int?] = [1, nil, 3]
        var integers: [Int64] = [0, -1, 9_007_199_254_740_993, Int64.max, Int64.min]
        var unsigned: [UInt64] = [UInt64.max, 42]
        var small: [Int8] = [Int8.min, Int8.max]
        var words: [UInt16] = [0, UInt16.max]
        var doubles: [Double] = [0, -0.0, 1e300, 5e-324, 0.1, 1 / 3, 123_456_789.125]
        var floats: [Float] = [0.1, 3.4e38, 1e-45, 16_777_217]
        var shapes: [Shape] = [.dot, .circle(radius: 2.5), .polygon([1, 2, 3], label: nil)]
        var nested: [[String: [Double]]] = [["x": [1, 2]], [:]]
        var derived = Derived()
        var date = Date(timeIntervalSince1970: 1_739_871_000)
        var data = Data([0, 1, 2, 250, 255])
        var url = URL(string: "https://example.org/a?b=c")!
        var decimal = Decimal(string: "12.345")!
        var empty: [String] = []

        enum CodingKeys: String, CodingKey {
            case text, composed, flag, none, some, nulls, integers, unsigned, small, words, doubles, floats
            case shapes, nested, derived, date, data, url, decimal, empty
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            // Canonically equivalent keys are one key to JSONEncoder; the last value is kept.
            var composed = c.nestedContainer(keyedBy: AnyKey.self, forKey: .composed)
            try composed.encode(1, forKey: AnyKey(stringValue: "A\u{30A}"))
            try composed.encode(2, forKey: AnyKey(stringValue: "\u{C5}"))
            try composed.encode(3, forKey: AnyKey(stringValue: "B"))
            try c.encode(flag, forKey: .flag)
            try c.encodeIfPresent(none, forKey: .none)
            try c.encode(some, forKey: .some)
            try c.encode(nulls, forKey: .nulls)
            try c.encode(integers, forKey: .integers)
            try c.encode(unsigned, forKey: .unsigned)
            try c.encode(small, forKey: .small)
            try c.encode(words, forKey: .words)
            try c.encode(doubles, forKey: .doubles)
            try c.encode(floats, forKey: .floats)
            try c.encode(shapes, forKey: .shapes)
            try c.encode(nested, forKey: .nested)
            try c.encode(derived, forKey: .derived)
            try c.encode(date, forKey: .date)
            try c.encode(data, forKey: .data)
            try c.encode(url, forKey: .url)
            try c.encode(decimal, forKey: .decimal)
            try c.encode(empty, forKey: .empty)
            // A key written twice keeps its last value, as in JSONEncoder.
            try c.encode("first", forKey: .empty)
            try c.encode(["second"], forKey: .empty)
            var list = c.nestedUnkeyedContainer(forKey: .none)
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: CodingKeys.self)
            try inner.encode(1.5, forKey: .flag)
        }
    }

    func viaFoundation<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONValue.parse(JSONEncoder().encode(value))
    }

    @Test func buildsTheTreeFoundationsTextParsesTo() throws {
        let value = Everything()
        let direct = try JSONValueEncoder().encode(value)
        #expect(direct == (try viaFoundation(value)))
        #expect(try CanonicalJSON.encode(direct) == CanonicalJSON.canonicalize(JSONEncoder().encode(value)))
        #expect(try CanonicalJSON.encode(value) == CanonicalJSON.canonicalize(JSONEncoder().encode(value)))
    }

    @Test func topLevelScalarsAndContainers() throws {
        #expect(try JSONValueEncoder().encode("text") == .string("text"))
        #expect(try JSONValueEncoder().encode(7) == .number(7))
        #expect(try JSONValueEncoder().encode([String?]([nil])) == (try viaFoundation([String?]([nil]))))
        #expect(
            try JSONValueEncoder().encode(Shape.polygon([], label: "x"))
                == (try viaFoundation(Shape.polygon([], label: "x")))
        )
        let byNumber: [Int: String] = [3: "c", 1: "a"]
        #expect(try JSONValueEncoder().encode(byNumber) == (try viaFoundation(byNumber)))
    }

    @Test func nonFiniteNumbersAreRefusedAsByJSONEncoder() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(["x": Double.infinity]) }
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(Float.infinity) }
        #expect(throws: EncodingError.self) { try JSONEncoder().encode([Double.nan]) }
    }
}
