// Helpers for the negotiating-text tests: a text between the United States and Russia, worded in
// English with a Russian version, built through decide like everything else.

import Foundation
import ParleyCore

/// A stand-in for SHA-256 over RFC 8785 JSON (ParleyCore has no hash function): four FNV-1a
/// passes over the sorted-keys JSON of the canonical form, as 64 hex digits. Enough to tell two
/// canonical forms apart in tests; the store uses the real thing.
let testHasher: @Sendable (CanonicalText) -> String = { text in
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let bytes = Array((try? encoder.encode(text)) ?? Data())
    return (0..<4).map { seed -> String in
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(seed)
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
}

extension World {
    /// The whole record in the order a rebuild reads it: the shared log, then each private log.
    var record: [Entry] {
        let shared = state.logs.filter { !$0.key.isPrivate }.values.flatMap { $0 }
        return shared + state.logs.filter { $0.key.isPrivate }.sorted { $0.key < $1.key }.flatMap(\.value)
    }

    /// A new world whose state can hash texts, so that texts can be adopted.
    static func withTexts() throws -> World {
        var w = try World()
        w.state.textHasher = testHasher
        return w
    }

    mutating func createText(
        _ title: String = "Joint statement on the operation of diplomatic missions",
        other: [String] = ["ru"],
        cites: Reference? = nil,
        as actor: Actor? = nil
    ) throws -> ItemID {
        let e = try run(
            .createText(
                .init(
                    mechanism: mechanism,
                    title: title,
                    kind: .jointStatement,
                    track: diplomaticMissions,
                    workingLanguage: "en",
                    otherLanguages: other,
                    cites: cites
                )
            ),
            as: actor ?? usNegotiator
        )
        return e[0].itemID
    }

    func text(_ id: ItemID) -> NegotiatingText {
        guard case .text(let v)? = state.item(id) else { fatalError("no text \(id)") }
        return v
    }

    func clause(_ text: ItemID, _ clause: ClauseID) -> Clause {
        guard let c = self.text(text).clause(clause) else { fatalError("no clause \(clause)") }
        return c
    }

    @discardableResult
    mutating func propose(
        _ text: ItemID,
        _ wording: String,
        section: ClauseSection = .operative,
        after: ClauseID? = nil,
        as actor: Actor? = nil
    ) throws -> ClauseID {
        let e = try run(
            .proposeClause(
                .init(mechanism: mechanism, text: text, section: section, after: after, wording: wording)
            ),
            as: actor ?? usNegotiator
        )
        guard case .textClauseProposed(let p) = e[0].data else { fatalError("no clause proposed") }
        return p.clause
    }

    /// The clause's first alternative (the words it was proposed in).
    func first(_ text: ItemID, _ clause: ClauseID) -> Alternative {
        self.clause(text, clause).alternatives[0]
    }

    @discardableResult
    mutating func amend(_ text: ItemID, _ clause: ClauseID, _ wording: String, as actor: Actor) throws
        -> AlternativeID
    {
        let e = try run(
            .proposeAmendment(.init(mechanism: mechanism, text: text, clause: clause, wording: wording)),
            as: actor
        )
        guard case .textAlternativeProposed(let p) = e[0].data else { fatalError("no alternative") }
        return p.alternative
    }

    /// Sets `actor`'s side's status on `alternative`, sending the words as they now stand.
    @discardableResult
    mutating func set(
        _ status: ClauseStatus,
        _ text: ItemID,
        _ clause: ClauseID,
        _ alternative: AlternativeID,
        as actor: Actor
    ) throws -> [Entry] {
        let words = self.clause(text, clause).alternative(alternative)?.wording ?? ""
        return try run(
            .setClauseStatus(
                .init(
                    mechanism: mechanism,
                    text: text,
                    clause: clause,
                    alternative: alternative,
                    status: status,
                    wording: words
                )
            ),
            as: actor
        )
    }

    /// Both sides agree to the clause's only live alternative.
    mutating func agreeByBoth(_ text: ItemID, _ clause: ClauseID) throws {
        let only = self.clause(text, clause).liveAlternatives[0].id
        try set(.agreed, text, clause, only, as: usNegotiator)
        try set(.agreed, text, clause, only, as: ruNegotiator)
    }

    mutating func version(
        _ text: ItemID,
        _ clause: ClauseID,
        _ alternative: AlternativeID,
        _ wording: String,
        language: String = "ru",
        authentic: Bool = true,
        as actor: Actor? = nil
    ) throws {
        try run(
            .setLanguageVersion(
                .init(
                    mechanism: mechanism,
                    text: text,
                    clause: clause,
                    alternative: alternative,
                    language: language,
                    wording: wording,
                    authentic: authentic
                )
            ),
            as: actor ?? ruNegotiator
        )
    }

    @discardableResult
    mutating func adopt(_ text: ItemID, as actor: Actor? = nil) throws -> [Entry] {
        try run(
            .adoptText(.init(mechanism: mechanism, text: text, revision: self.text(text).revision)),
            as: actor ?? usLead
        )
    }

    @discardableResult
    mutating func sign(_ text: ItemID, hash: String? = nil, as actor: Actor) throws -> [Entry] {
        let h = hash ?? self.text(text).adoptedHash ?? ""
        return try run(.signText(.init(mechanism: mechanism, text: text, canonicalHash: h)), as: actor)
    }

    /// A text with one clause (PP1) and two operative clauses, all agreed by both sides, with
    /// authentic Russian versions: ready to adopt.
    mutating func agreedText() throws -> (ItemID, [ClauseID]) {
        let t = try createText()
        let pp = try propose(t, "Recalling the talks held in Riyadh on 18 February 2025,", section: .preamble)
        let op1 = try propose(t, "The sides will restore the functioning of their respective missions.")
        let op2 = try propose(t, "The sides will appoint high-level teams.", after: op1)
        for (clause, ru) in [
            (pp, "Ссылаясь на переговоры в Эр-Рияде,"), (op1, "Стороны восстановят работу миссий."),
            (op2, "Стороны назначат группы высокого уровня."),
        ] {
            try version(t, clause, first(t, clause).id, ru)
            try agreeByBoth(t, clause)
        }
        return (t, [pp, op1, op2])
    }
}
