// ParleyRecord: an Encoder that builds a JSONValue directly. Canonical bytes of a Codable value
// used to go through Foundation's JSONEncoder to text and back through the strict parser; on the
// store's append path that round trip was a third of the CPU an entry costs. This encoder gives
// the same tree JSONEncoder's text would parse to: numbers as Doubles, later values for a key
// replacing earlier ones (keys matched as Swift strings, as JSONEncoder's dictionary does), and
// the few types JSONEncoder writes its own way (Date, Data, URL, Decimal) written by JSONEncoder
// itself.
import Foundation

/// Encodes an `Encodable` value to a ``JSONValue``, as `JSONEncoder()` followed by
/// ``JSONValue/parse(_:maxDepth:)`` would, without the text in between.
public struct JSONValueEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        guard let result = try Self.tree(of: value).value else { preconditionFailure("an empty tree was answered") }
        return result
    }

    /// The tree `value` encodes to, before it becomes a JSONValue (CanonicalJSON writes it as it
    /// stands); throws when the value encoded nothing.
    static func tree<T: Encodable>(of value: T) throws -> JSONNode {
        let node = JSONNode()
        try node.store(value, at: CodingPath())
        if case .empty = node.content {
            throw EncodingError.invalidValue(
                value,
                .init(codingPath: [], debugDescription: "the value \(T.self) encoded nothing")
            )
        }
        return node
    }
}

/// One value being built: a leaf, or an object or array whose members are still filled in.
final class JSONNode {
    enum Content {
        case empty
        case leaf(JSONValue)
        case object([(key: String, value: JSONNode)])
        case array([JSONNode])

        /// An object with room for the members most of Parley's types have, so that adding them
        /// does not grow the array again and again.
        static var emptyObject: Content {
            var members: [(key: String, value: JSONNode)] = []
            members.reserveCapacity(8)
            return .object(members)
        }
    }

    var content: Content = .empty

    var value: JSONValue? {
        switch content {
        case .empty: return nil
        case .leaf(let v): return v
        case .object(let members):
            var object = JSONObject()
            object.members.reserveCapacity(members.count)
            for member in members {
                // A member whose value encoded nothing is written by JSONEncoder as an empty object.
                object.members.append((key: member.key, value: member.value.value ?? .object(JSONObject())))
            }
            return .object(object)
        case .array(let elements): return .array(elements.map { $0.value ?? .object(JSONObject()) })
        }
    }

    /// The member node for `key`, made if missing; an existing one is emptied for its new value.
    func member(_ key: String) -> JSONNode {
        var members: [(key: String, value: JSONNode)] = []
        if case .object(let existing) = content {
            content = .empty  // so that `members` is the array's only owner and grows in place
            members = existing
        }
        let node = JSONNode()
        if let i = members.firstIndex(where: { $0.key == key }) {
            members[i].value = node
        } else {
            members.append((key, node))
        }
        content = .object(members)
        return node
    }

    func appended() -> JSONNode {
        var elements: [JSONNode] = []
        if case .array(let existing) = content {
            content = .empty
            elements = existing
        }
        let node = JSONNode()
        elements.append(node)
        content = .array(elements)
        return node
    }

