// The operator's administrative reads (DESIGN.md "Who uses it": the operator manages mechanisms,
// parties and accounts, and reads no content). Counts only: who the accounts are stays in each
// party's private log, and no item of any log is read here.
public import ParleyCore
import SQLKit

extension Store {
    /// How many active accounts each party of `mechanism` has; parties with none are absent.
    public func activeAccountCounts(in mechanism: MechanismID) async throws -> [PartyID: Int] {
        let rows = try await read { db in
            try await Self.rows(db, "kind = 'account' AND mechanism_id = \(bind: mechanism.rawValue)")
        }
        var counts: [PartyID: Int] = [:]
        for row in rows {
            if case .account(let account) = row.value, account.active, let party = account.party {
                counts[party, default: 0] += 1
            }
        }
        return counts
    }
}
