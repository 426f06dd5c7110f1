// ParleyWeb: the fields of an HTML form submission, `application/x-www-form-urlencoded` as the
// WHATWG URL Standard §5.1 parses it: `&`-separated `name=value` pairs, `+` for space,
// percent-encoded UTF-8.

import Foundation

/// A submitted form's fields, in order; a name may repeat (checkboxes).
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    init(urlEncoded text: String) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let nameAndValue = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(nameAndValue[0])
            let value = nameAndValue.count > 1 ? Self.decode(nameAndValue[1]) : ""
            pairs.append((name, value))
        }
    }

    /// The first value given for `name`, or nil.
    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value given for `name`.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// WHATWG URL §5.1 step 3: `+` is a space, then percent-decode; bytes that are not valid
    /// UTF-8 become U+FFFD rather than failing the whole form.
    private static func decode(_ raw: Substring) -> String {
        let input = Array(raw.utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let byte = input[i]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), i + 2 < input.count,
                let high = hexValue(input[i + 1]), let low = hexValue(input[i + 2])
            {
                bytes.append(high << 4 | low)
                i += 2
            } else {
                // A `%` not followed by two hex digits stays as it is (WHATWG URL §1.3).
                bytes.append(byte)
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
