// Properties of RFC 8785 serialisation over thousands of seeded random values.
import ParleyRecord
import Testing

@Suite struct CanonicalJSONPropertyTests {
    @Test func canonicalFormIsAFixedPointAndParsesBack() throws {
        var rng = SplitMix64(seed: 8785)
        for _ in 0..<3000 {
            let value = RandomJSON.value(&rng)
            let bytes = try CanonicalJSON.encode(value)
            #expect(try CanonicalJSON.canonicalize(bytes) == bytes)
            // JSONValue compares numbers as Doubles, so -0 and 0 are equal here as in RFC 8785.
            #expect(try JSONValue.parse(bytes) == value, "\(value)")
        }
    }

    @Test func memberOrderDoesNotChangeTheBytes() throws {
        var rng = SplitMix64(seed: 7493)
        for _ in 0..<2000 {
            let value = RandomJSON.value(&rng)
            let reordered = RandomJSON.shuffled(value, &rng)
            #expect(try CanonicalJSON.encode(reordered) == CanonicalJSON.encode(value))
            #expect(reordered == value)
            #expect(reordered.hashValue == value.hashValue)
        }
    }

    @Test func everyFiniteDoubleRoundTrips() throws {
        var rng = SplitMix64(seed: 754)
        for _ in 0..<20000 {
            let d = RandomJSON.finiteDouble(&rng)
            let text = String(decoding: try CanonicalJSON.encode(.number(d)), as: UTF8.self)
            #expect(Double(text) == d, "\(d.bitPattern) → \(text)")
            #expect(try JSONValue.parse(Array(text.utf8)) == .number(d))
        }
    }

    @Test func membersSortByUTF16CodeUnits() throws {
        var rng = SplitMix64(seed: 16)
        for _ in 0..<300 {
            var object = JSONObject()
            for _ in 0..<Int.random(in: 2...40, using: &rng) {
                let key = RandomJSON.string(&rng, maxLength: 3)
                if object.index(forKey: key) == nil { object.members.append((key: key, value: .null)) }
            }
            let parsed = try JSONValue.parse(CanonicalJSON.encode(.object(object)))
            let keys = try #require(parsed.objectValue).keys
            let expected = object.keys.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
            #expect(keys.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
        }
    }
}
