// ParleyRecord: the JSON Canonicalization Scheme, RFC 8785. An entry's bytes in the log are
// the canonical form of its JSON value, so equal values always hash to equal leaves.

/// RFC 8785 canonical JSON: serialise a ``JSONValue``, canonicalise JSON text, or go through
/// Codable types.
public enum CanonicalJSON {
    /// RFC 8785 §3.2: the canonical bytes of `value` — no whitespace, members sorted by UTF-16
    /// code units, strings and numbers in their one permitted form.
    ///
    /// Throws ``JSONError/Kind/nonFiniteNumber`` for NaN or infinity and
    /// ``JSONError/Kind/duplicateKey(_:)`` for an object with two members of one name.
    public static func encode(_ value: JSONValue) throws(JSONError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        try write(value, into: &out)
        return out
    }

    /// Appends the canonical bytes of `value` to `out` (to reuse one buffer across entries).
    public static func encode(_ value: JSONValue, into out: inout [UInt8]) throws(JSONError) {
        try write(value, into: &out)
    }

    /// Parses `jsonText` strictly (see ``JSONValue/parse(_:maxDepth:)``) and returns its
    /// canonical form.
    public static func canonicalize(_ jsonText: some Collection<UInt8>) throws(JSONError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(jsonText.count)
        try write(try JSONValue.parse(jsonText), into: &out)
        return out
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) throws(JSONError) {
        switch value {
        case .null: appendLiteral("null", to: &out)
        case .bool(let b): appendLiteral(b ? "true" : "false", to: &out)
        case .number(let d): try writeNumber(d, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                try write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            try writeObject(object.members, into: &out)
        }
    }

    @inline(__always)
    static func appendLiteral(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
