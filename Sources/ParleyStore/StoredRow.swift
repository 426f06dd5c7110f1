// One projection row as the `items` table holds it: the columns queries filter on, and the
// projected value itself as canonical JSON (RFC 8785) in `body`. Reading a row back rebuilds the
// very ProjectionRow that was written, so the store and MemoryState can be compared exactly.
import Foundation
import ParleyCore
import ParleyRecord
import SQLKit

struct StoredRow: Sendable, Equatable {
    let kind: String
    let id: String
    let mechanismID: String
    let ownerParty: String?
    let reference: String?
    let about: String?
    let status: String?
    let title: String
    let searchText: String
    let updatedAt: String
    let body: String

    /// Every column but `seq` (and PostgreSQL's generated `search`), in table order.
    static let columns = [
        "kind", "id", "mechanism_id", "owner_party", "reference", "about", "status", "title", "search_text",
        "updated_at", "body",
    ]

    init(_ row: ProjectionRow) throws {
        kind = row.kind.rawValue
        id = row.id
        mechanismID = row.mechanism.rawValue
        ownerParty = row.owner?.rawValue
        reference = row.reference?.description
        about = Self.about(row.value)
        status = row.status
        title = row.title
        searchText = row.searchText
        updatedAt = row.updatedAt.description
        body = String(decoding: try CanonicalJSON.encode(row.value), as: UTF8.self)
    }

    init(sql row: any SQLRow) throws {
        kind = try row.decode(column: "kind", as: String.self)
        id = try row.decode(column: "id", as: String.self)
        mechanismID = try row.decode(column: "mechanism_id", as: String.self)
        ownerParty = try row.decodeNil(column: "owner_party") ? nil : row.decode(column: "owner_party", as: String.self)
        reference = try row.decodeNil(column: "reference") ? nil : row.decode(column: "reference", as: String.self)
        about = try row.decodeNil(column: "about") ? nil : row.decode(column: "about", as: String.self)
        status = try row.decodeNil(column: "status") ? nil : row.decode(column: "status", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        searchText = try row.decode(column: "search_text", as: String.self)
        updatedAt = try row.decode(column: "updated_at", as: String.self)
        body = try row.decode(column: "body", as: String.self)
    }

    /// The column values in `columns` order.
    var bulkValues: [BulkValue] {
        [
            .text(kind), .text(id), .text(mechanismID), BulkValue(ownerParty), BulkValue(reference), BulkValue(about),
            BulkValue(status), .text(title), .text(searchText), .text(updatedAt), .text(body),
        ]
    }

    /// The ProjectionRow this row holds.
    func projectionRow() throws -> ProjectionRow {
        let value: ProjectedValue
        do {
            value = try DecodedBodies.value(of: body)
        } catch {
            throw StoreError.database("the stored \(kind) row \(id) cannot be read: \(error)")
        }
        guard let at = Timestamp(updatedAt) else {
            throw StoreError.database("the stored \(kind) row \(id) has no valid time: \(updatedAt)")
        }
        return ProjectionRow(value: value, mechanism: MechanismID(mechanismID), updatedAt: at)
    }

    /// What the row hangs off, for the queries that list things by it (see the migration).
    static func about(_ value: ProjectedValue) -> String? {
        switch value {
        case .item(.step(let s)): return s.irritant.rawValue
        case .item(.minutes(let m)): return m.meeting.rawValue
        case .item(.readout(let r)): return r.event.description
        case .item(.note(let n)): return n.attachedTo?.description
        default: return nil
        }
    }
}
