// ParleyWeb: the versions of a mechanism's logs (Store.version) that kept answers are keyed by,
// known without a read when the request's own sign-in read saw the database as it was when the
// version was read. Each SQLite connection counts the changes to the file it notices (ReadStamp),
// so a sign-in read on the same connection at the same count saw the very same database: no
// commit, by this server or any other process, came in between. Otherwise, or on PostgreSQL, the
// version is read again. A kept dashboard then costs the sign-in read alone (issue 5's figures).

import ParleyCore
import ParleyStore
import Synchronization

final class LogVersions: Sendable {
    private struct Known {
        var version: String
        /// Reads that found `version`, one per connection at most, newest last.
        var seenAt: [ReadStamp]
    }

    private let known = Mutex<[String: Known]>([:])
    /// Sets of logs remembered at most; beyond, the memory starts again.
    static let maxKnown = 4096
    /// Reads remembered per set of logs: a few more than the store's read connections.
    static let maxStamps = 16

    /// The version of `logs`, without a read when `stamp` (the request's sign-in read) matches
    /// a read that found it.
    func version(of logs: [LogID], seenAs stamp: ReadStamp?, in store: Store) async throws -> String {
        let key = logs.map(\.description).joined(separator: " ")
        if let stamp,
            let version = known.withLock({ $0[key].flatMap { $0.seenAt.contains(stamp) ? $0.version : nil } })
        {
            return version
        }
        let (version, read) = try await store.version(of: logs)
        if let read { remember(version, of: key, readAt: read) }
        return version
    }

    private func remember(_ version: String, of key: String, readAt stamp: ReadStamp) {
        known.withLock { known in
            guard var entry = known[key], entry.version == version else {
                if known.count >= Self.maxKnown { known = [:] }
                known[key] = Known(version: version, seenAt: [stamp])
                return
            }
            guard !entry.seenAt.contains(stamp) else { return }
            entry.seenAt.append(stamp)
            if entry.seenAt.count > Self.maxStamps { entry.seenAt.removeFirst() }
            known[key] = entry
        }
    }
}
