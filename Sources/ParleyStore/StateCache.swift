// decide and Projection read their state synchronously (STYLE.md 2: pure algorithms take their
// reads as a parameter); the database answers asynchronously. The store bridges the two with a
// fixpoint prefetch: the algorithm runs against this cache, every read the cache cannot answer
// is recorded as a miss and answered "absent"; the store then fetches all misses in a few
// queries and runs the algorithm again, until a run misses nothing. That run read only true
// answers, and since the algorithms are pure, its result is the one to keep.
//
// The cache also holds what the job itself wrote (the overlay), so the second entry of a decision
// sees the projection of the first, exactly as MemoryState folds one entry after another.
import ParleyCore

final class StateCache: DecisionState {
    /// A read the cache could not answer.
    enum Miss: Hashable {
        case row(RowKind, String)
        case item(String)
        case username(String)
        case reference(LogID, Reference)
        case minutes(ItemID, PartyID)
        case counters(LogID)
    }

    struct ReferenceKey: Hashable {
        let log: LogID
        let reference: Reference
    }

    struct MinutesKey: Hashable {
        let meeting: ItemID
        let party: PartyID
    }

    /// When set, the cache knows everything (a rebuild starts from empty tables): a read it cannot
    /// answer is truly absent and no miss is recorded.
    let complete: Bool

    /// Rows by kind and id; a nil value means "known absent".
    private(set) var rows: [MemoryState.RowKey: ProjectionRow?] = [:]
    /// Item ids whose kind is known, or known absent (nil).
    private var itemKinds: [String: RowKind?] = [:]
    private var usernames: [String: AccountID?] = [:]
    private var references: [ReferenceKey: ItemID?] = [:]
    private var minutesIndex: [MinutesKey: ItemID?] = [:]
    /// Counters of the logs whose counters were loaded; a kind missing in a loaded log is 0.
    private(set) var counters: [LogID: [ReferenceKind: Int]] = [:]
    /// What the current run of an algorithm could not read.
    private(set) var misses: Set<Miss> = []
    /// Rows and counters this job changed, to be written at its end.
    private(set) var writtenRows: [MemoryState.RowKey: ProjectionRow] = [:]
    private(set) var writtenCounters: Set<CounterKey> = []

    struct CounterKey: Hashable {
        let log: LogID
        let kind: ReferenceKind
    }

    init(complete: Bool = false) { self.complete = complete }

    /// How many rows (or known absences) the cache holds.
    var rowCount: Int { rows.count }

    func resetMisses() { misses = [] }

    private func miss(_ m: Miss) {
        if !complete { misses.insert(m) }
    }

    // MARK: Filling from the database

    /// Records a row fetched from the database (never overrides what this job wrote).
    func learn(_ row: ProjectionRow) {
        let key = MemoryState.RowKey(row.kind, row.id)
        guard writtenRows[key] == nil else { return }
        index(row)
    }

    /// Records that no row of `kind` has `id` (unless one is already known).
    func learnAbsent(_ kind: RowKind, _ id: String) {
        let key = MemoryState.RowKey(kind, id)
        if rows[key] == nil { rows[key] = .some(nil) }
    }

    func learnNoItem(_ id: String) {
        if itemKinds[id] == nil { itemKinds[id] = .some(nil) }
    }

    func learnNoAccount(username: String) {
        if usernames[username] == nil { usernames[username] = .some(nil) }
    }

    func learnNoReference(_ reference: Reference, in log: LogID) {
        let key = ReferenceKey(log: log, reference: reference)
        if references[key] == nil { references[key] = .some(nil) }
    }

    func learnNoMinutes(of meeting: ItemID, by party: PartyID) {
        let key = MinutesKey(meeting: meeting, party: party)
        if minutesIndex[key] == nil { minutesIndex[key] = .some(nil) }
    }

    /// Records a log's counters as loaded; kinds not in `values` are 0.
    func learnCounters(_ log: LogID, _ values: [ReferenceKind: Int]) {
        guard counters[log] == nil else { return }
        counters[log] = values
    }

