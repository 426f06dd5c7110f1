// SQLite's FTS5 merges an index level's segments into one as soon as there are four of them (its
// `automerge` default). Every row is then written again at each level it climbs, and the index
// gains levels as the record grows, so appends slowed as the log grew: 64 writers growing a log
// to 400,000 entries managed 9,503 and 9,277 entries/s against 11,263 and 10,893 with merges at
// eight segments (issue 4's figures, pairs run alternately). With eight, a search reads at most
// twice the segments; at 400,000 rows the same searches took 33 and 32 ms. Sixteen, FTS5's
// most, added nothing to the appends (11,430/s against 11,253) and a third to that search.
import SQLKit

extension Migrations {
    /// Segments of one level that FTS5 lets gather before it merges them.
    static let searchAutomerge = 8

    static func mergeTheSearchIndexLessOften(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        guard dialect == .sqlite else { return }
        try await db.raw("INSERT INTO items_fts (items_fts, rank) VALUES ('automerge', \(literal: searchAutomerge))")
            .run()
    }
}
