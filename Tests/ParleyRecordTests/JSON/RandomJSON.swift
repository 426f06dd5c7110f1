// Test support: a seeded generator of JSON values with awkward strings (controls, quotes,
import ParleyRecord

// combining marks, U+2028, the U+E000…U+FFFF block, astral characters) and awkward numbers.

enum RandomJSON {
    static let scalarPools: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x20...0x7E, 0x20...0x7E, 0x00...0x1F, 0x22...0x22, 0x5C...0x5C, 0x7F...0xFF,
        0x0300...0x036F, 0x0400...0x04FF, 0x2028...0x2029, 0xE000...0xFFFD, 0x1_0000...0x1_FFFF, 0x10_FFFF...0x10_FFFF,
    ]

    static func string(_ rng: inout SplitMix64, maxLength: Int = 12) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &rng) {
            let pool = scalarPools.randomElement(using: &rng)!
            if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &rng)) { s.append(scalar) }
        }
        return String(s)
    }

    static func number(_ rng: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return Double(Int.random(in: -1_000_000...1_000_000, using: &rng))
        case 1: return Double(Int64.random(in: -(1 << 60)...(1 << 60), using: &rng))
        case 2: return Double(Int.random(in: -99_999...99_999, using: &rng)) / 1000
        default: return finiteDouble(&rng)
        }
    }

    static func finiteDouble(_ rng: inout SplitMix64) -> Double {
        while true {
            let d = Double(bitPattern: rng.next())
            if d.isFinite { return d }
        }
    }

    static func value(_ rng: inout SplitMix64, depth: Int = 0) -> JSONValue {
        let leafOnly = depth >= 4
        switch Int.random(in: 0..<(leafOnly ? 4 : 6), using: &rng) {
        case 0: return Bool.random(using: &rng) ? .null : .bool(Bool.random(using: &rng))
        case 1, 2: return .string(string(&rng))
        case 3: return .number(number(&rng))
        case 4: return .array((0..<Int.random(in: 0...5, using: &rng)).map { _ in value(&rng, depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let key = string(&rng, maxLength: 4)
                if object.index(forKey: key) == nil {
                    object.members.append((key: key, value: value(&rng, depth: depth + 1)))
                }
            }
            return .object(object)
        }
    }

    /// The same value with every object's members in a random order.
    static func shuffled(_ value: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        switch value {
        case .array(let a): return .array(a.map { shuffled($0, &rng) })
        case .object(let o):
            return .object(
                JSONObject(o.members.map { (key: $0.key, value: shuffled($0.value, &rng)) }.shuffled(using: &rng))
            )
        default: return value
        }
    }
}
