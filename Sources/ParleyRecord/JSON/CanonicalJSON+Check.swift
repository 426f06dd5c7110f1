// Checking that bytes are already canonical (RFC 8785), in one pass and without building values:
// what `verify` asks of every entry in a log. Parsing and re-encoding answers the same question
// at a fraction of the speed; the tests hold the two to the same answers.
//
// Canonical form, as §3.2 writes it: no white space; literals as `null`/`true`/`false`; strings
// with only `"` `\` and the C0 controls escaped (`\b \t \n \f \r`, others `\u00xx` in lower-case
// hex), everything else as UTF-8; numbers as ECMAScript prints them; object members sorted by
// their names' UTF-16 code units, no name twice.

extension CanonicalJSON {
    /// Names of top-level members whose values a check locates, made once and compared as bytes
    /// (a canonical name is written as its UTF-8 unless it holds a control character).
    public struct MemberNames: Sendable {
        let names: [[UInt8]]

        public init(_ names: [String]) { self.names = names.map { Array($0.utf8) } }
    }

    /// Whether `bytes` are exactly the canonical form of some JSON value. When they are and the
    /// value is an object, `found` receives the byte range of the value of each top-level member
    /// named in `wanted`, in the order of `wanted` (nil for a name that is not there).
    public static func isCanonical(
        _ bytes: UnsafeRawBufferPointer,
        locating wanted: MemberNames,
        found: inout [Range<Int>?]
    ) -> Bool {
        var checker = CanonicalChecker(bytes: bytes.bindMemory(to: UInt8.self), wanted: wanted.names)
        guard checker.value(depth: 0), checker.position == checker.bytes.count else { return false }
        found = checker.found
        return true
    }

    /// Whether `bytes` are exactly the canonical form of some JSON value.
    public static func isCanonical(_ bytes: [UInt8]) -> Bool {
        var found: [Range<Int>?] = []
        return bytes.withUnsafeBytes { isCanonical($0, locating: MemberNames([]), found: &found) }
    }
}

private struct CanonicalChecker {
    let bytes: UnsafeBufferPointer<UInt8>
    let wanted: [[UInt8]]
    var position = 0
    var found: [Range<Int>?]
    /// Whether the string read last held an escape (its text differs from its bytes).
    var escaped = false

    init(bytes: UnsafeBufferPointer<UInt8>, wanted: [[UInt8]]) {
        self.bytes = bytes
        self.wanted = wanted
        self.found = Array(repeating: nil, count: wanted.count)
    }

    private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func value(depth: Int) -> Bool {
        guard depth <= JSONValue.defaultMaxDepth, let byte = next else { return false }
        switch byte {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return false
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count,
            bytes[position..<position + count].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
        else { return false }
        position += count
        return true
    }

    private mutating func array(depth: Int) -> Bool {
        position += 1
        if next == UInt8(ascii: "]") {
            position += 1
            return true
        }
        while true {
            guard value(depth: depth + 1) else { return false }
            switch next {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return true
            default: return false
            }
        }
    }

    private mutating func object(depth: Int) -> Bool {
        position += 1
        if next == UInt8(ascii: "}") {
            position += 1
            return true
        }
        var previous: Range<Int>?
        var previousEscaped = false
        while true {
            guard next == UInt8(ascii: "\""), let name = string() else { return false }
            if let previous, !Self.ascending(bytes[previous], bytes[name], decoding: previousEscaped || escaped) {
                return false
            }
            previous = name
            previousEscaped = escaped
            guard next == UInt8(ascii: ":") else { return false }
            position += 1
            let start = position
            guard value(depth: depth + 1) else { return false }
            if depth == 0, let i = wanted.firstIndex(where: { Self.same($0, bytes[name]) }) {
                found[i] = start..<position
            }
            switch next {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return true
            default: return false
            }
        }
    }

    /// A canonical string; answers the range of its contents (between the quotes) as written.
    private mutating func string() -> Range<Int>? {
        position += 1
        escaped = false
        let start = position
        while position < bytes.count {
            // Most of a string is printable ASCII that needs no look: skip it eight bytes at a
            // time, then byte by byte up to whatever needs one.
            var i = position
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= bytes.count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let special = Self.notPlain(word)
                    if special != 0 {
                        // The lowest flag is exact (borrows only run upwards): the first such byte.
                        i += special.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
            }
            while i < bytes.count, Self.isPlain(bytes[i]) { i += 1 }
            position = i
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return start..<(position - 1)
            } else if byte == UInt8(ascii: "\\") {
                guard escape() else { return nil }
                escaped = true
            } else if byte < 0x80 {
                return nil
            } else {
                guard scalar() else { return nil }
            }
        }
        return nil
    }

