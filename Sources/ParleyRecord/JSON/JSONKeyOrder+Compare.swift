// ParleyRecord: three-way comparison of member names in RFC 8785 §3.2.3 order (UTF-16 code
// units), used by the canonical serialiser to sort and to spot duplicates in one pass.

extension JSONKeyOrder {
    /// Negative, zero or positive as `a` sorts before, equal to, or after `b` by UTF-16 units.
    @inline(__always)
    static func compare(_ a: String, _ b: String) -> Int {
        withUTF8(a) { x in withUTF8(b) { y in compare(x, y) } }
    }

    static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(x.count, y.count)
        var i = 0
        while i < n {
            let p = x[i], q = y[i]
            if p != q {
                // See utf16Less for why lifting 0xEE/0xEF above 0xF4 gives UTF-16 order.
                let rp = (p == 0xEE || p == 0xEF) ? p &+ 0x10 : p
                let rq = (q == 0xEE || q == 0xEF) ? q &+ 0x10 : q
                return rp < rq ? -1 : 1
            }
            i += 1
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }
}
