// ParleyWeb: the data of the record pages — the shared log of a mechanism, or the viewer's own
// party's private log, newest entry first, a page at a time, with the latest signed checkpoint
// (C2SP tlog-checkpoint) and how to check it with one's own tools (DESIGN.md "Trust model").

struct RecordPage: Sendable {
    struct EntryRow: Sendable {
        var index: UInt64
        var kind: String
        var actor: String
        var at: String
    }

    var mechanismTitle: String
    var mechanismHref: String
    var isPrivate: Bool
    /// The party whose private record this is; nil on the shared record.
    var ownParty: String?
    var size: Int64
    var entries: [EntryRow]
    var hasEntries: Bool
    var pageNumber: Int
    var pageCount: Int
    var newerHref: String?
    var olderHref: String?
    var checkpoint: String?
    var checkpointPath: String
    var entriesPath: String
    var keyPath: String
    var verifierKey: String
    var privateRecordHref: String?
}
