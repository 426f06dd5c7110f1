// Full-text search behind one call (DESIGN.md "Stores"): FTS5 on SQLite, a tsvector with a GIN
// index on PostgreSQL. The reader's scope is part of the query, so a foreign private row is never
// a hit; the user's text is reduced to plain words, so no query syntax of either engine leaks in.
public import ParleyCore
import SQLKit

extension Store {
    /// The rows `scope` may read whose title or text contains every word of `text` (as a word
    /// prefix, case- and, on SQLite, accent-insensitively), best match first. Deleted notes are
    /// never found.
    public func search(_ text: String, scope: ReadScope, limit: Int = 20) async throws -> [ProjectionRow] {
        let words = Self.searchWords(text)
        guard !words.isEmpty, !scope.mechanisms.isEmpty else { return [] }
        let limit = max(1, min(limit, Self.maxPageSize))
        // Rows changed since the index last caught up are indexed first: a search sees every commit.
        try await catchUpSearchIndex()
        let columns = StoredRow.columns.map { "items.\($0)" }.joined(separator: ", ")
        let visible = Self.visible(scope)
        let notDeleted: SQLQueryString = "(items.status IS NULL OR items.status <> 'deleted')"
        let sql: SQLQueryString
        switch database.dialect {
        case .sqlite:
            // FTS5 query syntax (§3): each word a quoted string with a prefix star, ANDed. Words
            // hold only letters and digits, so no quote needs escaping.
            let match = words.map { "\"" + $0 + "\"*" }.joined(separator: " AND ")
            sql = """
                SELECT \(unsafeRaw: columns) FROM items_fts JOIN items ON items.seq = items_fts.rowid
                WHERE items_fts MATCH \(bind: match) AND \(visible) AND \(notDeleted)
                ORDER BY items_fts.rank, items.seq LIMIT \(literal: limit)
                """
        case .postgres:
            // to_tsquery syntax: each word a quoted lexeme with a prefix marker, ANDed.
            let query = words.map { "'" + $0 + "':*" }.joined(separator: " & ")
            sql = """
                SELECT \(unsafeRaw: columns) FROM items_search JOIN items ON items.seq = items_search.seq
                WHERE items_search.search @@ to_tsquery('simple', \(bind: query)) AND \(visible) AND \(notDeleted)
                ORDER BY ts_rank(items_search.search, to_tsquery('simple', \(bind: query))) DESC, items.seq
                LIMIT \(literal: limit)
                """
        }
        return try await read { db in try await db.raw(sql).all().map { try StoredRow(sql: $0).projectionRow() } }
    }

    /// The words of a search: runs of letters and digits, lower-cased, at most 16.
    static func searchWords(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(16).map(String.init)
    }
}
