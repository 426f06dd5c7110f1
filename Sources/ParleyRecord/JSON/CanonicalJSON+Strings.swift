// ParleyRecord: RFC 8785 §3.2.2.2 — strings are written as their UTF-8 bytes, escaping only
// `"`, `\` and the controls below U+0020; everything else (U+007F, U+2028, `/`, non-ASCII) is
// literal.

extension CanonicalJSON {
    static func writeString(_ s: String, into w: inout CanonicalWriter) {
        JSONKeyOrder.withUTF8(s) { bytes in writeString(bytes, into: &w) }
    }

    static func writeString(_ bytes: UnsafeBufferPointer<UInt8>, into w: inout CanonicalWriter) {
        let n = bytes.count
        // Room for the text and both quotes; each escape reserves its extra bytes itself.
        w.reserve(n + 2)
        w.put(UInt8(ascii: "\""))
        guard let p = bytes.baseAddress else {
            w.put(UInt8(ascii: "\""))
            return
        }
        var runStart = 0
        var i = 0
        while i < n {
            // Skip eight bytes at a time while none needs escaping; entries are mostly such runs.
            if i + 8 <= n && !wordNeedsEscape(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let b = p[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                w.put(UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                w.reserve(6 + (n - i))
                writeEscape(b, into: &w)
                runStart = i + 1
            }
            i += 1
        }
        w.put(UnsafeBufferPointer(start: p + runStart, count: n - runStart))
        w.put(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is below 0x20, a quote or a backslash (exact bit tricks:
    /// `(x - 0x01…) & ~x & 0x80…` is non-zero iff some byte of x is zero).
    @inline(__always)
    private static func wordNeedsEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (x &- ones &* 0x20) & ~x & highs
        let q = x ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q & highs
        let s = x ^ (ones &* 0x5C)
        let backslash = (s &- ones) & ~s & highs
        return (below20 | quote | backslash) != 0
    }

    /// Whether eight bytes are all ASCII and none needs escaping (the parser's fast path).
    @inline(__always)
    static func isPlainASCII(_ x: UInt64) -> Bool {
        x & 0x8080_8080_8080_8080 == 0 && !wordNeedsEscape(x)
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// Writes the escape for `b` into space already reserved (at most six bytes).
    @inline(__always)
    private static func writeEscape(_ b: UInt8, into w: inout CanonicalWriter) {
        w.put(UInt8(ascii: "\\"))
        switch b {
        // RFC 8785 §3.2.2.2: these five controls use their two-character forms.
        case 0x08: w.put(UInt8(ascii: "b"))
        case 0x09: w.put(UInt8(ascii: "t"))
        case 0x0A: w.put(UInt8(ascii: "n"))
        case 0x0C: w.put(UInt8(ascii: "f"))
        case 0x0D: w.put(UInt8(ascii: "r"))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): w.put(b)
        default:
            // Other controls: \u00hh with lowercase hexadecimal digits.
            w.put(UInt8(ascii: "u"))
            w.put(UInt8(ascii: "0"))
            w.put(UInt8(ascii: "0"))
            w.put(hexDigits.utf8Start[Int(b >> 4)])
            w.put(hexDigits.utf8Start[Int(b & 0x0F)])
        }
    }
}
