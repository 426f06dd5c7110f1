// Comparing two revisions (or rounds) of a text, or an adopted text with the new text that cites
// it: clause by clause by stable id, so a moved clause is matched wherever it went, and word by
// word within each clause (WordDiff). A clause is compared as it reads: its one live alternative,
// or its live alternatives in brackets.

/// One clause in a comparison.
public struct ClauseComparison: Hashable, Sendable {
    public var clause: ClauseID
    /// Nil when the clause is not in the old text (it was added).
    public var oldNumber: ClauseNumber?
    /// Nil when the clause is not in the new text (withdrawn or agreed deleted).
    public var newNumber: ClauseNumber?
    /// Moved relative to the other clauses both texts have.
    public var moved: Bool
    /// The clause's words as they read, old to new.
    public var pieces: [DiffPiece]

    public var isAdded: Bool { oldNumber == nil }
    public var isRemoved: Bool { newNumber == nil }
    public var isReworded: Bool { pieces.contains { $0.change != .equal } }
    public var isUnchanged: Bool { !isAdded && !isRemoved && !moved && !isReworded }
}

extension Clause {
    /// The clause as it reads: its one live alternative's words, or each live alternative in
    /// brackets (`[delete]` for a deletion, `[move: …]` for a move).
    public func reading(sides: [PartyID]) -> String {
        let live = liveAlternatives
        if live.count == 1, let only = live.first, only.kind == .wording || isClean(sides: sides) {
            return only.kind == .deletion ? "[delete]" : only.wording
        }
        return live.map { a in
            switch a.kind {
            case .wording: return "[\(a.wording)]"
            case .deletion: return "[delete]"
            case .move: return "[move: \(a.wording)]"
            }
        }.joined(separator: " ")
    }
}

public enum TextComparison {
    /// Every clause of either text, in the new text's order; a removed clause follows the clause
    /// that preceded it in the old text.
    public static func compare(_ old: NegotiatingText, _ new: NegotiatingText) -> [ClauseComparison] {
        let oldNumbers = old.numbering()
        let newNumbers = new.numbering()
        let oldOrder = old.clauses.filter { oldNumbers[$0.id] != nil }
        let newOrder = new.clauses.filter { newNumbers[$0.id] != nil }
        let oldByID = Dictionary(oldOrder.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(newOrder.map(\.id))

        // Moved: common clauses outside a longest common subsequence of the two orders.
        let common = Set(oldByID.keys).intersection(newIDs)
        let a = oldOrder.filter { common.contains($0.id) }.map(\.id)
        let b = newOrder.filter { common.contains($0.id) }.map(\.id)
        var index: [ClauseID: Int] = [:]
        for (i, id) in a.enumerated() { index[id] = i }
        var kept = Set<ClauseID>()
        var j = 0
        for step in WordDiff.commonSubsequence(a.map { index[$0]! }, b.map { index[$0]! }) {
            switch step {
            case .keep:
                kept.insert(b[j])
                j += 1
            case .insert: j += 1
            case .delete: break
            }
        }

        // Removed clauses, each after its nearest surviving predecessor in the old order.
        var removedAfter: [ClauseID?: [Clause]] = [:]
        var anchor: ClauseID?
        for clause in oldOrder {
            if newIDs.contains(clause.id) {
                anchor = clause.id
            } else {
                removedAfter[anchor, default: []].append(clause)
            }
        }

        func removed(_ clause: Clause) -> ClauseComparison {
            ClauseComparison(
                clause: clause.id,
                oldNumber: oldNumbers[clause.id],
                newNumber: nil,
                moved: false,
                pieces: WordDiff.compare(old: clause.reading(sides: old.sides), new: "")
            )
        }
        var result = (removedAfter[nil] ?? []).map(removed)
        for clause in newOrder {
            let before = oldByID[clause.id]
            result.append(
                ClauseComparison(
                    clause: clause.id,
                    oldNumber: oldNumbers[clause.id],
                    newNumber: newNumbers[clause.id],
                    moved: before != nil && !kept.contains(clause.id),
                    pieces: WordDiff.compare(
                        old: before?.reading(sides: old.sides) ?? "",
                        new: clause.reading(sides: new.sides)
                    )
                )
            )
            result += (removedAfter[clause.id] ?? []).map(removed)
        }
        return result
    }
}
