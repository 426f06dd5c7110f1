// ParleyCore: the domain of DESIGN.md as values, commands, entries, rules and access policy.
// Pure: no I/O, no database, no web.
//
// Human references such as `IRR-12`: a prefix for the kind of item and a number in its
// mechanism's (or, for private items, its party's) own sequence.

/// The kinds of item that carry a human reference, with the prefixes DESIGN.md fixes.
public enum ReferenceKind: String, Sendable, CaseIterable, Codable {
    case irritant = "IRR"
    case meeting = "MTG"
    case text = "TXT"
    case commitment = "CMT"
    case contact = "CON"
    case step = "STP"
    case readout = "RDO"
    case note = "NTE"
}

public struct Reference: Sendable, Hashable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public let kind: ReferenceKind
    public let number: Int

    public init(kind: ReferenceKind, number: Int) {
        precondition(number > 0, "references are numbered from 1")
        self.kind = kind
        self.number = number
    }

    /// Parses `IRR-12`; case-sensitive, no leading zeros, number ≥ 1.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = ReferenceKind(rawValue: String(parts[0])),
            let first = parts[1].first, first != "0",
            // Int("+1") parses, so digits are checked one by one.
            parts[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            parts[1].utf8.count <= 9, let number = Int(parts[1]), number > 0
        else { return nil }
        self.init(kind: kind, number: number)
    }

    public var description: String { "\(kind.rawValue)-\(number)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = Reference(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a reference like IRR-12: \(text)")
            )
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
