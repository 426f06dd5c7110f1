// Keeping the search index up to date outside the appends (see SearchIndex): a commit's new rows
// lie above the index's mark and its changes to older rows are only noted; a background task
// indexes both a few times a second (on SQLite many rows in one FTS5 segment), and a search first
// indexes whatever is still waiting, so it always sees every committed change.
import Foundation
import Logging
import SQLKit
import Synchronization

extension Store {
    /// How often the background task looks for rows to index.
    static let indexingInterval: Duration = .milliseconds(250)

    func startIndexing() {
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Store.indexingInterval)
                guard let self, !Task.isCancelled else { return }
                do {
                    try await self.catchUpSearchIndex()
                } catch {
                    self.logger.warning("search index not brought up to date: \(error)")
                }
            }
        }
        indexer.withLock { $0 = task }
    }

    /// Stops the background task and waits until it has finished what it was doing; searches
    /// still index what is noted before they run.
    func stopIndexing() async {
        let task = indexer.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
    }

    /// Indexes the rows changed since the index was last brought up to date, if there are any.
    func catchUpSearchIndex() async throws {
        let pending = try await read { db in
            try await db.raw(SearchIndex.backlogQuery).first()?.decode(column: "backlog", as: Int64.self) == 1
        }
        guard pending else { return }
        switch database.dialect {
        case .sqlite:
            // Only the index's own tables change: the writer's decision state stays valid.
            try await write(leavesBatchStateAlone: true) { writer in
                try await SearchIndex.catchUp(on: writer.db, dialect: writer.dialect)
            }
        case .postgres:
            // Not a write turn: the writers go on meanwhile (see SearchIndex+Vectors).
            while try await read({ db in
                try await Transaction.run(on: db, dialect: .postgres) { try await SearchIndex.catchUpVectors(on: $0) }
            }) {}
        }
    }
}
