// RFC 8785 §3.2.2.3 number serialisation (ECMAScript Number::toString) against the published
// cyberphone samples, the discrete checks, and digests of the regenerated es6 test file.
import Crypto
import Foundation
import ParleyRecord
import Testing

@Suite struct ECMAScriptNumberTests {
    static let fixture = try? JCSFixtures.load(JCSFixtures.Numbers.self, "es6_numbers")

    static func format(_ bits: UInt64) throws(JSONError) -> String {
        String(decoding: try CanonicalJSON.encode(.number(Double(bitPattern: bits))), as: UTF8.self)
    }

    @Test func matchesReadmeSamplesAndDiscreteChecks() throws {
        let fixture = try #require(Self.fixture)
        let samples = fixture.readme_sample_lines + fixture.discrete_checks
        #expect(samples.count == 16)
        for sample in samples {
            let bits = try #require(UInt64(sample.ieee_hex, radix: 16))
            if let expected = sample.expected {
                #expect(try Self.format(bits) == expected, "bits \(sample.ieee_hex)")
            } else {
                #expect(throws: JSONError(.nonFiniteNumber, at: nil)) { try Self.format(bits) }
            }
        }
    }

    @Test func layoutThresholds() throws {
        let cases: [(Double, String)] = [
            (1e21, "1e+21"), (Double("999999999999999900000")!, "999999999999999900000"),
            (1e-7, "1e-7"), (0.000001, "0.000001"), (1.5e300, "1.5e+300"), (-1.5e-300, "-1.5e-300"),
            (100, "100"), (0.1, "0.1"), (-0.0, "0"), (123.456, "123.456"), (.leastNonzeroMagnitude, "5e-324"),
            (9_007_199_254_740_992, "9007199254740992"), (1e20, "100000000000000000000"),
            (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"), (-4.5, "-4.5"),
            (333_333_333.33333329, "333333333.3333333"), (1.2e-6, "0.0000012"), (0.1 + 0.2, "0.30000000000000004"),
        ]
        for (value, expected) in cases {
            #expect(String(decoding: try CanonicalJSON.encode(.number(value)), as: UTF8.self) == expected)
        }
    }

    @Test func parsesNumbersWithRoundToNearestEven() throws {
        let cases: [(String, UInt64)] = [
            ("9007199254740993", 0x4340_0000_0000_0000),  // halfway: ties to even 2^53
            ("9007199254740995", 0x4340_0000_0000_0002),  // halfway: ties to even 2^53 + 4
            ("0.1", 0x3FB9_9999_9999_999A),
            ("1.7976931348623158e308", 0x7FEF_FFFF_FFFF_FFFF),  // rounds down to the largest double
            ("2.2250738585072011e-308", 0x000F_FFFF_FFFF_FFFF),  // largest subnormal
            ("4.9e-324", 0x0000_0000_0000_0001),
            ("1e-400", 0),  // underflows to zero, which JSON can hold
            ("-0", 0x8000_0000_0000_0000),
            ("123456789012345", 0x42DC_1221_8377_DE40),
        ]
        for (text, bits) in cases {
            let value = try JSONValue.parse(Array(text.utf8))
            #expect(value.numberValue?.bitPattern == bits, "\(text)")
        }
        #expect(throws: JSONError(.numberOutOfRange, at: 0)) {
            try JSONValue.parse(Array("1.7976931348623159e308".utf8))
        }
        #expect(
            try CanonicalJSON.canonicalize(Array("[123456789012345678901234567890, 1E2, 0.50, -0.0]".utf8))
                == Array("[1.2345678901234568e+29,100,0.5,0]".utf8)
        )
    }

    /// Regenerates the first lines of cyberphone's es6testfile100m.txt as its `generator`
    /// describes — the static patterns, then 2,000 serial patterns, then SHA-256-chained random
    /// patterns — and checks every published digest up to `maxLines`.
    @Test func regeneratedTestFileMatchesPublishedDigests() throws {
        let fixture = try #require(Self.fixture)
        let maxLines = 100_000
        let checkpoints = fixture.expected_file_sha256.filter { $0.lines <= maxLines }
        #expect(checkpoints.map(\.lines) == [1000, 10000, 100_000])

        var patterns = PatternSource(staticHex: fixture.generator.static_u64_hex)
        var hasher = SHA256()
        var lines = 0, bytes = 0
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 16)
        for checkpoint in checkpoints {
            while lines < checkpoint.lines {
                let bits = patterns.next()
                chunk.append(contentsOf: String(bits, radix: 16).utf8)
                chunk.append(UInt8(ascii: ","))
                try CanonicalJSON.encode(.number(Double(bitPattern: bits)), into: &chunk)
                chunk.append(0x0A)
                lines += 1
                if chunk.count > 60_000 {
                    hasher.update(data: chunk)
                    bytes += chunk.count
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            hasher.update(data: chunk)
            bytes += chunk.count
            chunk.removeAll(keepingCapacity: true)
            #expect(bytes == checkpoint.bytes, "\(checkpoint.lines) lines")
            #expect(JCSFixtures.hex(hasher.finalize()) == checkpoint.sha256, "\(checkpoint.lines) lines")
        }
    }

    /// The bit patterns of the es6 test file, in order (cyberphone testdata/numgen.go).
    struct PatternSource {
        var staticPatterns: [UInt64]
        var index = 0
        var serial: UInt64 = 0
        var block = [UInt8](repeating: 0, count: 32)
        var used = 32

        init(staticHex: [String]) { staticPatterns = staticHex.map { UInt64($0, radix: 16)! } }

        mutating func next() -> UInt64 {
            if index < staticPatterns.count {
                index += 1
                return staticPatterns[index - 1]
            }
            if serial < 2000 {
                serial += 1
                return 0x0010_0000_0000_0000 + serial - 1
            }
            while true {
                if used == block.count {
                    block = Array(SHA256.hash(data: block))
                    used = 0
                }
                var bits: UInt64 = 0
                for k in 0..<8 { bits |= UInt64(block[used + k]) << (8 * k) }
                used += 8
                let f = Double(bitPattern: bits)
                if f != 0 && f.isFinite { return bits }
            }
        }
    }
}
