// An entry's place in the store is one integer: its log's number (`logs.num`, given when the log
// is made) times 2^40, plus its index. Keyed so, `entries` is SQLite's plainest B-tree, the rowid
// table: 8-byte keys in the interior pages (three levels at a million entries), and an append at
// the end of a log fills the last leaf and starts a new one without rebalancing its neighbours.
// Keyed by (log id, index) as a WITHOUT ROWID table, every interior cell held a whole ~800-byte
// row: nine levels at a million entries, a fifth more pages for the same rows (a table of
// 300,000 such rows took 75,007 pages against 60,203), and a database of 500,000 entries took
// 1.40 GB against 1.29 GB. PostgreSQL keeps the same key: one code path, and a primary-key
// index of integers rather than of text.
import SQLKit

enum EntryKey {
    /// Bits of the key that hold the index: a log holds at most 2^40 (about 10^12) entries, and
    /// a store at most 2^23 logs.
    static let indexBits: Int64 = 40
    static let indexLimit: Int64 = 1 << indexBits

    static func of(log number: Int64, index: Int64) -> Int64 { number << indexBits | index }

    static func index(of key: Int64) -> Int64 { key & (indexLimit - 1) }

    /// `index(of:)` in SQL, for a query that hands each row's index on.
    static let indexColumn: SQLQueryString = "entry_key & \(literal: Int(indexLimit - 1))"

    /// The log's number from a row of `logs` that holds its `num`.
    static func number(in row: any SQLRow, of log: String) throws -> Int64 {
        guard let number = try row.decode(column: "num", as: Int64?.self) else {
            throw StoreError.database("\(log) has no number; run `parley migrate`")
        }
        return number
    }

    /// The condition on `entry_key` that selects the entries of `log` with an index in
    /// [from, to): its number is looked up once per statement, and the keys then read as a
    /// range of the primary key. No rows if the log does not exist.
    static func range(of log: String, from: Int64 = 0, to: Int64 = indexLimit) -> SQLQueryString {
        let base: SQLQueryString = "(SELECT num FROM logs WHERE id = \(bind: log)) * \(literal: Int(indexLimit))"
        return "entry_key >= \(base) + \(bind: from) AND entry_key < \(base) + \(bind: to)"
    }
}
