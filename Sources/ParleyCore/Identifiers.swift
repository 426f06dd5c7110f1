// Typed identifiers of the domain (DESIGN.md "The domain"). Each is a small value over the text
// of a UUID (RFC 9562 §4 string form) chosen by the caller: ParleyCore never makes ids itself,
// so decisions stay pure and replayable.

/// What every typed identifier shares: a wrapped string, encoded in JSON as that bare string.
public protocol Identifier: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    var rawValue: String { get }
    init(_ rawValue: String)
}

extension Identifier {
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A consultation mechanism.
public struct MechanismID: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A party (side or facilitator) of one mechanism.
public struct PartyID: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A person in a party's delegation.
public struct MemberID: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A login. The operator's accounts have ids too, but belong to no party.
public struct AccountID: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A workstream of a mechanism.
public struct TrackID: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A named group of one party's members for one track.
public struct TeamID: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Any referenced item: irritant, step, meeting, contact, commitment, readout, note, minutes.
/// One id space for all of them, so a note can be attached to any shared item by id.
public struct ItemID: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A clause of a negotiating text. Stable for the clause's life: moving a clause never changes
/// its id, only its derived number.
public struct ClauseID: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// One alternative (bracketed option) of a clause.
public struct AlternativeID: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
