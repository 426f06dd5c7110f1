// ParleyRecord: comparing JSON strings the way RFC 8785 requires — by code units, never by
// Swift's `String ==`/`<`, which apply Unicode canonical equivalence ("A\u{30A}" == "\u{C5}").

enum JSONKeyOrder {
    /// Whether two strings hold the same Unicode scalars (equal UTF-8 bytes).
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        // utf8.count is O(1) for native strings and settles most unequal pairs.
        guard a.utf8.count == b.utf8.count else { return false }
        return withUTF8(a) { x in
            withUTF8(b) { y in
                x.count == y.count && (x.count == 0 || memcmpEqual(x, y))
            }
        }
    }

    /// RFC 8785 §3.2.3: member names sort by their UTF-16 code units, compared as unsigned
    /// integers. UTF-8 byte order is code-point order, which differs from UTF-16 order only in
    /// that U+E000…U+FFFF (UTF-8 lead bytes 0xEE, 0xEF) sort *after* the supplementary planes
    /// (lead bytes 0xF0…0xF4) in code-point order but *before* them in UTF-16 (whose surrogates
    /// are 0xD800…0xDFFF). At the first differing byte both strings are at the same position in
    /// a character; 0xEE/0xEF only ever occur as lead bytes, so lifting them above 0xF4 turns
    /// byte order into UTF-16 order.
    @inline(__always)
    static func utf16Less(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    @inline(__always)
    private static func memcmpEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        UnsafeRawBufferPointer(x).elementsEqual(UnsafeRawBufferPointer(y))
    }

    /// Calls `body` with the string's UTF-8 bytes, without copying native strings.
    @inline(__always)
    static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }
}
