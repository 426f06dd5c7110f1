// ParleyRecord: RFC 8785 §3.2.3 — object members sorted by the UTF-16 code units of their
// names, compared as unsigned integers, with no locale and no normalisation.

extension CanonicalJSON {
    /// Objects this small are sorted by insertion sort (linear when already sorted).
    private static let insertionSortLimit = 32

    /// A member's position and the first eight bytes of its name in UTF-16 rank order, so
    /// most comparisons are one integer comparison.
    private struct SortKey {
        var prefix: UInt64
        var index: Int
    }

    static func writeObject(_ members: [(key: String, value: JSONValue)], into w: inout CanonicalWriter)
        throws(JSONError)
    {
        try writeObject(members, into: &w) { (value, w) throws(JSONError) in try write(value, into: &w) }
    }

    /// Writes an object whose member values `writeValue` writes: a ``JSONValue``'s, or the
    /// members of a Codable value still being built (see JSONNode), without a tree in between.
    static func writeObject<Value>(
        _ members: [(key: String, value: Value)],
        into w: inout CanonicalWriter,
        writeValue: (Value, inout CanonicalWriter) throws(JSONError) -> Void
    ) throws(JSONError) {
        let n = members.count
        if n == 0 {
            w.append("{}")
            return
        }
        let failure: JSONError? = members.withUnsafeBufferPointer { m in
            withUnsafeTemporaryAllocation(of: SortKey.self, capacity: n) { buffer in
                var keys = buffer
                for i in 0..<n { keys.initializeElement(at: i, to: SortKey(prefix: rankPrefix(m[i].key), index: i)) }
                let less = { (a: SortKey, b: SortKey) -> Bool in
                    a.prefix != b.prefix
                        ? a.prefix < b.prefix : JSONKeyOrder.compare(m[a.index].key, m[b.index].key) < 0
                }
                if n <= insertionSortLimit {
                    for i in 1..<n {
                        let moving = keys[i]
                        var j = i
                        while j > 0 && less(moving, keys[j - 1]) {
                            keys[j] = keys[j - 1]
                            j -= 1
                        }
                        keys[j] = moving
                    }
                } else {
                    keys.sort(by: less)
                }
                // RFC 8785 §3.1 requires I-JSON input, whose names are unique; equal names
                // now sit side by side.
                for i in 1..<n
                where keys[i - 1].prefix == keys[i].prefix
                    && JSONKeyOrder.compare(m[keys[i - 1].index].key, m[keys[i].index].key) == 0
                {
                    return JSONError(.duplicateKey(m[keys[i].index].key), at: nil)
                }
                w.append(UInt8(ascii: "{"))
                for i in 0..<n {
                    if i > 0 { w.append(UInt8(ascii: ",")) }
                    let member = m[keys[i].index]
                    writeString(member.key, into: &w)
                    w.append(UInt8(ascii: ":"))
                    do throws(JSONError) {
                        try writeValue(member.value, &w)
                    } catch {
                        return error
                    }
                }
                w.append(UInt8(ascii: "}"))
                return nil
            }
        }
        if let failure { throw failure }
    }

    /// The first eight bytes of `key`, big-endian, zero-padded, with 0xEE/0xEF lifted above the
    /// supplementary-plane lead bytes (see JSONKeyOrder.utf16Less). Different prefixes order
    /// names exactly; equal prefixes need the full comparison.
    @inline(__always)
    private static func rankPrefix(_ key: String) -> UInt64 {
        JSONKeyOrder.withUTF8(key) { bytes in
            var x: UInt64 = 0
            let count = min(bytes.count, 8)
            for i in 0..<8 {
                var b: UInt64 = 0
                if i < count {
                    let byte = bytes[i]
                    b = UInt64((byte == 0xEE || byte == 0xEF) ? byte &+ 0x10 : byte)
                }
                x = x << 8 | b
            }
            return x
        }
    }
}
