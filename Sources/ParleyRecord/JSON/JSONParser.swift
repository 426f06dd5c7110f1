// ParleyRecord: a strict JSON parser over UTF-8 bytes — RFC 8259 grammar, with the I-JSON
// (RFC 7493) restrictions RFC 8785 §3.1 relies on: well-formed UTF-8, no unpaired surrogates,
// no duplicate member names, numbers that fit an IEEE-754 double.

extension JSONValue {
    /// The default nesting limit of ``parse(_:maxDepth:)``.
    public static let defaultMaxDepth = 512

    /// Parses one JSON text (RFC 8259 §2), refusing anything RFC 8785 could not canonicalise.
    ///
    /// Refused with a ``JSONError`` naming the byte offset: invalid UTF-8, duplicate member
    /// names (compared by scalars), unpaired surrogate escapes, `NaN`/`Infinity`, leading
    /// zeros, raw control characters in strings, numbers that overflow a double, nesting
    /// deeper than `maxDepth`, and anything after the value except whitespace.
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth) throws(JSONError)
        -> JSONValue
    {
        let result: Result<JSONValue, JSONError>? = bytes.withContiguousStorageIfAvailable {
            JSONParser.parseAll($0, maxDepth: maxDepth)
        }
        return try (result ?? Array(bytes).withUnsafeBufferPointer { JSONParser.parseAll($0, maxDepth: maxDepth) })
            .get()
    }
}

struct JSONParser {
    let input: UnsafeBufferPointer<UInt8>
    var pos = 0
    var depth = 0
    let maxDepth: Int
    /// Reused for strings that contain escapes.
    var scratch: [UInt8] = []

    init(_ input: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.input = input
        self.maxDepth = maxDepth
    }

    static func parseAll(_ input: UnsafeBufferPointer<UInt8>, maxDepth: Int) -> Result<JSONValue, JSONError> {
        var parser = JSONParser(input, maxDepth: maxDepth)
        return Result { () throws(JSONError) in try parser.parseDocument() }
    }

    mutating func parseDocument() throws(JSONError) -> JSONValue {
        skipWhitespace()
        guard pos < input.count else { throw JSONError(.emptyInput, at: pos) }
        let value = try parseValue()
        skipWhitespace()
        guard pos == input.count else { throw JSONError(.trailingGarbage, at: pos) }
        return value
    }

    /// RFC 8259 §2: insignificant whitespace is space, tab, line feed and carriage return only.
    @inline(__always)
    mutating func skipWhitespace() {
        while pos < input.count {
            switch input[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    @inline(__always)
    func peek() throws(JSONError) -> UInt8 {
        guard pos < input.count else { throw JSONError(.unexpectedEnd, at: pos) }
        return input[pos]
    }

    mutating func parseValue() throws(JSONError) -> JSONValue {
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw JSONError(
                startsWith("NaN") || startsWith("Infinity") ? .nonFiniteLiteral : .unexpectedByte(byte),
                at: pos
            )
        default:
            throw JSONError(.unexpectedByte(byte), at: pos)
        }
    }

    func startsWith(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard input.count - pos >= n else { return false }
        for i in 0..<n where input[pos + i] != word.utf8Start[i] { return false }
        return true
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONError) {
        for i in 0..<word.utf8CodeUnitCount {
            guard pos + i < input.count else { throw JSONError(.unexpectedEnd, at: pos + i) }
            guard input[pos + i] == word.utf8Start[i] else {
                throw JSONError(.unexpectedByte(input[pos + i]), at: pos + i)
            }
        }
        pos += word.utf8CodeUnitCount
    }

    mutating func enter() throws(JSONError) {
        depth += 1
        guard depth <= maxDepth else { throw JSONError(.tooDeep(limit: maxDepth), at: pos) }
        pos += 1
    }

    mutating func parseArray() throws(JSONError) -> JSONValue {
        try enter()
        var elements: [JSONValue] = []
        elements.reserveCapacity(4)
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            let byte = try peek()
            pos += 1
            if byte == UInt8(ascii: "]") { break }
            guard byte == UInt8(ascii: ",") else { throw JSONError(.unexpectedByte(byte), at: pos - 1) }
        }
        depth -= 1
        return .array(elements)
    }

    mutating func parseObject() throws(JSONError) -> JSONValue {
        try enter()
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(8)
        var names = DuplicateNameCheck()
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return .object(JSONObject(members))
        }
        while true {
            skipWhitespace()
            let keyOffset = pos
            let byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw JSONError(.unexpectedByte(byte), at: pos) }
            let key = try parseString()
            // RFC 7493 §2.3 (I-JSON): member names must be unique.
            guard names.insert(key, among: members) else { throw JSONError(.duplicateKey(key), at: keyOffset) }
            skipWhitespace()
            let colon = try peek()
            guard colon == UInt8(ascii: ":") else { throw JSONError(.unexpectedByte(colon), at: pos) }
            pos += 1
            skipWhitespace()
            members.append((key: key, value: try parseValue()))
            skipWhitespace()
            let next = try peek()
            pos += 1
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else { throw JSONError(.unexpectedByte(next), at: pos - 1) }
        }
        depth -= 1
        return .object(JSONObject(members))
    }
}

/// Finds duplicate member names by exact scalars: a linear scan for the small objects entries
/// are made of, a hash set once an object grows large.
struct DuplicateNameCheck {
    private static let linearLimit = 16
    private var seen: Set<ScalarKey>?

    /// Returns false when `key` is already among `members`.
    mutating func insert(_ key: String, among members: [(key: String, value: JSONValue)]) -> Bool {
        if seen == nil {
            if members.count < Self.linearLimit {
                return !members.contains { JSONKeyOrder.equal($0.key, key) }
            }
            seen = Set(members.map { ScalarKey($0.key) })
        }
        return seen!.insert(ScalarKey(key)).inserted
    }
}

/// A string hashed and compared by its UTF-8 bytes rather than by canonical equivalence.
struct ScalarKey: Hashable {
    let string: String
    init(_ string: String) { self.string = string }
    static func == (a: ScalarKey, b: ScalarKey) -> Bool { JSONKeyOrder.equal(a.string, b.string) }
    func hash(into hasher: inout Hasher) {
        JSONKeyOrder.withUTF8(string) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
