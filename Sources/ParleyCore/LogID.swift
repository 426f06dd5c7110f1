// Which log an entry belongs to (DESIGN.md "The record is the source of truth"): one shared log
// per mechanism, one private log per party in it. Text form: `mechanism/<id>` and
// `mechanism/<id>/party/<id>`, used in entries, the store and the log API.

/// A log: the shared record of a mechanism or one party's private record in it.
public enum LogID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    case shared(MechanismID)
    case `private`(MechanismID, PartyID)

    public var mechanism: MechanismID {
        switch self {
        case .shared(let m), .private(let m, _): return m
        }
    }

    /// The party that owns a private log; nil for the shared log.
    public var owner: PartyID? {
        if case .private(_, let party) = self { return party }
        return nil
    }

    public var isPrivate: Bool { owner != nil }

    public var description: String {
        switch self {
        case .shared(let m): return "mechanism/\(m.rawValue)"
        case .private(let m, let p): return "mechanism/\(m.rawValue)/party/\(p.rawValue)"
        }
    }

    /// Parses the text form; ids must be non-empty and contain no `/`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty }), parts.first == "mechanism" else { return nil }
        switch parts.count {
        case 2: self = .shared(MechanismID(String(parts[1])))
        case 4 where parts[2] == "party": self = .private(MechanismID(String(parts[1])), PartyID(String(parts[3])))
        default: return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let log = LogID(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not a log like mechanism/<id> or mechanism/<id>/party/<id>: \(text)"
                )
            )
        }
        self = log
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
