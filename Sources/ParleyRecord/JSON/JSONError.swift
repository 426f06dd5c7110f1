// ParleyRecord: errors of the strict JSON parser (RFC 8259 + I-JSON, RFC 7493) and of the
// RFC 8785 canonical serialiser. Every parse error names the byte offset where it was found.

/// Why a JSON text was refused or a value could not be written canonically.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of problem; tests and callers match on this.
    public enum Kind: Sendable, Equatable {
        /// The input held no JSON value at all (zero bytes or only whitespace).
        case emptyInput
        /// The input ended inside a value.
        case unexpectedEnd
        /// A byte that cannot start or continue a value at this point.
        case unexpectedByte(UInt8)
        /// Bytes after the one top-level value (other than whitespace).
        case trailingGarbage
        /// A byte sequence that is not well-formed UTF-8 (RFC 3629 §4).
        case invalidUTF8
        /// A raw control character (below U+0020) inside a string; it must be escaped.
        case controlCharacterInString(UInt8)
        /// A backslash followed by something other than the escapes of RFC 8259 §7.
        case invalidEscape
        /// A `\uD800`–`\uDFFF` escape that is not part of a high+low surrogate pair.
        case loneSurrogate(UInt16)
        /// Two members of one object with the same name (I-JSON, RFC 7493 §2.3).
        case duplicateKey(String)
        /// A number with a superfluous leading zero such as `01` (RFC 8259 §6).
        case leadingZero
        /// A number that does not follow the grammar of RFC 8259 §6.
        case invalidNumber
        /// `NaN`, `Infinity` or `-Infinity` written as a literal; JSON has no such values.
        case nonFiniteLiteral
        /// A number whose magnitude rounds to infinity as an IEEE-754 double (e.g. `1e400`).
        case numberOutOfRange
        /// A NaN or infinite Double given to the canonical serialiser (RFC 8785 §3.2.2.3).
        case nonFiniteNumber
        /// Arrays and objects nested deeper than the parser's limit.
        case tooDeep(limit: Int)
    }

    public var kind: Kind
    /// Byte offset into the input where the problem was found; `nil` for serialisation errors.
    public var offset: Int?

    public init(_ kind: Kind, at offset: Int?) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String {
        let place = offset.map { "JSON error at byte \($0)" } ?? "JSON error"
        return "\(place): \(problem)"
    }

    private var problem: String {
        switch kind {
        case .emptyInput: return "the input holds no JSON value"
        case .unexpectedEnd: return "the input ends inside a value"
        case .unexpectedByte(let b): return "unexpected \(Self.describe(b))"
        case .trailingGarbage: return "unexpected bytes after the JSON value"
        case .invalidUTF8: return "invalid UTF-8 byte sequence"
        case .controlCharacterInString(let b):
            return "raw control character \(Self.hex(b)) in a string; write it as an escape"
        case .invalidEscape: return "invalid escape sequence in a string"
        case .loneSurrogate(let u):
            return "unpaired surrogate escape \\u\(String(u, radix: 16)) (not valid Unicode)"
        case .duplicateKey(let k): return "duplicate object member name \"\(k)\""
        case .leadingZero: return "number with a leading zero"
        case .invalidNumber: return "malformed number"
        case .nonFiniteLiteral: return "NaN and Infinity are not JSON values"
        case .numberOutOfRange: return "number too large for an IEEE-754 double (rounds to infinity)"
        case .nonFiniteNumber: return "NaN and infinite numbers cannot be written as JSON"
        case .tooDeep(let limit): return "arrays and objects nested deeper than \(limit) levels"
        }
    }

    private static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return "0x" + (s.count == 1 ? "0" + s : s)
    }

    private static func describe(_ b: UInt8) -> String {
        if b > 0x20 && b < 0x7F { return "character '\(Character(Unicode.Scalar(b)))'" }
        return "byte \(hex(b))"
    }
}
