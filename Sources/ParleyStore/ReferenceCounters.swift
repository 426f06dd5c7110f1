// A log's reference counters as its row of `logs` keeps them: the last reference issued of each
// kind, as references read, in kind order ("CMT-3 IRR-12"). Kept in the row every commit already
// writes for the log's size and checkpoint, rather than in a table of their own, whose page
// every append that issued a reference wrote and synced besides (issue 4's WAL frames).
import ParleyCore

enum ReferenceCounters {
    /// The column's text for `values`; nil when no reference was issued.
    static func text(_ values: [ReferenceKind: Int]) -> String? {
        let issued = values.filter { $0.value > 0 }.sorted { $0.key.rawValue < $1.key.rawValue }
        guard !issued.isEmpty else { return nil }
        return issued.map { Reference(kind: $0.key, number: $0.value).description }.joined(separator: " ")
    }

    /// The counters `text` holds; nil text holds none.
    static func parse(_ text: String?, log: String) throws -> [ReferenceKind: Int] {
        var values: [ReferenceKind: Int] = [:]
        for word in (text ?? "").split(separator: " ") {
            guard let reference = Reference(String(word)), values[reference.kind] == nil else {
                throw StoreError.database(
                    "the reference counters of \(log) cannot be read (\(text ?? "")); run `parley rebuild`"
                )
            }
            values[reference.kind] = reference.number
        }
        return values
    }
}
