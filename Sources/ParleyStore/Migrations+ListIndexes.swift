// Indexes for paged lists and dashboard counts (issue 5's web figures). 0002's
// `items_by_mechanism` put owner_party before seq, so a list ordered by seq had to sort every
// row of its kind before it could take one page. These walk rows in seq order and carry
// owner_party, so the access rule is checked in the index; `items_in_order` takes the old
// index's place (one index more to write, not two), `items_by_status` serves status filters and
// counts by status (GROUP BY status) from the index alone.
import SQLKit

extension Migrations {
    static func indexItemsForPagedLists(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        try await db.raw("CREATE INDEX items_in_order ON items (mechanism_id, kind, seq, owner_party)").run()
        try await db.raw("CREATE INDEX items_by_status ON items (mechanism_id, kind, status, seq, owner_party)").run()
        try await db.raw("DROP INDEX items_by_mechanism").run()
    }
}
