// Projection rows (DESIGN.md "The record is the source of truth"): what the store writes to its
// item table in the transaction that appends the entry, and what pages, the API and search read.

/// One row of the projection: a thing's current value with the columns queries filter on.
public struct ProjectionRow: Hashable, Sendable {
    /// The log whose entries made the row: its mechanism, and its owner for a private row.
    public let log: LogID
    /// The thing's id (mechanism, party, item… ids are all UUID text).
    public let id: String
    public let reference: Reference?
    /// The lifecycle status in its raw form (`inDiscussion`, `open`, `deleted`…), if any.
    public let status: String?
    /// A one-line label for lists.
    public let title: String
    /// Text for full-text search: titles, descriptions, bodies. Empty for deleted notes.
    public let searchText: String
    public let updatedAt: Timestamp
    public let value: ProjectedValue

    public var kind: RowKind { value.kind }
    public var mechanism: MechanismID { log.mechanism }
    /// The party whose private row this is; nil for a shared row.
    public var owner: PartyID? { log.owner }

    /// The row of `value` in `mechanism` (members, teams and accounts know only their party).
    public init(value: ProjectedValue, mechanism: MechanismID, updatedAt: Timestamp) {
        self.value = value
        self.updatedAt = updatedAt
        let shared = LogID.shared(mechanism)
        switch value {
        case .mechanism(let m):
            (log, id, reference, status, title, searchText) = (shared, m.id.rawValue, nil, nil, m.title, m.title)
        case .party(let p):
            (log, id, reference, status, title, searchText) = (
                shared, p.id.rawValue, nil, p.kind.rawValue, p.name, p.name
            )
        case .track(let t):
            (log, id, reference, status, title, searchText) = (shared, t.id.rawValue, nil, nil, t.title, t.title)
        case .member(let m):
            (log, id, reference, status, title) = (shared, m.id.rawValue, nil, m.role.rawValue, m.name)
            searchText = m.name + "\n" + m.title
        case .team(let t):
            (log, id, reference, status, title, searchText) = (shared, t.id.rawValue, nil, nil, t.name, t.name)
        case .account(let a):
            // Accounts are a party's own administration: private rows of that party.
            log = a.party.map { .private(mechanism, $0) } ?? shared
            (id, reference, status) = (a.id.rawValue, nil, a.active ? "active" : "deactivated")
            (title, searchText) = (a.username, a.username)
        case .item(let item):
            (log, id, reference) = (item.log, item.id.rawValue, item.reference)
            (status, title, searchText) = ProjectionRow.describe(item)
        }
    }

    private static func describe(_ item: Item) -> (status: String?, title: String, searchText: String) {
        switch item {
        case .irritant(let i):
            return (i.status.rawValue, i.title, i.title + "\n" + i.description)
        case .step(let s):
            return (s.status.rawValue, line(s.description), s.description)
        case .meeting(let m):
            let text = ([m.title, m.venue.city, m.jointSummary ?? ""] + m.outcomes.map(\.text)).joined(separator: "\n")
            return (m.status.rawValue, m.title, text)
        case .contact(let c):
            return (nil, "\(c.kind.rawValue) on \(c.at.day)", c.summary)
        case .commitment(let c):
            return (c.status.rawValue, line(c.text), c.text)
        case .readout(let r):
            return (nil, "Readout of \(r.event)", r.body)
        case .note(let n):
            return n.deleted ? ("deleted", n.reference.description, "") : (nil, line(n.body), n.body)
        case .minutes(let m):
            return (nil, "Minutes", m.body)
        case .text(let t):
            // Every live wording, language version and comment is findable; withdrawn words are not.
            var text = [t.title]
            for clause in t.clauses {
                let live = clause.liveAlternatives
                text += live.map(\.wording)
                text += clause.versions.filter { v in live.contains { $0.id == v.alternative } }.map(\.wording)
                text += clause.comments.map(\.body)
            }
            return (t.status.rawValue, t.title, text.filter { !$0.isEmpty }.joined(separator: "\n"))
        }
    }

    /// The first line of a text, cut to the title limit.
    private static func line(_ text: String) -> String {
        let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return first.count > Limits.title ? String(first.prefix(Limits.title - 1)) + "…" : first
    }
}

/// What the store does with one entry's projection, in the append's transaction.
public enum ProjectionChange: Hashable, Sendable {
    /// Insert or replace the row with this kind and id.
    case upsert(ProjectionRow)
    /// The highest reference number of `kind` issued in `log`'s sequence is now `last`.
    case counter(log: LogID, kind: ReferenceKind, last: Int)
}
