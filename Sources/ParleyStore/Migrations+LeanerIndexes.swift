// Every index on `items` is one more page to write when a row is projected (issue 4's append
// figures: a raised irritant wrote 26 pages, 13 of them index pages of `items`). Two indexes
// now hold only the rows they are asked for: names of accounts (sign-in looks an account up by
// name; nothing else searches by title), and rows that hang off another (steps, minutes,
// readouts: `about` is NULL for the rest). The index on id alone stays: without it SQLite's
// planner answered a lookup of one item by id and mechanism by walking every item of the
// mechanism in order (without it, raising 10,000 irritants through the API took 25-29 s, not 10-13).
import SQLKit

extension Migrations {
    static func leanerItemIndexes(_ db: any SQLDatabase, _ dialect: Dialect) async throws {
        try await db.raw("DROP INDEX items_by_title").run()
        try await db.raw("CREATE INDEX items_by_title ON items (title) WHERE kind = 'account'").run()
        try await db.raw("DROP INDEX items_by_about").run()
        try await db.raw("CREATE INDEX items_by_about ON items (about) WHERE about IS NOT NULL").run()
    }
}
