// ParleyRecord: RFC 8785 canonical JSON for Codable types, by way of this module's JSON tree
// (JSONValueEncoder, JSONValue) and strict parser.
import Foundation

extension CanonicalJSON {
    /// The canonical (RFC 8785) bytes of an Encodable value.
    ///
    /// Builds the value's JSON tree (``JSONValueEncoder``: the tree a default `JSONEncoder`'s text
    /// parses to; NaN and infinities throw) and serialises it canonically. Numbers become IEEE-754 doubles, as RFC 8785 requires: integers beyond
    /// ±2^53 lose precision, so encode such values (and anything else that must stay exact,
    /// like hashes) as strings. `Date` and `Data` are written however the value's own `encode`
    /// writes them; give such fields explicit string representations in your types.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let value = value as? JSONValue { return try encode(value) }
        let root = try JSONValueEncoder.tree(of: value)
        var writer = CanonicalWriter(capacity: 1024)
        try write(root, into: &writer)
        return Array(writer.bytes)
    }

    /// Writes the value a JSONNode holds as ``JSONValueEncoder`` would give it: a member or
    /// element that encoded nothing is an empty object, as JSONEncoder writes it.
    static func write(_ node: JSONNode, into w: inout CanonicalWriter) throws(JSONError) {
        switch node.content {
        case .empty: w.append("{}")
        case .leaf(let value): try write(value, into: &w)
        case .object(let members):
            try writeObject(members, into: &w) { (node, w) throws(JSONError) in try write(node, into: &w) }
        case .array(let elements):
            try writeArray(elements, into: &w) { (node, w) throws(JSONError) in try write(node, into: &w) }
        }
    }

    /// Decodes a value from JSON text after checking it strictly (duplicate names, unpaired
    /// surrogates, invalid UTF-8 and the rest are refused with a ``JSONError``).
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        let value = try JSONValue.parse(bytes)
        if let value = value as? T { return value }
        return try JSONDecoder().decode(T.self, from: Data(bytes))
    }
}
