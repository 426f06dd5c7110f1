// The entries of one negotiating text, for its revisions and comparisons: the text at any
// revision is the fold of its entries up to it (ParleyCore NegotiatingText+Revisions.swift), so
// the store keeps no snapshots and hands over the entries instead.
public import ParleyCore
import ParleyRecord
import SQLKit

extension Store {
    /// Every entry of the shared log of `mechanism` about text `text`, in log order; none when
    /// `scope` may not read that log.
    public func textEntries(of text: ItemID, in mechanism: MechanismID, scope: ReadScope) async throws -> [Entry] {
        let log = LogID.shared(mechanism)
        guard scope.includes(log) else { return [] }
        let bodies = try await read { db in
            try await db.raw(
                "SELECT body FROM entries WHERE \(EntryKey.range(of: log.description)) ORDER BY entry_key"
            ).all().map { try $0.bytes("body") }
        }
        // Text entries name the text's id in their data: only those bodies are decoded.
        let needle = Array(("\"id\":\"" + text.rawValue + "\"").utf8)
        return try bodies.filter { $0.contains(needle) }.compactMap { bytes in
            let entry: Entry
            do {
                entry = try CanonicalJSON.decode(Entry.self, from: bytes)
            } catch {
                throw StoreError.database("an entry of \(log) cannot be read: \(error); run `parley verify`")
            }
            return entry.data.textID == text ? entry : nil
        }
    }
}
