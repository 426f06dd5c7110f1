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
        // Eight bytes at a time: find the first byte that needs escaping, if any.
        while i &+ 8 <= n {
            let mask = escapeMask(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            if mask == 0 {
                i &+= 8
                continue
            }
            // The lowest flagged byte is exact (little-endian: the first in memory).
            let at = i &+ mask.littleEndian.trailingZeroBitCount &>> 3
            w.put(UnsafeBufferPointer(start: p + runStart, count: at &- runStart))
            w.reserve(6 &+ (n &- at))
            writeEscape(p[at], into: &w)
            runStart = at &+ 1
            i = runStart
        }
        while i < n {
            let b = p[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                w.put(UnsafeBufferPointer(start: p + runStart, count: i &- runStart))
                w.reserve(6 &+ (n &- i))
                writeEscape(b, into: &w)
                runStart = i &+ 1
            }
            i &+= 1
        }
        w.put(UnsafeBufferPointer(start: p + runStart, count: n &- runStart))
        w.put(UInt8(ascii: "\""))
    }

    /// High bit set in each byte of `x` that is below 0x20, a quote or a backslash — exact for
    /// the lowest such byte, which is all callers use (`(v - 0x01…) & ~v & 0x80…` flags zero
    /// bytes; a borrow can only add false flags above a true one).
    @inline(__always)
    private static func escapeMask(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (x &- ones &* 0x20) & ~x & highs
        let q = x ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q & highs
        let s = x ^ (ones &* 0x5C)
        let backslash = (s &- ones) & ~s & highs
        return below20 | quote | backslash
    }

    /// Like `escapeMask`, but also flagging non-ASCII bytes: the bytes the parser must look at.
    @inline(__always)
    static func specialByteMask(_ x: UInt64) -> UInt64 {
        escapeMask(x) | (x & 0x8080_8080_8080_8080)
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
