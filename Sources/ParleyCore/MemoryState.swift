// The reference implementation of the store's part, in memory: logs of entries, projection rows
// and reference counters, kept by appending decided entries and folding them with Projection.
// Tests, replays and tools use it; ParleyStore does the same over SQL.

public import Foundation

/// Logs and their projection, in memory.
public struct MemoryState: DecisionState, Sendable {
    public private(set) var logs: [LogID: [Entry]] = [:]
    /// Every projection row, by kind and id.
    public private(set) var rows: [RowKey: ProjectionRow] = [:]
    private var counters: [LogID: [ReferenceKind: Int]] = [:]
    private var references: [LogID: [Reference: ItemID]] = [:]
    private var usernames: [String: AccountID] = [:]
    private var minutesIndex: [MinutesKey: ItemID] = [:]

    /// Identifies a row: its kind and its id.
    public struct RowKey: Hashable, Sendable {
        public let kind: RowKind
        public let id: String

        public init(_ kind: RowKind, _ id: String) {
            self.kind = kind
            self.id = id
        }
    }

    private struct MinutesKey: Hashable, Sendable {
        let meeting: ItemID
        let party: PartyID
    }

    /// Hashes a text's canonical form for adoption (see DecisionState); nil refuses adoption.
    /// Tests pass a stand-in; the store's own state uses SHA-256 over RFC 8785 JSON.
    public var textHasher: (@Sendable (CanonicalText) -> String)?

    public init(textHasher: (@Sendable (CanonicalText) -> String)? = nil) {
        self.textHasher = textHasher
    }

    /// Rebuilds the projection from entries (each log's entries in index order; shared logs
    /// before private ones is enough, see Projection). Adoption hashes are read from the entries.
    public init(replaying entries: [Entry], textHasher: (@Sendable (CanonicalText) -> String)? = nil)
        throws(ProjectionError)
    {
        self.textHasher = textHasher
        for entry in entries { try apply(entry) }
    }

    // MARK: Appending and folding

    /// Appends decided entries, giving each the next index of its log, and folds them in.
    @discardableResult
    public mutating func append(_ drafts: [EntryDraft]) throws(ProjectionError) -> [Entry] {
        var appended: [Entry] = []
        for draft in drafts {
            let entry = Entry(draft, index: UInt64(logs[draft.log]?.count ?? 0))
            try apply(entry)
            appended.append(entry)
        }
        return appended
    }

    /// Decides `command` and appends what was decided. A refusal changes nothing.
    @discardableResult
    public mutating func execute(
        _ command: Command,
        by actor: Actor,
        now: Date,
        newID: @escaping () -> String
    ) throws(Refusal) -> [Entry] {
        let drafts = try decide(command, by: actor, now: now, newID: newID, state: self)
        do {
            return try append(drafts)
        } catch {
            preconditionFailure("decide produced an entry its projection cannot apply: \(error)")
        }
    }

    /// Folds one entry in: records it in its log and writes the projection's changes.
    public mutating func apply(_ entry: Entry) throws(ProjectionError) {
        let expected = UInt64(logs[entry.log]?.count ?? 0)
        guard entry.index == expected else {
            throw ProjectionError(log: entry.log, index: entry.index, message: "expected index \(expected)")
        }
        guard entry.kind.isPrivate == entry.log.isPrivate else {
            throw ProjectionError(
                log: entry.log,
                index: entry.index,
                message:
                    "\(entry.kind.rawValue) entries belong in \(entry.kind.isPrivate ? "a private" : "the shared") log"
            )
        }
        let changes = try Projection.changes(for: entry, reading: self)
        logs[entry.log, default: []].append(entry)
        for change in changes { write(change) }
    }

    private mutating func write(_ change: ProjectionChange) {
        switch change {
        case .counter(let log, let kind, let last):
            counters[log, default: [:]][kind] = max(last, counters[log]?[kind] ?? 0)
        case .upsert(let row):
            rows[RowKey(row.kind, row.id)] = row
            switch row.value {
            case .item(let item):
                if let reference = item.reference { references[item.log, default: [:]][reference] = item.id }
                if case .minutes(let m) = item { minutesIndex[MinutesKey(meeting: m.meeting, party: m.party)] = m.id }
            case .account(let account):
                usernames[account.username] = account.id
            default:
                break
            }
        }
    }

    // MARK: Reads (DecisionState)

    public func mechanism(_ id: MechanismID) -> Mechanism? {
        if case .mechanism(let v)? = rows[RowKey(.mechanism, id.rawValue)]?.value { return v }
        return nil
    }

    public func party(_ id: PartyID) -> Party? {
        if case .party(let v)? = rows[RowKey(.party, id.rawValue)]?.value { return v }
        return nil
    }

    public func track(_ id: TrackID) -> Track? {
        if case .track(let v)? = rows[RowKey(.track, id.rawValue)]?.value { return v }
        return nil
    }

    public func member(_ id: MemberID) -> Member? {
        if case .member(let v)? = rows[RowKey(.member, id.rawValue)]?.value { return v }
        return nil
    }

    public func team(_ id: TeamID) -> Team? {
        if case .team(let v)? = rows[RowKey(.team, id.rawValue)]?.value { return v }
        return nil
    }

    public func account(_ id: AccountID) -> Account? {
        if case .account(let v)? = rows[RowKey(.account, id.rawValue)]?.value { return v }
        return nil
    }

    public func account(username: String) -> Account? {
        usernames[username].flatMap(account)
    }

    public func item(_ id: ItemID) -> Item? {
        for kind in [RowKind.irritant, .step, .meeting, .contact, .commitment, .readout, .text, .note, .minutes] {
            if case .item(let v)? = rows[RowKey(kind, id.rawValue)]?.value { return v }
        }
        return nil
    }

    public func item(_ reference: Reference, in log: LogID) -> Item? {
        references[log]?[reference].flatMap(item)
    }

    public func minutes(of meeting: ItemID, by party: PartyID) -> Minutes? {
        if case .minutes(let v)? = minutesIndex[MinutesKey(meeting: meeting, party: party)].flatMap(item) { return v }
        return nil
    }

    public func lastNumber(of kind: ReferenceKind, in log: LogID) -> Int {
        counters[log]?[kind] ?? 0
    }

    public func canonicalHash(of text: CanonicalText) -> String? {
        textHasher?(text)
    }

    // MARK: Reads for pages and tests

    /// The rows `scope` lets its holder read, in no particular order.
    public func rows(readableIn scope: ReadScope) -> [ProjectionRow] {
        rows.values.filter { scope.includes($0.log) }
    }
}
