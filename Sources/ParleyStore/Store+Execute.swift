// Carrying out a decision (DESIGN.md "Data flows one way"): in one write job of the group-commit
// queue, load the state → decide → append each entry to its log → project it → write the rows;
// when the batch ends, a checkpoint of every log touched is signed. All of it commits together
// or not at all; a refused command writes nothing.
public import Foundation
public import ParleyCore
import ParleyRecord
import SQLKit

/// What an executed command appended.
public struct ExecutionResult: Sendable, Hashable {
    /// The entries appended, each with its log and index, in the order decided.
    public let entries: [Entry]
    /// The signed checkpoint (a C2SP signed note) made after them, for every log touched.
    public let checkpoints: [LogID: String]
}

extension Store {
    /// Decides `command` by `actor` at `now` and appends what was decided; throws the `Refusal`
    /// when the command is refused (nothing is written then). `newID` makes the ids of new
    /// things (a random UUID by default); it may be asked more times than ids are used.
    public func execute(
        _ command: Command,
        by actor: Actor,
        now: Date = Date(),
        newID: @escaping @Sendable () -> String = { RandomID.make() }
    ) async throws -> ExecutionResult {
        let (entries, outcome) = try await write(keepingBatchState: true) { writer in
            (try await writer.execute(command, by: actor, now: now, newID: newID), writer.batch.outcome)
        }
        // The batch is committed: its checkpoints, signed after its last job, cover these entries.
        var checkpoints: [LogID: String] = [:]
        for entry in entries where checkpoints[entry.log] == nil {
            guard let note = outcome.checkpoints[entry.log.description] else {
                throw StoreError.database("no checkpoint was signed for \(entry.log)")
            }
            checkpoints[entry.log] = note
        }
        return ExecutionResult(entries: entries, checkpoints: checkpoints)
    }
}

extension LogWriter {
    /// Decides and appends; answers the entries appended (their checkpoints come when the batch
    /// ends).
    func execute(_ command: Command, by actor: Actor, now: Date, newID: @escaping () -> String) async throws
        -> [Entry]
    {
        let cache = batch.sharedState()
        let loader = StateLoader(db: db)
        var counterLogs: [LogID] = []
        if let m = command.mechanism {
            counterLogs.append(.shared(m))
            if let party = actor.party { counterLogs.append(.private(m, party)) }
        }
        let structure = command.mechanism.flatMap { batch.preloaded.contains($0) ? nil : $0 }
        try await loader.preload(mechanism: structure, counters: counterLogs, into: cache)
        if let structure { batch.preloaded.insert(structure) }

        let ids = ReplayingIDs(newID)
        let drafts = try await loader.settle(cache) { () throws(Refusal) -> [EntryDraft] in
            ids.rewind()
            return try decide(command, by: actor, now: now, newID: ids.next, state: cache)
        }
        try TextSignatureCheck.check(drafts) { cache.item($0) }
        // From here on the job writes; a refusal comes before (see WriteQueue's savepoints).
        batch.jobWrote = true

        var entries: [Entry] = []
        var changed = Set<MemoryState.RowKey>()
        for draft in drafts {
            let entry = try await append(to: LogAddress(draft.log)) { Entry(draft, index: UInt64($0)) }
            let changes = try await loader.settle(cache) { try Projection.changes(for: entry, reading: cache) }
            for change in changes {
                cache.apply(change)
                if case .upsert(let row) = change { changed.insert(MemoryState.RowKey(row.kind, row.id)) }
            }
            entries.append(entry)
        }
        // The batch writes the entries and the rows they changed when it is flushed.
        batch.encodeInBackground(changed)
        return entries
    }
}
