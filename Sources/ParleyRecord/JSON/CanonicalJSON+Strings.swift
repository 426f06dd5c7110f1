// ParleyRecord: RFC 8785 §3.2.2.2 — strings are written as their UTF-8 bytes, escaping only
// `"`, `\` and the controls below U+0020; everything else (U+007F, U+2028, `/`, non-ASCII) is
// literal.

extension CanonicalJSON {
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        JSONKeyOrder.withUTF8(s) { bytes in
            // Copy runs that need no escape in one go; entries are mostly such runs.
            var runStart = 0
            var i = 0
            let count = bytes.count
            while i < count {
                let b = bytes[i]
                if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                    if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                    writeEscape(b, into: &out)
                    runStart = i + 1
                }
                i += 1
            }
            if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    private static func writeEscape(_ b: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch b {
        // RFC 8785 §3.2.2.2: these five controls use their two-character forms.
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(b)
        default:
            // Other controls: \u00hh with lowercase hexadecimal digits.
            appendLiteral("u00", to: &out)
            out.append(hexDigits.utf8Start[Int(b >> 4)])
            out.append(hexDigits.utf8Start[Int(b & 0x0F)])
        }
    }
}
