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
        var writer = CanonicalWriter(capacity: 1024)
        try write(value, into: &writer)
        return Array(writer.bytes)
    }

    /// Appends the canonical bytes of `value` to `out` (to reuse one buffer across entries).
    public static func encode(_ value: JSONValue, into out: inout [UInt8]) throws(JSONError) {
        var writer = CanonicalWriter(capacity: 1024)
        try write(value, into: &writer)
        out.append(contentsOf: writer.bytes)
    }

    /// Parses `jsonText` strictly (see ``JSONValue/parse(_:maxDepth:)``) and returns its
    /// canonical form.
    public static func canonicalize(_ jsonText: some Collection<UInt8>) throws(JSONError) -> [UInt8] {
        try encode(try JSONValue.parse(jsonText))
    }

    static func write(_ value: JSONValue, into w: inout CanonicalWriter) throws(JSONError) {
        switch value {
        case .null: w.append("null")
        case .bool(let b): w.append(b ? "true" : "false")
        case .number(let d): try writeNumber(d, into: &w)
        case .string(let s): writeString(s, into: &w)
        case .array(let elements):
            try writeArray(elements, into: &w) { (element, w) throws(JSONError) in try write(element, into: &w) }
        case .object(let object):
            try writeObject(object.members, into: &w)
        }
    }

    /// Writes an array whose elements `writeElement` writes: a ``JSONValue``'s, or those of a
    /// Codable value still being built (see JSONNode).
    static func writeArray<Element>(
        _ elements: [Element],
        into w: inout CanonicalWriter,
        writeElement: (Element, inout CanonicalWriter) throws(JSONError) -> Void
    ) throws(JSONError) {
        w.append(UInt8(ascii: "["))
        for (i, element) in elements.enumerated() {
            if i > 0 { w.append(UInt8(ascii: ",")) }
            try writeElement(element, &w)
        }
        w.append(UInt8(ascii: "]"))
    }
}
