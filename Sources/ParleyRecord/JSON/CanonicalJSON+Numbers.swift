// ParleyRecord: RFC 8785 §3.2.2.3 — numbers are written as ECMAScript's
// Number.prototype.toString writes them (ECMA-262 §6.1.6.1.20 Number::toString): the shortest
// digits that round-trip, laid out positionally for 1e-7 < |x| < 1e21 and in exponent form
// otherwise. NaN and the infinities have no JSON form and are refused.

extension CanonicalJSON {
    /// 2^53: below it every integral double is an exact Int64 and prints as such.
    private static let exactIntegerLimit = 9_007_199_254_740_992.0

    static func writeNumber(_ d: Double, into w: inout CanonicalWriter) throws(JSONError) {
        guard d.isFinite else { throw JSONError(.nonFiniteNumber, at: nil) }
        // Fast path for the integers entries are full of (this also writes -0 as "0").
        if d.magnitude < exactIntegerLimit && d.rounded(.towardZero) == d {
            writeInteger(Int64(d), into: &w)
            return
        }
        writeShortest(d, into: &w)
    }

    private static func writeInteger(_ value: Int64, into w: inout CanonicalWriter) {
        w.reserve(20)
        if value < 0 { w.put(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = w.count
        repeat {
            w.put(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude != 0
        // The digits came out least significant first.
        var (i, j) = (start, w.count - 1)
        while i < j {
            w.swapAt(i, j)
            i += 1
            j -= 1
        }
    }

    /// The general case. Swift's `description` yields the shortest round-trip digits, choosing
    /// the closest when several are equally short — the same digits ECMA-262 asks for — but in
    /// its own layout ("1e-07", "100.0"). Read back the digits s (k of them) and the exponent n
    /// with value = 0.s × 10^n, then lay them out by ECMA-262's rules.
    private static func writeShortest(_ d: Double, into w: inout CanonicalWriter) {
        let text = d.magnitude.description
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digits in
            var k = 0
            var pointSeen = false
            var digitsBeforePoint = 0
            var leadingZeros = 0
            var exponent = 0
            var exponentSign = 1
            var inExponent = false
            for c in text.utf8 {
                if inExponent {
                    if c == UInt8(ascii: "-") {
                        exponentSign = -1
                    } else if c != UInt8(ascii: "+") {
                        exponent = exponent * 10 + Int(c - UInt8(ascii: "0"))
                    }
                } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                    inExponent = true
                } else if c == UInt8(ascii: ".") {
                    pointSeen = true
                } else {
                    if !pointSeen { digitsBeforePoint += 1 }
                    if k == 0 && c == UInt8(ascii: "0") {
                        leadingZeros += 1
                    } else {
                        digits[k] = c
                        k += 1
                    }
                }
            }
            while k > 1 && digits[k - 1] == UInt8(ascii: "0") { k -= 1 }
            let n = digitsBeforePoint - leadingZeros + exponentSign * exponent
            // The longest form is "-0.00000" + 17 digits or "-" + 17 digits + "e-324".
            w.reserve(32)
            if d < 0 { w.put(UInt8(ascii: "-")) }
            layOut(UnsafeBufferPointer(rebasing: digits[0..<k]), n: n, into: &w)
        }
    }

    /// ECMA-262 Number::toString steps for digits s = `digits` (k ≥ 1) and exponent n, into
    /// 32 reserved bytes.
    private static func layOut(_ digits: UnsafeBufferPointer<UInt8>, n: Int, into w: inout CanonicalWriter) {
        let k = digits.count
        if k <= n && n <= 21 {
            // Integer: the digits followed by n − k zeros.
            w.put(digits)
            for _ in 0..<(n - k) { w.put(UInt8(ascii: "0")) }
        } else if 0 < n && n <= 21 {
            // The point falls inside the digits.
            w.put(UnsafeBufferPointer(rebasing: digits[0..<n]))
            w.put(UInt8(ascii: "."))
            w.put(UnsafeBufferPointer(rebasing: digits[n..<k]))
        } else if -6 < n && n <= 0 {
            // Small: "0." then −n zeros then the digits.
            w.put(UInt8(ascii: "0"))
            w.put(UInt8(ascii: "."))
            for _ in 0..<(-n) { w.put(UInt8(ascii: "0")) }
            w.put(digits)
        } else {
            // Exponent form: d[.ddd]e±x, the exponent without leading zeros.
            w.put(digits[0])
            if k > 1 {
                w.put(UInt8(ascii: "."))
                w.put(UnsafeBufferPointer(rebasing: digits[1..<k]))
            }
            w.put(UInt8(ascii: "e"))
            w.put(n - 1 < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            writeInteger(Int64((n - 1).magnitude), into: &w)
        }
    }
}