    /// `path` is only worked out when needed: for an error, or to encode a nested value.
    func store<T: Encodable>(_ value: T, at path: @autoclosure () -> CodingPath) throws {
        // Most values are strings, integers and nested structs: metatype comparisons find the
        // leaves without the dynamic casts a `switch … as` runs for every struct it then skips.
        if T.self == String.self {
            content = .leaf(.string(unsafeBitCast(value, to: String.self)))
        } else if T.self == Int.self {
            content = .leaf(.number(Double(unsafeBitCast(value, to: Int.self))))
        } else if T.self == Bool.self {
            content = .leaf(.bool(unsafeBitCast(value, to: Bool.self)))
        } else if T.self == Double.self {
            content = .leaf(try Self.number(unsafeBitCast(value, to: Double.self), value, path()))
        } else if T.self == Float.self {
            // JSONEncoder writes a Float's shortest decimal text, which parses as this Double.
            let v = unsafeBitCast(value, to: Float.self)
            content = .leaf(try Self.number(Double(v.description) ?? Double(v), value, path()))
        } else if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            // Written JSONEncoder's own way; rare in Parley, so the text round trip stays.
            let text = try JSONEncoder().encode(value)
            content = .leaf(try JSONValue.parse(text))
        } else if T.self == JSONValue.self {
            content = .leaf(unsafeBitCast(value, to: JSONValue.self))
        } else if let number = Self.integer(value) {
            content = .leaf(.number(number))
        } else {
            try value.encode(to: JSONNodeEncoder(node: self, path: path()))
        }
    }

    /// The standard library's other integers, told by their metatypes: a cast to `any
    /// BinaryInteger` looks up a conformance for every struct on its way to being encoded, a tenth
    /// of what an entry's encoding cost. Any other integer type encodes itself through one of these.
    @inline(__always)
    static func integer<T>(_ value: T) -> Double? {
        if T.self == Int64.self { return Double(unsafeBitCast(value, to: Int64.self)) }
        if T.self == UInt64.self { return Double(unsafeBitCast(value, to: UInt64.self)) }
        if T.self == UInt.self { return Double(unsafeBitCast(value, to: UInt.self)) }
        if T.self == Int32.self { return Double(unsafeBitCast(value, to: Int32.self)) }
        if T.self == UInt32.self { return Double(unsafeBitCast(value, to: UInt32.self)) }
        if T.self == Int16.self { return Double(unsafeBitCast(value, to: Int16.self)) }
        if T.self == UInt16.self { return Double(unsafeBitCast(value, to: UInt16.self)) }
        if T.self == Int8.self { return Double(unsafeBitCast(value, to: Int8.self)) }
        if T.self == UInt8.self { return Double(unsafeBitCast(value, to: UInt8.self)) }
        return nil
    }

    static func number(_ d: Double, _ value: Any, _ path: CodingPath) throws -> JSONValue {
        guard d.isFinite else {
            throw EncodingError.invalidValue(
                value,
                .init(codingPath: path.keys, debugDescription: "\(d) cannot be written in JSON")
            )
        }
        return .number(d)
    }
}

struct JSONNodeEncoder: Encoder {
    let node: JSONNode
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .emptyObject }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(node: node, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return JSONUnkeyedContainer(node: node, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(node: node, path: path)
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).content = .leaf(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.member(key.stringValue).store(value, at: path.appending(key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.content = .emptyObject
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(node: child, path: path.appending(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.content = .array([])
        return JSONUnkeyedContainer(node: child, path: path.appending(key))
    }

    mutating func superEncoder() -> any Encoder {
        JSONNodeEncoder(node: node.member("super"), path: path)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONNodeEncoder(node: node.member(key.stringValue), path: path.appending(key))
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }

    var count: Int {
        if case .array(let elements) = node.content { return elements.count }
        return 0
    }

    mutating func encodeNil() throws { node.appended().content = .leaf(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.appended().store(value, at: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = node.appended()
        child.content = .emptyObject
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(node: child, path: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appended()
        child.content = .array([])
        return JSONUnkeyedContainer(node: child, path: path)
    }

    mutating func superEncoder() -> any Encoder { JSONNodeEncoder(node: node.appended(), path: path) }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil() throws { node.content = .leaf(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, at: path) }
}

/// Where a value sits, kept as a chain so that going one key deeper costs no array copy: the
/// keys are only listed when an encoder or an error asks for them.
struct CodingPath {
    private final class Link {
        let parent: Link?
        let key: any CodingKey
        init(parent: Link?, key: any CodingKey) {
            self.parent = parent
            self.key = key
        }
    }

    private let last: Link?

    init() { last = nil }
    private init(last: Link) { self.last = last }

    func appending(_ key: any CodingKey) -> CodingPath { CodingPath(last: Link(parent: last, key: key)) }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var link = last
        while let l = link {
            keys.append(l.key)
            link = l.parent
        }
        return keys.reversed()
    }
}
