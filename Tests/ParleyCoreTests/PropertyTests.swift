// Seeded random runs: valid and invalid commands by every kind of account go through decide and
// the fold, and the record's invariants are checked after every step.

import Foundation
import ParleyCore
import Testing

/// SplitMix64 (Steele, Lea, Flood 2014): small, seedable, the same on every platform.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct PropertyTests {
    @Test(arguments: 1...12)
    func randomCommandsKeepTheRecordsInvariants(seed: UInt64) throws {
        var rng = SeededGenerator(state: seed)
        var w = try World.withTexts()
        let sideC = try w.addParty("Side C (sample)", "", ["en"], .side)
        let cLead = try w.account(sideC, "c-lead", .lead)
        // Weighted towards accounts that may write, so that runs get far into the lifecycles.
        let writers = [w.usLead, w.usNegotiator, w.ruLead, w.ruNegotiator, cLead]
        let actors = writers + writers + [w.usObserver, w.saLead, w.saNegotiator, w.admin]
        var accepted = 0
        var kinds = Set<EntryKind>()

        for _ in 0..<400 {
            w.now = w.now.addingTimeInterval(Double(Int.random(in: 0...86_400, using: &rng)))
            let actor = actors.randomElement(using: &rng)!
            let command = randomCommand(&w, actor: actor, rng: &rng)
            let before = (w.state.logs, w.state.rows)

            // Deciding is a pure function of its inputs.
            let again = IDs()
            let first = try? decide(command, by: actor, now: w.now, newID: IDs().make, state: w.state)
            let second = try? decide(command, by: actor, now: w.now, newID: again.make, state: w.state)
            #expect(first == second)

            do {
                let entries = try w.run(command, as: actor)
                accepted += 1
                kinds.formUnion(entries.map(\.kind))
                #expect(!entries.isEmpty)
                for entry in entries {
                    #expect(entry.kind.isPrivate == entry.log.isPrivate, "\(entry.kind.rawValue) in \(entry.log)")
                    if entry.log.isPrivate && !actor.isOperator { #expect(entry.log.owner == actor.party) }
                    #expect(entry.actor == actor)
                }
            } catch {
                #expect(w.state.logs == before.0, "refused \(command.name) changed the logs: \(error)")
                #expect(w.state.rows == before.1, "refused \(command.name) changed the projection")
            }
            try checkInvariants(w, parties: [w.us, w.ru, w.sa, sideC])
        }
        #expect(accepted >= 40, "too few commands were accepted to test anything")
        #expect(kinds.count >= 10, "the run reached too few kinds of entry: \(kinds.map(\.rawValue).sorted())")
        #expect(kinds.count(where: { $0.rawValue.hasPrefix("text.") }) >= 5, "the run reached too few text entries")

        // The whole record survives JSON and rebuilds the same projection.
        let shared = w.state.logs.filter { !$0.key.isPrivate }.values.flatMap { $0 }
        let privates = w.state.logs.filter { $0.key.isPrivate }.sorted { $0.key < $1.key }.flatMap(\.value)
        let decoded = try (shared + privates).map {
            try JSONDecoder().decode(Entry.self, from: JSONEncoder().encode($0))
        }
        #expect(try MemoryState(replaying: decoded).rows == w.state.rows)

        // Every text replays from its entries alone to what the projection holds.
        let sharedLog = w.state.logs[.shared(w.mechanism)] ?? []
        for row in w.state.rows.values {
            guard case .item(.text(let text)) = row.value else { continue }
            #expect(try NegotiatingText.replay(sharedLog, text: text.id) == text)
        }
    }

    func checkInvariants(_ w: World, parties: [PartyID]) throws {
        // No private entry in a shared log.
        for (log, entries) in w.state.logs where !log.isPrivate {
            #expect(!entries.contains { $0.kind.isPrivate })
        }
        // References are gapless in each sequence and end at the counter.
        var numbers: [LogID: [ReferenceKind: [Int]]] = [:]
        for row in w.state.rows.values {
            if let r = row.reference { numbers[row.log, default: [:]][r.kind, default: []].append(r.number) }
        }
        for (log, byKind) in numbers {
            for (kind, list) in byKind {
                #expect(list.sorted() == Array(1...list.count), "\(kind) in \(log): \(list.sorted())")
                #expect(w.state.lastNumber(of: kind, in: log) == list.count)
            }
        }
        // A party's read scope never includes another party's private row, and includes all its own.
        for party in parties {
            let actor = Actor(account: nil, party: party, role: .observer)
            let scope = Policy.readScope(for: actor, party: w.state.party(party))
            let readable = w.state.rows(readableIn: scope)
            #expect(!readable.contains { $0.owner != nil && $0.owner != party })
            #expect(readable.count == w.state.rows.values.filter { $0.owner == nil || $0.owner == party }.count)
        }
        // Agreement state belongs to sides only, and resolution/fulfilment needs every side required.
        let mechanism = try #require(w.state.mechanism(w.mechanism))
        for row in w.state.rows.values {
            switch row.value {
            case .item(.irritant(let i)):
                #expect(Set(i.confirmations).isSubset(of: Set(mechanism.sides)))
                if i.status == .resolved { #expect(Set(mechanism.sides).isSubset(of: Set(i.confirmations))) }
            case .item(.commitment(let c)):
                #expect(Set(c.confirmations).isSubset(of: Set(mechanism.sides)))
                if c.status == .fulfilled {
                    #expect(Set(c.owner.confirmingSides(among: mechanism.sides)).isSubset(of: Set(c.confirmations)))
                }
            case .item(.text(let t)):
                // Agreement state belongs to the text's sides only; facilitators hold none.
                #expect(Set(t.sides).isSubset(of: Set(mechanism.sides)))
                for clause in t.clauses {
                    #expect(clause.statuses.allSatisfy { t.sides.contains($0.party) })
                    // A clause clean on a move has moved.
                    if clause.isClean(sides: t.sides), let agreed = clause.alternativeAgreed(bySides: t.sides) {
                        #expect(agreed.kind != .move || agreed.moved)
                    }
                    #expect(clause.alternatives.allSatisfy { Set($0.proposedBy).isSubset(of: Set(t.sides)) })
                }
                #expect(t.signatures.allSatisfy { t.sides.contains($0.party) && $0.canonicalHash == t.adoptedHash })
                if t.status == .signed { #expect(Set(t.signatures.map(\.party)) == Set(t.sides)) }
                if t.status == .adopted || t.status == .signed {
                    // Adopted only when nothing blocked it, over the hash of exactly this text.
                    let canonical = try #require(t.canonicalForm())
                    #expect(t.adoptedHash == testHasher(canonical))
                    #expect(t.adoptedRevision == t.revision)
                }
                let numbers = t.numbering()
                #expect(Set(numbers.keys) == Set(t.clauses.filter { $0.isInText(sides: t.sides) }.map(\.id)))
            default:
                break
            }
        }
    }

    /// A command of a random kind on random (mostly existing, sometimes bogus) targets.
    func randomCommand(_ w: inout World, actor: Actor, rng: inout SeededGenerator) -> Command {
        let m = Bool.random(using: &rng) || Int.random(in: 0..<10, using: &rng) > 0 ? w.mechanism : MechanismID("bogus")
        // Sorted: dictionary order changes from run to run, and a seed must replay the same run.
        func ids(_ kind: RowKind) -> [ItemID] {
            w.state.rows.values.filter { $0.kind == kind }.map { ItemID($0.id) }.sorted()
        }
        func pick(_ kind: RowKind) -> ItemID {
            let all = ids(kind)
            return all.isEmpty || Int.random(in: 0..<8, using: &rng) == 0
                ? ItemID("bogus") : all.randomElement(using: &rng)!
        }
        // Mostly valid, sometimes blank or too long for a title.
        func text() -> String {
            Int.random(in: 0..<8, using: &rng) == 0
                ? ["", "  ", String(repeating: "x", count: 201)].randomElement(using: &rng)!
                : ["Visas", "Sample text", "Staffing of missions"].randomElement(using: &rng)!
        }
        func reference() -> Reference {
            Reference(
                kind: [.irritant, .meeting, .contact, .commitment, .text].randomElement(using: &rng)!,
                number: Int.random(in: 1...4, using: &rng)
            )
        }
        let parties = [w.us, w.ru, w.sa, PartyID("bogus")]
        let members = [w.rubio, w.lavrov, w.saHost, MemberID("bogus")]
        let reason: String? = Bool.random(using: &rng) ? nil : text()
        let start = Timestamp(w.now.addingTimeInterval(Double(Int.random(in: -200_000...200_000, using: &rng))))
        let due = CalendarDay("2025-0\(Int.random(in: 2...4, using: &rng))-1\(Int.random(in: 0...9, using: &rng))")

        if Int.random(in: 0..<3, using: &rng) == 0 { return randomTextCommand(&w, m: m, rng: &rng) }
        switch Int.random(in: 0..<24, using: &rng) {
        case 0, 1: return .raiseIrritant(.init(mechanism: m, title: text(), description: text()))
        case 2: return .acknowledgeIrritant(.init(mechanism: m, irritant: pick(.irritant)))
        case 3: return .startDiscussion(.init(mechanism: m, irritant: pick(.irritant)))
        case 4, 5: return .confirmResolution(.init(mechanism: m, irritant: pick(.irritant)))
        case 6: return .withdrawConfirmation(.init(mechanism: m, irritant: pick(.irritant)))
        case 7: return .parkIrritant(.init(mechanism: m, irritant: pick(.irritant), reason: reason))
        case 8: return .reopenIrritant(.init(mechanism: m, irritant: pick(.irritant), reason: reason))
        case 9: return .withdrawIrritant(.init(mechanism: m, irritant: pick(.irritant), reason: reason))
        case 10:
            return .addStep(
                .init(
                    mechanism: m,
                    irritant: pick(.irritant),
                    owner: parties.randomElement(using: &rng)!,
                    description: text(),
                    due: due
                )
            )
        case 11:
            return .updateStep(
                .init(
                    mechanism: m,
                    step: pick(.step),
                    description: text(),
                    status: StepStatus.allCases.randomElement(using: &rng)!
                )
            )
        case 12:
            return .scheduleMeeting(
                .init(
                    mechanism: m,
                    kind: .workingMeeting,
                    title: text(),
                    start: start,
                    timeZone: ["Asia/Riyadh", "Mars/Olympus"].randomElement(using: &rng)!,
                    durationMinutes: Int.random(in: -10...300, using: &rng),
                    city: text(),
                    country: ["SAU", "TUR", "XXX"].randomElement(using: &rng)!,
                    host: parties.randomElement(using: &rng)!,
                    participants: [members.randomElement(using: &rng)!],
                    agenda: Bool.random(using: &rng) ? [] : [reference()]
                )
            )
        case 13: return .cancelMeeting(.init(mechanism: m, meeting: pick(.meeting), reason: reason))
        case 14: return .recordJointSummary(.init(mechanism: m, meeting: pick(.meeting), summary: text()))
        case 15: return .recordMinutes(.init(mechanism: m, meeting: pick(.meeting), body: text()))
        case 16:
            return .recordContact(
                .init(
                    mechanism: m,
                    kind: .call,
                    participants: [members.randomElement(using: &rng)!],
                    initiatedBy: parties.randomElement(using: &rng)!,
                    at: start,
                    durationMinutes: 30,
                    summary: text()
                )
            )
        case 17:
            let owner: CommitmentOwner =
                Bool.random(using: &rng) ? .allSides : .party(parties.randomElement(using: &rng)!)
            return .recordCommitment(
                .init(
                    mechanism: m,
                    text: text(),
                    owner: owner,
                    source: Bool.random(using: &rng) ? nil : reference(),
                    due: due
                )
            )
        case 18, 19: return .confirmFulfilment(.init(mechanism: m, commitment: pick(.commitment)))
        case 20: return .markLapsed(.init(mechanism: m, commitment: pick(.commitment), reason: reason))
        case 21: return .publishReadout(.init(mechanism: m, event: reference(), body: text()))
        case 22:
            return .writeNote(
                .init(mechanism: m, attachedTo: Bool.random(using: &rng) ? nil : reference(), body: text())
            )
        default:
            return Bool.random(using: &rng)
                ? .editNote(.init(mechanism: m, note: pick(.note), body: text()))
                : .deleteNote(.init(mechanism: m, note: pick(.note)))
        }
    }

    /// A command on negotiating texts, mostly on existing texts, clauses and alternatives.
    func randomTextCommand(
        _ w: inout World,
        m: MechanismID,
        rng: inout SeededGenerator
    ) -> Command {
        func words() -> String {
            Int.random(in: 0..<8, using: &rng) == 0
                ? ["", " ", String(repeating: "x", count: 10_001)].randomElement(using: &rng)!
                : ["The sides will meet.", "Visas", "Стороны встретятся.", "cafe\u{301}"].randomElement(using: &rng)!
        }
        let texts = w.state.rows.values.compactMap { row -> NegotiatingText? in
            if case .item(.text(let t)) = row.value { return t }
            return nil
        }.sorted { $0.id < $1.id }
        guard let t = texts.randomElement(using: &rng), Int.random(in: 0..<12, using: &rng) > 0 else {
            let cites: Reference? =
                Bool.random(using: &rng) ? nil : Reference(kind: .text, number: Int.random(in: 1...3, using: &rng))
            return .createText(
                .init(
                    mechanism: m,
                    title: words(),
                    kind: TextKind.allCases.randomElement(using: &rng)!,
                    workingLanguage: ["en", "en", "ru", "x!"].randomElement(using: &rng)!,
                    otherLanguages: [["ru"], ["ru", "ar"], []].randomElement(using: &rng)!,
                    cites: cites
                )
            )
        }
        // Mostly an open clause's live alternative, so that runs get as far as adoption.
        let open = t.clauses.filter { $0.isInText(sides: t.sides) && !$0.isClean(sides: t.sides) }
        let clause = (Int.random(in: 0..<4, using: &rng) > 0 ? open : t.clauses).randomElement(using: &rng)
        let c = clause?.id ?? ClauseID("bogus")
        let alternative =
            (Int.random(in: 0..<4, using: &rng) > 0 ? clause?.liveAlternatives : clause?.alternatives)?
            .randomElement(using: &rng)
        let a = alternative?.id ?? AlternativeID("bogus")
        let after = Bool.random(using: &rng) ? nil : t.clauses.randomElement(using: &rng)?.id
        // Mostly the alternative's current words, so that statuses get set.
        let seen = Int.random(in: 0..<6, using: &rng) == 0 ? words() : alternative?.wording ?? words()
        switch Int.random(in: 0..<16, using: &rng) {
        case 0:
            return .proposeClause(
                .init(
                    mechanism: m,
                    text: t.id,
                    section: ClauseSection.allCases.randomElement(using: &rng)!,
                    after: after,
                    wording: words()
                )
            )
        case 2: return .proposeAmendment(.init(mechanism: m, text: t.id, clause: c, wording: words()))
        case 3: return .proposeMove(.init(mechanism: m, text: t.id, clause: c, alternative: a, after: after))
        case 4: return .proposeDeletion(.init(mechanism: m, text: t.id, clause: c))
        case 5: return .reviseAlternative(.init(mechanism: m, text: t.id, clause: c, alternative: a, wording: words()))
        case 6: return .withdrawAlternative(.init(mechanism: m, text: t.id, clause: c, alternative: a))
        case 7: return .supportAlternative(.init(mechanism: m, text: t.id, clause: c, alternative: a))
        case 8:
            let merging = (clause?.alternatives ?? []).filter { _ in Bool.random(using: &rng) }.map(\.id)
            return .proposeCompromise(.init(mechanism: m, text: t.id, clause: c, merging: merging, wording: words()))
        case 1, 9, 10, 11:
            let status: ClauseStatus =
                Int.random(in: 0..<4, using: &rng) > 0 ? .agreed : ClauseStatus.allCases.randomElement(using: &rng)!
            return .setClauseStatus(
                .init(mechanism: m, text: t.id, clause: c, alternative: a, status: status, wording: seen)
            )
        case 12:
            return .setLanguageVersion(
                .init(
                    mechanism: m,
                    text: t.id,
                    clause: c,
                    alternative: a,
                    language: ["ru", "ar", "en"].randomElement(using: &rng)!,
                    wording: words(),
                    authentic: Int.random(in: 0..<4, using: &rng) == 0
                )
            )
        case 13:
            return Bool.random(using: &rng)
                ? .commentOnClause(.init(mechanism: m, text: t.id, clause: c, body: words()))
                : .openRound(.init(mechanism: m, text: t.id))
        case 14:
            return Int.random(in: 0..<20, using: &rng) == 0
                ? .withdrawText(.init(mechanism: m, text: t.id))
                : .adoptText(.init(mechanism: m, text: t.id, revision: t.revision))
        default:
            let hash = Bool.random(using: &rng) ? t.adoptedHash ?? "" : String(repeating: "0", count: 64)
            return .signText(.init(mechanism: m, text: t.id, canonicalHash: hash))
        }
    }
}
