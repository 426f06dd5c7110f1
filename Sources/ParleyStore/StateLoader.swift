// Fills a StateCache from the projection tables: the mechanism's structure up front, then the
// misses of each run of decide or Projection in one query on `items` and one on `counters`,
// until a run misses nothing (see StateCache). Runs inside the writing transaction, so what it
// reads is exactly what the decision is made on.
import ParleyCore
import SQLKit

struct StateLoader {
    let db: any SQLDatabase

    /// The most runs a decision may need; each adds at least one answer, so reads settle quickly.
    static let maxRounds = 32

    /// Runs `body` against `cache` until it reads only answers the cache holds; returns (or
    /// throws) what that last run did. Earlier runs' results and errors are discarded.
    func settle<T>(_ cache: StateCache, _ body: () throws -> T) async throws -> T {
        for _ in 0..<Self.maxRounds {
            cache.resetMisses()
            let result = Result { try body() }
            if cache.misses.isEmpty { return try result.get() }
            try await load(cache.misses, into: cache)
        }
        throw StoreError.database("the state a decision needs did not settle after \(Self.maxRounds) reads")
    }

    /// Loads what nearly every command reads: the mechanism, its parties, tracks, members and
    /// teams, and the reference counters of `logs`.
    func preload(mechanism: MechanismID?, counters logs: [LogID], into cache: StateCache) async throws {
        if let mechanism {
            let rows = try await db.raw(
                """
                SELECT \(unsafeRaw: Self.columnList) FROM items
                WHERE mechanism_id = \(bind: mechanism.rawValue)
                AND kind IN ('mechanism', 'party', 'track', 'member', 'team')
                """
            ).all()
            for row in rows { cache.learn(try StoredRow(sql: row).projectionRow()) }
            cache.learnAbsent(.mechanism, mechanism.rawValue)
        }
        try await loadCounters(logs.filter { !cache.hasCounters($0) }, into: cache)
    }

    /// Fetches every missed read and records the answer, present or absent, so no miss repeats.
    func load(_ misses: Set<StateCache.Miss>, into cache: StateCache) async throws {
        var ids = IDsByKinds()
        var usernames = Set<String>()
        var references: [LogID: Set<String>] = [:]
        var minutes: [StateCache.MinutesKey] = []
        var counterLogs = Set<LogID>()
        for miss in misses {
            switch miss {
            case .row(let kind, let id): ids.insert(id, kinds: "'\(kind.rawValue)'")
            case .item(let id): ids.insert(id, kinds: Store.itemKinds)
            case .username(let name): usernames.insert(name)
            case .reference(let log, let reference): references[log, default: []].insert(reference.description)
            case .minutes(let meeting, let party): minutes.append(.init(meeting: meeting, party: party))
            case .counters(let log): counterLogs.insert(log)
            }
        }

        var conditions: [SQLQueryString] = []
        // By kind and id: the (id, kind) key finds them.
        for (kinds, idsOfKinds) in ids.byKinds.sorted(by: { $0.key < $1.key }) {
            conditions.append("(kind IN (\(unsafeRaw: kinds)) AND id IN (\(binds: idsOfKinds.sorted())))")
        }
        if !usernames.isEmpty { conditions.append("(kind = 'account' AND title IN (\(binds: usernames.sorted())))") }
        for (log, refs) in references {
            conditions.append(
                "(mechanism_id = \(bind: log.mechanism.rawValue) AND \(Self.owner(is: log.owner)) AND reference IN (\(binds: refs.sorted())))"
            )
        }
        for key in minutes {
            conditions.append(
                "(kind = 'minutes' AND about = \(bind: key.meeting.rawValue) AND owner_party = \(bind: key.party.rawValue))"
            )
        }
        if !conditions.isEmpty {
            let rows = try await db.raw(
                "SELECT \(unsafeRaw: Self.columnList) FROM items WHERE " + conditions.joined(separator: " OR ")
            ).all()
            for row in rows { cache.learn(try StoredRow(sql: row).projectionRow()) }
        }

        // Whatever was not found does not exist.
        for miss in misses {
            switch miss {
            case .row(let kind, let id): cache.learnAbsent(kind, id)
            case .item(let id): cache.learnNoItem(id)
            case .username(let name): cache.learnNoAccount(username: name)
            case .reference(let log, let reference): cache.learnNoReference(reference, in: log)
            case .minutes(let meeting, let party): cache.learnNoMinutes(of: meeting, by: party)
            case .counters: break
            }
        }
        try await loadCounters(Array(counterLogs), into: cache)
    }

    private func loadCounters(_ logs: [LogID], into cache: StateCache) async throws {
        guard !logs.isEmpty else { return }
        let rows = try await db.raw(
            "SELECT id, counters FROM logs WHERE id IN (\(binds: logs.map(\.description).sorted()))"
        ).all()
        var values: [LogID: [ReferenceKind: Int]] = [:]
        for row in rows {
            let text = try row.decode(column: "id", as: String.self)
            guard let log = LogID(text) else { throw StoreError.database("the log id \(text) cannot be read") }
            values[log] = try ReferenceCounters.parse(try row.decode(column: "counters", as: String?.self), log: text)
        }
        for log in logs { cache.learnCounters(log, values[log] ?? [:]) }
    }

    static let columnList = StoredRow.columns.joined(separator: ", ")

    /// `owner_party IS NULL` for the shared log, `owner_party = $party` for a private one.
    static func owner(is party: PartyID?) -> SQLQueryString {
        guard let party else { return "owner_party IS NULL" }
        return "owner_party = \(bind: party.rawValue)"
    }
}

/// New ids for decide, replayed across the runs of one decision: the n-th id asked for is the
/// same in every run, so re-running decide does not change the ids it hands out.
final class ReplayingIDs: @unchecked Sendable {
    private let make: () -> String
    private var made: [String] = []
    private var position = 0

    init(_ make: @escaping () -> String) { self.make = make }

    func rewind() { position = 0 }

    func next() -> String {
        if position == made.count { made.append(make()) }
        position += 1
        return made[position - 1]
    }
}

/// Ids to load, grouped by the kinds (an SQL list) they may have.
private struct IDsByKinds {
    var byKinds: [String: Set<String>] = [:]
    mutating func insert(_ id: String, kinds: String) { byKinds[kinds, default: []].insert(id) }
}