    /// Flags (high bit of each byte) the bytes of `word` that are not plain (see isPlain): a C0
    /// control, a byte from 0x80, `"` or `\`. Any flag means some byte is not plain, and the
    /// lowest flag marks the first; flags above it may be false.
    @inline(__always) private static func notPlain(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | (word & highs) | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x5C))
    }

    /// A byte a canonical string holds as it is: ASCII from space on, but `"` and `\`.
    @inline(__always) private static func isPlain(_ byte: UInt8) -> Bool {
        byte &- 0x20 < 0x60 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    /// The escapes canonical form uses, and only those.
    private mutating func escape() -> Bool {
        guard position + 1 < bytes.count else { return false }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "t"), UInt8(ascii: "n"),
            UInt8(ascii: "f"), UInt8(ascii: "r"):
            position += 2
            return true
        case UInt8(ascii: "u"):
            // \u00xx, lower-case hex, for a C0 control without a short escape.
            guard position + 5 < bytes.count, bytes[position + 2] == UInt8(ascii: "0"),
                bytes[position + 3] == UInt8(ascii: "0"),
                let high = Self.lowerHex(bytes[position + 4]), let low = Self.lowerHex(bytes[position + 5]),
                high <= 1
            else { return false }
            let code = high << 4 | low
            guard ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(code) else { return false }
            position += 6
            return true
        default:
            return false
        }
    }

    private static func lowerHex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// One well-formed multi-byte UTF-8 scalar (no overlong form, no surrogate, ≤ U+10FFFF).
    private mutating func scalar() -> Bool {
        let lead = bytes[position]
        let (count, low, high): (Int, UInt8, UInt8)
        switch lead {
        case 0xC2...0xDF: (count, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (count, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (count, low, high) = (3, 0x80, 0xBF)
        case 0xED: (count, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (count, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (count, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (count, low, high) = (4, 0x80, 0x8F)
        default: return false
        }
        guard position + count <= bytes.count, (low...high).contains(bytes[position + 1]) else { return false }
        for i in 2..<count where bytes[position + i] & 0xC0 != 0x80 { return false }
        position += count
        return true
    }

    /// A number as ECMAScript prints it: short integers are checked as they stand, anything
    /// else is parsed and printed again. (What prints as itself is valid JSON, so the run of
    /// number characters need not be parsed by the grammar first.)
    private mutating func number() -> Bool {
        let start = position
        var plainInteger = true
        while let byte = next {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                position += 1
            } else if byte == UInt8(ascii: "-") && position == start {
                position += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            {
                plainInteger = false
                position += 1
            } else {
                break
            }
        }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<position])
        let negative = token.first == UInt8(ascii: "-")
        let digits = token.count - (negative ? 1 : 0)
        guard digits > 0 else { return false }
        if plainInteger && digits <= 15 {
            // 0, or no leading zero; and never -0, which prints as 0.
            if token[negative ? 1 : 0] == UInt8(ascii: "0") { return digits == 1 && !negative }
            return true
        }
        guard let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite else { return false }
        var writer = CanonicalWriter(capacity: 32)
        guard (try? CanonicalJSON.writeNumber(value, into: &writer)) != nil else { return false }
        return writer.bytes.elementsEqual(token)
    }

    /// Whether a wanted name is this name as written: lengths first, then the bytes at once.
    @inline(__always) private static func same(_ wanted: [UInt8], _ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        wanted.count == name.count
            && wanted.withUnsafeBytes { UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: name)).elementsEqual($0) }
    }

    /// Member names must strictly ascend by UTF-16 code units. Names as written differ from
    /// their text only by escapes, which are rare in names: those (`decoding`, when either
    /// holds one) are compared decoded.
    private static func ascending(
        _ a: Slice<UnsafeBufferPointer<UInt8>>,
        _ b: Slice<UnsafeBufferPointer<UInt8>>,
        decoding: Bool
    ) -> Bool {
        if !decoding {
            return JSONKeyOrder.compare(UnsafeBufferPointer(rebasing: a), UnsafeBufferPointer(rebasing: b)) < 0
        }
        let (x, y) = (unescaped(a), unescaped(b))
        return x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in JSONKeyOrder.compare(x, y) < 0 } }
    }

    /// The UTF-8 text of a string checked as canonical.
    private static func unescaped(_ written: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        var out: [UInt8] = []
        var i = written.startIndex
        while i < written.endIndex {
            guard written[i] == UInt8(ascii: "\\") else {
                out.append(written[i])
                i += 1
                continue
            }
            switch written[i + 1] {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "u"):
                out.append((lowerHex(written[i + 4]) ?? 0) << 4 | (lowerHex(written[i + 5]) ?? 0))
                i += 4
            default: out.append(written[i + 1])
            }
            i += 2
        }
        return out
    }
}
