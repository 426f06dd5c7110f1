// ParleyRecord: JSON strings (RFC 8259 §7) with strict UTF-8 validation (RFC 3629 §4) and
// surrogate-pair checking, as I-JSON (RFC 7493 §2.1) requires.

extension JSONParser {
    /// Parses a string starting at the opening quote; leaves `pos` after the closing quote.
    mutating func parseString() throws(JSONError) -> String {
        pos += 1
        let start = pos
        // Fast path: no escapes, so the string is a slice of the (validated) input.
        try scanPlainRun()
        guard pos < input.count else { throw JSONError(.unexpectedEnd, at: pos) }
        if input[pos] == UInt8(ascii: "\"") {
            pos += 1
            return String(decoding: UnsafeBufferPointer(rebasing: input[start..<(pos - 1)]), as: UTF8.self)
        }
        // Slow path: a backslash; assemble the bytes in `scratch`.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<pos]))
        while true {
            guard pos < input.count else { throw JSONError(.unexpectedEnd, at: pos) }
            let byte = input[pos]
            if byte == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape()
            } else {
                let runStart = pos
                try scanPlainRun()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<pos]))
            }
        }
    }

    /// Advances over bytes that stand for themselves, validating UTF-8, and stops at a quote,
    /// a backslash or the end of input.
    @inline(__always)
    mutating func scanPlainRun() throws(JSONError) {
        let base = input.baseAddress!
        while pos < input.count {
            // Eight plain ASCII bytes at a time: the common case in entries.
            if pos &+ 8 <= input.count {
                let mask = CanonicalJSON.specialByteMask(UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
                if mask == 0 {
                    pos &+= 8
                    continue
                }
                // Skip to the first byte that is not plain ASCII; it is handled below.
                pos &+= mask.littleEndian.trailingZeroBitCount &>> 3
            }
            let byte = input[pos]
            if byte >= 0x20 && byte < 0x80 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return }
                pos += 1
            } else if byte < 0x20 {
                // RFC 8259 §7: control characters must be escaped.
                throw JSONError(.controlCharacterInString(byte), at: pos)
            } else {
                pos += try validateUTF8Sequence(at: pos)
            }
        }
    }

    /// RFC 3629 §4: the length of the well-formed multi-byte sequence at `i`, or an error. This
    /// table excludes overlong forms, encoded surrogates (ED A0…BF) and code points past U+10FFFF.
    func validateUTF8Sequence(at i: Int) throws(JSONError) -> Int {
        let lead = input[i]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: throw JSONError(.invalidUTF8, at: i)
        }
        guard i + length <= input.count else { throw JSONError(.invalidUTF8, at: i) }
        let second = input[i + 1]
        guard second >= low && second <= high else { throw JSONError(.invalidUTF8, at: i) }
        for k in 2..<max(length, 2) where input[i + k] & 0xC0 != 0x80 {
            throw JSONError(.invalidUTF8, at: i)
        }
        return length
    }

    /// RFC 8259 §7: the two-character escapes and `\uXXXX`, with UTF-16 surrogate pairs
    /// joined; an unpaired surrogate is refused (RFC 7493 §2.1).
    mutating func parseEscape() throws(JSONError) {
        let escapeStart = pos
        guard pos + 1 < input.count else { throw JSONError(.unexpectedEnd, at: input.count) }
        let kind = input[pos + 1]
        pos += 2
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(kind)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHex4()
            var scalar = UInt32(unit)
            if unit >= 0xD800 && unit <= 0xDBFF {
                // A high surrogate must be followed at once by `\u` and a low surrogate.
                guard pos + 1 < input.count, input[pos] == UInt8(ascii: "\\"), input[pos + 1] == UInt8(ascii: "u")
                else {
                    throw JSONError(.loneSurrogate(unit), at: escapeStart)
                }
                pos += 2
                let low = try parseHex4()
                guard low >= 0xDC00 && low <= 0xDFFF else { throw JSONError(.loneSurrogate(unit), at: escapeStart) }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                throw JSONError(.loneSurrogate(unit), at: escapeStart)
            }
            appendUTF8(scalar)
        default:
            throw JSONError(.invalidEscape, at: escapeStart)
        }
    }

    mutating func parseHex4() throws(JSONError) -> UInt16 {
        guard pos + 4 <= input.count else { throw JSONError(.unexpectedEnd, at: input.count) }
        var value: UInt16 = 0
        for k in 0..<4 {
            let c = input[pos + k]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw JSONError(.invalidEscape, at: pos + k)
            }
            value = value << 4 | UInt16(digit)
        }
        pos += 4
        return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
