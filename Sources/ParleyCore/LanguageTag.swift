// Working languages as BCP 47 language tags (RFC 5646 §2.1), checked for well-formedness of the
// common `language[-script][-region][-variant…]` shape; registry lookup is out of scope for a
// pure module. Stored as written; compared case-insensitively (RFC 5646 §2.1.1).

/// A well-formed BCP 47 tag such as `en`, `ru`, `ar-SA`, `zh-Hans`.
public struct LanguageTag: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first,
            // RFC 5646 §2.1: language = 2*3ALPHA (extlang aside) / 4ALPHA / 5*8ALPHA
            (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
            // every further subtag is 1*8 alphanumerics
            subtags.dropFirst().allSatisfy({
                (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            })
        else { return nil }
        self.rawValue = text
    }

    public var description: String { rawValue }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue.lowercased() == rhs.rawValue.lowercased() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue.lowercased()) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let tag = LanguageTag(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a BCP 47 language tag: \(text)")
            )
        }
        self = tag
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
