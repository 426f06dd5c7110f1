// The reads pages and the API need (DESIGN.md "Access rules"): every query takes the reader's
// ReadScope (Policy.readScope) and applies it in SQL, so another party's private row is never
// even loaded; a foreign private item answers exactly as a missing one (nil).
public import ParleyCore
import ParleyRecord
import SQLKit

/// A mechanism and its standing structure.
public struct MechanismStructure: Sendable, Hashable {
    public let mechanism: Mechanism
    /// Sides, then facilitators, in the order they joined.
    public let parties: [Party]
    /// In the order they were added.
    public let tracks: [Track]
    /// Every party's delegation, in the order members were added.
    public let members: [Member]
    public let teams: [Team]
}

/// One page of a list, and where the next one starts.
public struct ItemPage: Sendable, Hashable {
    public let rows: [ProjectionRow]
    /// Pass as `after` for the next page; nil on the last page.
    public let next: Int64?
}

extension Store {
    /// The most rows one list call returns.
    public static let maxPageSize = 500

    /// What `actor` may read: its party's mechanism, shared rows and its party's private rows.
    /// The operator and an actor whose party is unknown read nothing.
    public func readScope(for actor: Actor) async throws -> ReadScope {
        guard !actor.isOperator, let party = actor.party else { return .nothing }
        let row = try await read { db in
            try await Self.rows(db, "kind = 'party' AND id = \(bind: party.rawValue)", limit: 1).first
        }
        guard case .party(let p)? = row?.value else { return .nothing }
        return Policy.readScope(for: actor, party: p)
    }

    /// The mechanisms `scope` covers.
    public func mechanisms(in scope: ReadScope) async throws -> [Mechanism] {
        guard !scope.mechanisms.isEmpty else { return [] }
        return try await read { db in
            try await Self.rows(db, "kind = 'mechanism' AND id IN (\(binds: scope.mechanisms.map(\.rawValue)))")
        }.compactMap { if case .mechanism(let m) = $0.value { m } else { nil } }
    }

    /// Every mechanism, for the operator who administers them (structure only, never content).
    public func allMechanisms() async throws -> [Mechanism] {
        try await read { db in try await Self.rows(db, "kind = 'mechanism'") }
            .compactMap { if case .mechanism(let m) = $0.value { m } else { nil } }
    }

    /// A mechanism's structure, or nil when it does not exist or `scope` does not cover it.
    /// `scope: nil` is the operator's administrative view.
    public func structure(of mechanism: MechanismID, in scope: ReadScope?) async throws -> MechanismStructure? {
        if let scope, !scope.mechanisms.contains(mechanism) { return nil }
        let rows = try await read { db in
            try await Self.rows(
                db,
                "mechanism_id = \(bind: mechanism.rawValue) AND kind IN ('mechanism', 'party', 'track', 'member', 'team')"
            )
        }
        var m: Mechanism?
        var parties: [PartyID: Party] = [:]
        var tracks: [TrackID: Track] = [:]
        var members: [Member] = []
        var teams: [Team] = []
        for row in rows {
            switch row.value {
            case .mechanism(let v): m = v
            case .party(let v): parties[v.id] = v
            case .track(let v): tracks[v.id] = v
            case .member(let v): members.append(v)
            case .team(let v): teams.append(v)
            default: break
            }
        }
        guard let m else { return nil }
        return MechanismStructure(
            mechanism: m,
            parties: m.parties.compactMap { parties[$0] },
            tracks: m.tracks.compactMap { tracks[$0] },
            members: members,
            teams: teams
        )
    }

    /// Rows of `kind` in `mechanism` that `scope` may read, optionally only those of one
    /// `status` or hanging off `about`, in creation order (`newestFirst` reverses it), `limit`
    /// at a time after the cursor `after` or past the first `offset` rows. The index of
    /// migration 0005 serves these in order, so a page reads only its own rows.
    public func items(
        _ kind: RowKind,
        status: String? = nil,
        about: String? = nil,
        in mechanism: MechanismID,
        scope: ReadScope,
        newestFirst: Bool = false,
        after: Int64? = nil,
        offset: Int = 0,
        limit: Int = 50
    ) async throws -> ItemPage {
        guard scope.mechanisms.contains(mechanism) else { return ItemPage(rows: [], next: nil) }
        let limit = max(1, min(limit, Self.maxPageSize))
        var condition: SQLQueryString =
            "mechanism_id = \(bind: mechanism.rawValue) AND kind = \(bind: kind.rawValue) AND \(Self.visible(scope))"
        if let status { condition += " AND status = \(bind: status)" }
        if let about { condition += " AND about = \(bind: about)" }
        if let after { condition += newestFirst ? " AND seq < \(bind: after)" : " AND seq > \(bind: after)" }
        var sql: SQLQueryString =
            "SELECT seq, \(unsafeRaw: StateLoader.columnList) FROM items WHERE \(condition) ORDER BY seq"
        sql += newestFirst ? " DESC" : ""
        sql += " LIMIT \(literal: limit + 1)"
        if offset > 0 { sql += " OFFSET \(literal: offset)" }
        let found = try await read { db in
            try await db.raw(sql).all().map {
                (try $0.decode(column: "seq", as: Int64.self), try StoredRow(sql: $0).projectionRow())
            }
        }
        let page = found.prefix(limit)
        return ItemPage(rows: page.map(\.1), next: found.count > limit ? page.last?.0 : nil)
    }

    /// The item with `id`, or nil when it is missing or `scope` may not read it.
    public func item(_ id: ItemID, scope: ReadScope) async throws -> ProjectionRow? {
        guard !scope.mechanisms.isEmpty else { return nil }
        return try await read { db in
            try await Self.rows(
                db,
                "id = \(bind: id.rawValue) AND kind IN (\(unsafeRaw: Self.itemKinds)) AND \(Self.visible(scope))",
                limit: 1
            ).first
        }
    }

