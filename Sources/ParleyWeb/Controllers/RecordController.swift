// ParleyWeb: the record pages. `/record` is the mechanism's shared log, which every party of it
// reads; `/private-record` is the viewer's own party's private log, which no other party can
// reach (its address names no party: the log is always the viewer's own). Entries are read from
// the log itself, newest first, `pageSize` at a time.

import Hummingbird
import ParleyCore
import ParleyRecord
import ParleyStore

struct RecordController: Sendable {
    let env: WebEnvironment

    /// Entries per page.
    static let pageSize: Int64 = 50

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/record", use: shared)
        group.get("/mechanisms/:id/private-record", use: ownPrivate)
    }

    @Sendable func shared(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let page = try await page(access.sharedLog, access, request, isPrivate: false)
        return try env.render("record", page, context: context)
    }

    @Sendable func ownPrivate(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        guard let party = access.actor.party else { throw WebError.notFound }
        let log = LogID.private(access.id, party)
        guard access.scope.includes(log) else { throw WebError.notFound }
        let page = try await page(log, access, request, isPrivate: true)
        return try env.render("record", page, context: context)
    }

    private func page(_ log: LogID, _ access: MechanismAccess, _ request: Request, isPrivate: Bool) async throws
        -> RecordPage
    {
        let store = access.store
        // A private log that has no entry yet does not exist in the store: it is simply empty.
        let size = try await store.logSize(log.description) ?? 0
        let pageCount = max(1, Int((size + Self.pageSize - 1) / Self.pageSize))
        let pageNumber = try PageNumber.requested(request, pageCount: pageCount, holder: "This record")
        let end = size - Int64(pageNumber - 1) * Self.pageSize
        let start = max(0, end - Self.pageSize)
        let api =
            "/api/v1/mechanisms/" + access.id.rawValue.addingPathPercentEncoding()
            + (isPrivate ? "/private-log" : "/log")
        let entries = try await (size == 0 ? [] : store.entries(log.description, start: start, end: end))
            .reversed()
            .map { logEntry -> RecordPage.EntryRow in
                let entry: Entry
                do {
                    entry = try CanonicalJSON.decode(Entry.self, from: logEntry.bytes)
                } catch {
                    throw StoreError.database("entry \(logEntry.index) of \(log) cannot be read: \(error)")
                }
                return RecordPage.EntryRow(
                    index: entry.index,
                    kind: entry.kind.rawValue,
                    actor: access.names.actor(entry.actor),
                    at: PageFormat.utc(entry.at)
                )
            }
        let here = access.id.href + (isPrivate ? "/private-record" : "/record")
        return RecordPage(
            mechanismTitle: access.mechanism.title,
            mechanismHref: access.id.href,
            isPrivate: isPrivate,
            ownParty: isPrivate ? access.actor.party.map { access.names.name($0) } : nil,
            size: size,
            entries: entries,
            hasEntries: !entries.isEmpty,
            pageNumber: pageNumber,
            pageCount: pageCount,
            newerHref: pageNumber > 1 ? here + "?page=\(pageNumber - 1)" : nil,
            olderHref: pageNumber < pageCount ? here + "?page=\(pageNumber + 1)" : nil,
            checkpoint: try await store.latestCheckpoint(log.description),
            checkpointPath: api + "/checkpoint",
            entriesPath: api + "/entries?start=0&end=\(min(size, Int64(Store.maxEntriesPerRead)))",
            keyPath: "/api/v1/log/key",
            verifierKey: try await env.services.logs.verifierKey(),
            privateRecordHref: isPrivate || !access.canReadPrivate ? nil : access.id.href + "/private-record"
        )
    }
}
