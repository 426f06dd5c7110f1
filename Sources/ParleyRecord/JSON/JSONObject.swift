// ParleyRecord: a JSON object (RFC 8259 §4) as an ordered list of members.
//
// Not a Swift Dictionary: Dictionary<String, _> would merge names that are canonically
// equivalent but different scalars ("A\u{30A}" and "\u{C5}"), which RFC 8785 keeps distinct.
// Names are matched by their UTF-8 bytes. Insertion order is kept for display; the canonical
// serialiser sorts. Duplicate names can be built by hand but are refused when serialised.

/// The members of a JSON object, in insertion order, matched by exact Unicode scalars.
public struct JSONObject: Sendable {
    /// The members in insertion order.
    public var members: [(key: String, value: JSONValue)]

    public init() { members = [] }

    public init(_ members: [(key: String, value: JSONValue)]) { self.members = members }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// The index of the member named exactly `key` (compared by scalars), if any.
    public func index(forKey key: String) -> Int? {
        members.firstIndex { JSONKeyOrder.equal($0.key, key) }
    }

    /// Reads a member; setting replaces it in place, appends it, or (with `nil`) removes it.
    public subscript(key: String) -> JSONValue? {
        get { index(forKey: key).map { members[$0].value } }
        set {
            switch (index(forKey: key), newValue) {
            case (let i?, let v?): members[i].value = v
            case (let i?, nil): members.remove(at: i)
            case (nil, let v?): members.append((key: key, value: v))
            case (nil, nil): break
            }
        }
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        members.makeIterator()
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }
}

extension JSONObject: Hashable {
    /// Objects are equal when they have the same members, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // Fast path: same order, as when both came from canonical text.
        if zip(lhs.members, rhs.members).allSatisfy({ JSONKeyOrder.equal($0.key, $1.key) && $0.value == $1.value }) {
            return true
        }
        return lhs.members.allSatisfy { m in rhs[m.key].map { $0 == m.value } ?? false }
            && rhs.members.allSatisfy { m in lhs.index(forKey: m.key) != nil }
    }

    /// Order-independent: member hashes are combined by addition.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for m in members {
            var h = Hasher()
            JSONKeyOrder.withUTF8(m.key) { h.combine(bytes: UnsafeRawBufferPointer($0)) }
            h.combine(m.value)
            sum &+= h.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