    func hasCounters(_ log: LogID) -> Bool { counters[log] != nil }

    private func index(_ row: ProjectionRow) {
        rows[MemoryState.RowKey(row.kind, row.id)] = .some(row)
        switch row.value {
        case .item(let item):
            itemKinds[item.id.rawValue] = .some(row.kind)
            if let reference = item.reference {
                references[ReferenceKey(log: item.log, reference: reference)] = .some(item.id)
            }
            if case .minutes(let m) = item {
                minutesIndex[MinutesKey(meeting: m.meeting, party: m.party)] = .some(m.id)
            }
        case .account(let account):
            usernames[account.username] = .some(account.id)
        default:
            break
        }
    }

    // MARK: Writing (the overlay)

    /// Applies a projection change to the cache and remembers it for writing.
    func apply(_ change: ProjectionChange) {
        switch change {
        case .upsert(let row):
            index(row)
            writtenRows[MemoryState.RowKey(row.kind, row.id)] = row
        case .counter(let log, let kind, let last):
            // MemoryState keeps the highest number issued; so does the store.
            var values = counters[log] ?? [:]
            values[kind] = max(last, values[kind] ?? 0)
            counters[log] = values
            writtenCounters.insert(CounterKey(log: log, kind: kind))
        }
    }

    /// Forgets what was written (after it is stored), keeping it as known state.
    func clearWritten() {
        writtenRows = [:]
        writtenCounters = []
    }

    // MARK: DecisionState

    private func value(_ kind: RowKind, _ id: String) -> ProjectedValue? {
        switch rows[MemoryState.RowKey(kind, id)] {
        case .some(.some(let row)): return row.value
        case .some(.none): return nil
        case .none:
            miss(.row(kind, id))
            return nil
        }
    }

    func mechanism(_ id: MechanismID) -> Mechanism? {
        if case .mechanism(let v)? = value(.mechanism, id.rawValue) { return v }
        return nil
    }

    func party(_ id: PartyID) -> Party? {
        if case .party(let v)? = value(.party, id.rawValue) { return v }
        return nil
    }

    func track(_ id: TrackID) -> Track? {
        if case .track(let v)? = value(.track, id.rawValue) { return v }
        return nil
    }

    func member(_ id: MemberID) -> Member? {
        if case .member(let v)? = value(.member, id.rawValue) { return v }
        return nil
    }

    func team(_ id: TeamID) -> Team? {
        if case .team(let v)? = value(.team, id.rawValue) { return v }
        return nil
    }

    func account(_ id: AccountID) -> Account? {
        if case .account(let v)? = value(.account, id.rawValue) { return v }
        return nil
    }

    func account(username: String) -> Account? {
        switch usernames[username] {
        case .some(.some(let id)): return account(id)
        case .some(.none): return nil
        case .none:
            miss(.username(username))
            return nil
        }
    }

    func item(_ id: ItemID) -> Item? {
        switch itemKinds[id.rawValue] {
        case .some(.some(let kind)):
            if case .item(let v)? = value(kind, id.rawValue) { return v }
            return nil
        case .some(.none): return nil
        case .none:
            miss(.item(id.rawValue))
            return nil
        }
    }

    func item(_ reference: Reference, in log: LogID) -> Item? {
        switch references[ReferenceKey(log: log, reference: reference)] {
        case .some(.some(let id)): return item(id)
        case .some(.none): return nil
        case .none:
            miss(.reference(log, reference))
            return nil
        }
    }

    func minutes(of meeting: ItemID, by party: PartyID) -> Minutes? {
        switch minutesIndex[MinutesKey(meeting: meeting, party: party)] {
        case .some(.some(let id)):
            if case .minutes(let v)? = item(id) { return v }
            return nil
        case .some(.none): return nil
        case .none:
            miss(.minutes(meeting, party))
            return nil
        }
    }

    func lastNumber(of kind: ReferenceKind, in log: LogID) -> Int {
        guard let values = counters[log] else {
            miss(.counters(log))
            return 0
        }
        return values[kind] ?? 0
    }
}
