// Strict standard base64 (RFC 4648 §4) for signed notes, vkeys and checkpoints.
//
// C2SP signed-note and tlog-checkpoint use "the standard Base 64 encoding specified in RFC 4648,
// Section 4". We decode strictly — padding required, no whitespace, unused bits zero (RFC 4648
// §3.5) — so every accepted string has exactly one byte form and re-encodes to itself.

enum NoteBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let reverse: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var it = bytes.makeIterator()
        while let b0 = it.next() {
            let b1 = it.next()
            let b2 = it.next()
            let n = UInt32(b0) << 16 | UInt32(b1 ?? 0) << 8 | UInt32(b2 ?? 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(b1 == nil ? UInt8(ascii: "=") : alphabet[Int(n >> 6 & 63)])
            out.append(b2 == nil ? UInt8(ascii: "=") : alphabet[Int(n & 63)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the base64 text in `text`; `nil` unless it is canonical padded standard base64.
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        if let result = text.withContiguousStorageIfAvailable({ decode(buffer: $0) }) { return result }
        return Array(text).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    private static func decode(buffer s: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard s.count % 4 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(s.count / 4 * 3)
        let equals = UInt8(ascii: "=")
        var i = 0
        while i < s.count {
            // Padding may appear only at the end of the final quad; "=" is not in the alphabet,
            // so one anywhere else fails the table lookup below.
            var pad = 0
            if i + 4 == s.count, s[i + 3] == equals {
                pad = s[i + 2] == equals ? 2 : 1
            }
            var n: UInt32 = 0
            for j in 0..<(4 - pad) {
                let v = reverse[Int(s[i + j])]
                guard v != 0xff else { return nil }
                n = n << 6 | UInt32(v)
            }
            n <<= UInt32(6 * pad)
            // RFC 4648 §3.5: the bits beyond the last whole byte must be zero (canonical form).
            switch pad {
            case 0:
                out.append(UInt8(n >> 16 & 0xff))
                out.append(UInt8(n >> 8 & 0xff))
                out.append(UInt8(n & 0xff))
            case 1:
                guard n & 0xff == 0 else { return nil }
                out.append(UInt8(n >> 16 & 0xff))
                out.append(UInt8(n >> 8 & 0xff))
            default:
                guard n & 0xffff == 0 else { return nil }
                out.append(UInt8(n >> 16 & 0xff))
            }
            i += 4
        }
        return out
    }
}
