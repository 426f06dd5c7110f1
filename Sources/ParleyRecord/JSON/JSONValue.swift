// ParleyRecord: a JSON value as RFC 8259 defines it, restricted to what I-JSON (RFC 7493) and
// RFC 8785 can represent: numbers are IEEE-754 doubles, strings are Unicode scalars.
//
// Equality and hashing compare strings by their scalars, not by Swift's canonical equivalence,
// so "A\u{30A}" and "\u{C5}" are different values here exactly as they are different bytes in a
// canonical entry. Objects compare as unordered sets of members; numbers compare as Doubles
// (so 0 == -0, which RFC 8785 writes identically).

/// A JSON value. Build with literals (`["kind": "note", "index": 3]`) or parse with
/// ``JSONValue/parse(_:maxDepth:)``; write canonically with ``CanonicalJSON``.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue: Hashable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return JSONKeyOrder.equal(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let b):
            hasher.combine(1 as UInt8)
            hasher.combine(b)
        case .number(let d):
            hasher.combine(2 as UInt8)
            hasher.combine(d)
        case .string(let s):
            hasher.combine(3 as UInt8)
            JSONKeyOrder.withUTF8(s) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        case .array(let a):
            hasher.combine(4 as UInt8)
            hasher.combine(a)
        case .object(let o):
            hasher.combine(5 as UInt8)
            hasher.combine(o)
        }
    }
}

// MARK: - Accessors

extension JSONValue {
    /// The member named `key` when this is an object that has one; otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The element at `index` when this is an array that long; otherwise `nil`.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }

    public var numberValue: Double? { if case .number(let d) = self { d } else { nil } }

    /// The number as an `Int` when it is integral and in range; `nil` otherwise.
    public var intValue: Int? {
        guard case .number(let d) = self, d.rounded(.towardZero) == d else { return nil }
        return Int(exactly: d)
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }

    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }

    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}

extension JSONValue: CustomStringConvertible {
    /// The canonical (RFC 8785) text, or a note when the value cannot be written canonically.
    public var description: String {
        do {
            return String(decoding: try CanonicalJSON.encode(self), as: UTF8.self)
        } catch {
            return "<\(error)>"
        }
    }
}
