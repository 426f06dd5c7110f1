// Read stamps (ReadStamp): two reads on one SQLite connection with nothing committed between them
// carry equal stamps; a commit through this store, or through another store on the same file (as
// the CLI opens one beside a running server), makes the next read's stamp differ. PostgreSQL reads
// carry none, so nothing is ever taken as unchanged there.

import Foundation
import ParleyCore
import Testing

@testable import ParleyStore

@Suite struct ReadStampTests {
    @Test(arguments: Backend.available)
    func equalStampsMeanNothingWasCommittedBetween(_ backend: Backend) async throws {
        let database = try await TestDatabase.make(backend)
        // One read connection, so that consecutive reads share it.
        let store = try await Store.open(database.location, signer: database.signer, readers: 1, logger: quietLogger)
        do {
            // The background indexer's commits would change the stamps too.
            await store.stopIndexing()
            let w = try await StoreWorld(store)
            let logs: [LogID] = [.shared(w.mechanism)]
            let (version, first) = try await store.version(of: logs)
            let (again, second) = try await store.version(of: logs)
            #expect(again == version)
            guard backend == .sqlite else {
                #expect(first == nil && second == nil)
                await store.close()
                await database.destroy()
                return
            }
            let stamp = try #require(first)
            #expect(second == stamp)

            _ = try await store.execute(
                .raiseIrritant(.init(mechanism: w.mechanism, title: "Through this store", description: "x")),
                by: w.usNegotiator
            )
            let (afterOwn, ownStamp) = try await store.version(of: logs)
            #expect(afterOwn != version)
            #expect(ownStamp != stamp)

            // Another store on the same file commits; this one notices at its next read.
            let other = try await database.open()
            _ = try await other.execute(
                .raiseIrritant(.init(mechanism: w.mechanism, title: "Through another store", description: "x")),
                by: w.usNegotiator
            )
            await other.close()
            let (afterOther, otherStamp) = try await store.version(of: logs)
            #expect(afterOther != afterOwn)
            #expect(otherStamp != ownStamp)
            #expect(try await store.version(of: logs).stamp == otherStamp)

            // A stamp names its connection: another store's reads never match this one's.
            let third = try await database.open()
            #expect(try await third.version(of: logs).stamp != otherStamp)
            await third.close()
        } catch {
            await store.close()
            await database.destroy()
            throw error
        }
        await store.close()
        await database.destroy()
    }
}