    /// The item `reference` names in `mechanism` (a shared item, or one of the reader's own
    /// notes), or nil when it is missing or `scope` may not read it.
    public func item(_ reference: Reference, in mechanism: MechanismID, scope: ReadScope) async throws -> ProjectionRow?
    {
        guard scope.mechanisms.contains(mechanism) else { return nil }
        return try await read { db in
            try await Self.rows(
                db,
                "mechanism_id = \(bind: mechanism.rawValue) AND reference = \(bind: reference.description) AND \(Self.visible(scope))",
                limit: 1
            ).first
        }
    }

    /// Every side's readout of one meeting or contact, to show side by side, oldest first.
    public func readouts(of event: Reference, in mechanism: MechanismID, scope: ReadScope) async throws -> [Readout] {
        guard scope.mechanisms.contains(mechanism) else { return [] }
        return try await read { db in
            try await Self.rows(
                db,
                "mechanism_id = \(bind: mechanism.rawValue) AND kind = 'readout' AND about = \(bind: event.description) AND \(Self.visible(scope))"
            )
        }.compactMap { if case .item(.readout(let r)) = $0.value { r } else { nil } }
    }

    /// The reader's own party's notes in `mechanism` (optionally only those attached to
    /// `attachedTo`), oldest first; deleted notes only when asked.
    public func notes(
        in mechanism: MechanismID,
        scope: ReadScope,
        attachedTo: Reference? = nil,
        includingDeleted: Bool = false
    ) async throws -> [Note] {
        guard scope.mechanisms.contains(mechanism), let party = scope.party else { return [] }
        var condition: SQLQueryString =
            "mechanism_id = \(bind: mechanism.rawValue) AND kind = 'note' AND owner_party = \(bind: party.rawValue)"
        if let attachedTo { condition += " AND about = \(bind: attachedTo.description)" }
        if !includingDeleted { condition += " AND (status IS NULL OR status <> 'deleted')" }
        return try await read { db in try await Self.rows(db, condition) }
            .compactMap { if case .item(.note(let n)) = $0.value { n } else { nil } }
    }

    /// The reader's own party's minutes of `meeting`, or nil.
    public func minutes(of meeting: ItemID, scope: ReadScope) async throws -> Minutes? {
        guard !scope.mechanisms.isEmpty, let party = scope.party else { return nil }
        let row = try await read { db in
            try await Self.rows(
                db,
                "kind = 'minutes' AND about = \(bind: meeting.rawValue) AND owner_party = \(bind: party.rawValue) AND \(Self.visible(scope))",
                limit: 1
            ).first
        }
        if case .item(.minutes(let m))? = row?.value { return m }
        return nil
    }

    /// The newest `limit` entries of `log`, newest first; none when `scope` may not read the log.
    public func recentEntries(of log: LogID, scope: ReadScope, limit: Int = 20) async throws -> [Entry] {
        guard scope.includes(log) else { return [] }
        let limit = max(1, min(limit, Self.maxEntriesPerRead))
        let bodies = try await read { db in
            try await db.raw(
                """
                SELECT body FROM entries WHERE \(EntryKey.range(of: log.description))
                ORDER BY entry_key DESC LIMIT \(literal: limit)
                """
            ).all().map { try $0.bytes("body") }
        }
        return try bodies.map { bytes in
            do {
                return try CanonicalJSON.decode(Entry.self, from: bytes)
            } catch {
                throw StoreError.database("an entry of \(log) cannot be read: \(error); run `parley verify`")
            }
        }
    }

    /// The account with `id`, for signing in and sessions (not a content read).
    public func account(_ id: AccountID) async throws -> Account? {
        let row = try await read { db in
            try await Self.rows(db, "kind = 'account' AND id = \(bind: id.rawValue)", limit: 1).first
        }
        if case .account(let a)? = row?.value { return a }
        return nil
    }

    /// The account named `username` (usernames are unique and stored in lower case).
    public func account(username: String) async throws -> Account? {
        let row = try await read { db in
            try await Self.rows(db, "kind = 'account' AND title = \(bind: username)", limit: 1).first
        }
        if case .account(let a)? = row?.value { return a }
        return nil
    }

    // MARK: Building blocks

    static let itemKinds = [
        "irritant", "step", "meeting", "contact", "commitment", "readout", "note", "minutes", "text",
    ]
    .map { "'\($0)'" }.joined(separator: ", ")

    /// The access rule of ReadScope in SQL: `mechanism IN (:mechanisms) AND (owner IS NULL OR owner = :party)`.
    static func visible(_ scope: ReadScope) -> SQLQueryString {
        guard !scope.mechanisms.isEmpty else { return "1 = 0" }
        let mechanisms: SQLQueryString = "mechanism_id IN (\(binds: scope.mechanisms.map(\.rawValue)))"
        guard let party = scope.party else { return mechanisms + " AND owner_party IS NULL" }
        return mechanisms + " AND (owner_party IS NULL OR owner_party = \(bind: party.rawValue))"
    }

    static func rows(_ db: any SQLDatabase, _ condition: SQLQueryString, limit: Int? = nil) async throws
        -> [ProjectionRow]
    {
        var sql: SQLQueryString =
            "SELECT \(unsafeRaw: StateLoader.columnList) FROM items WHERE \(condition) ORDER BY seq"
        if let limit { sql += " LIMIT \(literal: limit)" }
        return try await db.raw(sql).all().map { try StoredRow(sql: $0).projectionRow() }
    }
}
