// Entries (DESIGN.md "The record is the source of truth"): `{"v":1, "log":…, "index":…,
// "at": RFC 3339 UTC, "actor": {account, party, role}, "kind": "irritant.raised", "data": {…}}`.
// decide returns drafts; the store gives each its index in its log and keeps its canonical JSON
// (RFC 8785, done by ParleyRecord) as the leaf of the log's Merkle tree.

/// A change decided but not yet appended: everything but the index.
public struct EntryDraft: Hashable, Sendable {
    public let log: LogID
    public let at: Timestamp
    public let actor: Actor
    public let data: EntryData

    public init(log: LogID, at: Timestamp, actor: Actor, data: EntryData) {
        self.log = log
        self.at = at
        self.actor = actor
        self.data = data
    }

    public var kind: EntryKind { data.kind }
}

/// An appended entry: a draft with its index (0-based position in its log).
public struct Entry: Hashable, Codable, Sendable {
    /// The entry format version; 1 is the only one.
    public static let version = 1

    public let log: LogID
    public let index: UInt64
    public let at: Timestamp
    public let actor: Actor
    public let data: EntryData

    public init(_ draft: EntryDraft, index: UInt64) {
        self.log = draft.log
        self.index = index
        self.at = draft.at
        self.actor = draft.actor
        self.data = draft.data
    }

    public var kind: EntryKind { data.kind }
    public var draft: EntryDraft { EntryDraft(log: log, at: at, actor: actor, data: data) }

    private enum CodingKeys: String, CodingKey { case v, log, index, at, actor, kind, data }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let v = try c.decode(Int.self, forKey: .v)
        guard v == Entry.version else {
            throw DecodingError.dataCorruptedError(
                forKey: .v,
                in: c,
                debugDescription: "entry format version \(v) is not supported; this build reads 1"
            )
        }
        self.log = try c.decode(LogID.self, forKey: .log)
        self.index = try c.decode(UInt64.self, forKey: .index)
        self.at = try c.decode(Timestamp.self, forKey: .at)
        self.actor = try c.decode(Actor.self, forKey: .actor)
        let kindText = try c.decode(String.self, forKey: .kind)
        guard let kind = EntryKind(rawValue: kindText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind,
                in: c,
                debugDescription: "unknown entry kind \(kindText)"
            )
        }
        self.data = try EntryData(kind: kind, from: c, forKey: .data)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Entry.version, forKey: .v)
        try c.encode(log, forKey: .log)
        try c.encode(index, forKey: .index)
        try c.encode(at, forKey: .at)
        try c.encode(actor, forKey: .actor)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(data.payload, forKey: .data)
    }
}
