// Seeded random runs (the generator of ParleyCoreTests' PropertyTests, copied): valid and invalid
// commands by every kind of account, executed by the store and by MemoryState side by side. The
// store must agree with the reference on every outcome and every row, rebuild its projection
// exactly, verify clean, and never show one party another party's private item.

import Foundation
import ParleyCore
import ParleyRecord
import Testing

@testable import ParleyStore

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

struct Seeded: Sendable, CustomTestStringConvertible {
    let backend: Backend
    let seed: UInt64
    var testDescription: String { "\(backend.rawValue) seed \(seed)" }

    static let all: [Seeded] = Backend.available.flatMap { b in (1...3).map { Seeded(backend: b, seed: $0) } }
}

@Suite struct StorePropertyTests {
    static let steps = 150

    @Test(arguments: Seeded.all)
    func randomCommandsAgreeWithMemoryState(_ run: Seeded) async throws {
        try await withStore(run.backend) { store, _ in
            var rng = SeededGenerator(state: run.seed)
            var w = try await StoreWorld(store)
            let sideC = try await w.addParty("Side C (sample)", "", ["en"], .side)
            let cLead = try await w.account(sideC, "c-lead", .lead)
            let writers = [w.usLead, w.usNegotiator, w.ruLead, w.ruNegotiator, cLead]
            let actors = writers + writers + [w.usObserver, w.saLead, w.saNegotiator, w.admin]
            var accepted = 0
            for step in 1...Self.steps {
                w.now = w.now.addingTimeInterval(Double(Int.random(in: 0...86_400, using: &rng)))
                let actor = actors.randomElement(using: &rng)!
                let command = randomCommand(w, actor: actor, rng: &rng)
                if (try? await w.run(command, as: actor)) != nil { accepted += 1 }
                if step % 25 == 0 { try await w.expectSameAsMemory("after step \(step)") }
            }
            #expect(accepted >= 15, "too few commands were accepted to test anything")
            try await w.expectSameAsMemory("at the end")

            // (i) the rebuilt projection is the live one; (ii) the record verifies.
            let live = try await store.projectionDigest()
            try await store.rebuild()
            #expect(try await store.projectionDigest() == live)
            let report = try await store.verify()
            #expect(report.isClean, "\(report.problems)")

            // The entries' and rows' canonical bytes are those of Foundation's JSONEncoder text,
            // canonicalised: JSONValueEncoder builds the same tree without the text.
            for entry in w.memory.logs.values.joined() {
                #expect(try CanonicalJSON.encode(entry) == CanonicalJSON.canonicalize(JSONEncoder().encode(entry)))
            }
            for row in w.memory.rows.values {
                let value = row.value
                #expect(try CanonicalJSON.encode(value) == CanonicalJSON.canonicalize(JSONEncoder().encode(value)))
            }

            // (iii) no query shows a party another party's private item.
            // Private items (notes, minutes); accounts are private rows too, but not items.
            let privateRows = w.memory.rows.values.filter {
                if case .item = $0.value { $0.owner != nil } else { false }
            }
            #expect(!privateRows.isEmpty)
            for party in [w.us, w.ru, w.sa, sideC] {
                let scope = try await store.readScope(for: Actor(account: nil, party: party, role: .observer))
                func foreign(_ rows: [ProjectionRow]) -> [ProjectionRow] {
                    rows.filter { $0.owner != nil && $0.owner != party }
                }
                for kind in RowKind.allCases {
                    #expect(
                        foreign(try await store.items(kind, in: w.mechanism, scope: scope, limit: 500).rows).isEmpty
                    )
                }
                for word in ["visas", "sample", "staffing", "minutes", "lead"] {
                    #expect(foreign(try await store.search(word, scope: scope, limit: 500)).isEmpty)
                }
                for row in privateRows {
                    let found = try await store.item(ItemID(row.id), scope: scope)
                    #expect(
                        (found != nil) == (row.owner == party),
                        "\(row.kind) \(row.id) of \(String(describing: row.owner))"
                    )
                    if let reference = row.reference {
                        #expect(
                            foreign([try await store.item(reference, in: w.mechanism, scope: scope)].compactMap { $0 })
                                .isEmpty
                        )
                    }
                }
                #expect(
                    try await store.notes(in: w.mechanism, scope: scope, includingDeleted: true).allSatisfy {
                        $0.party == party
                    }
                )
                for meeting in w.memory.rows.values where meeting.kind == .meeting {
                    #expect(
                        try await store.minutes(of: ItemID(meeting.id), scope: scope).map { $0.party == party } ?? true
                    )
                }
            }
        }
    }

    /// A command of a random kind on random (mostly existing, sometimes bogus) targets.
    func randomCommand(_ w: StoreWorld, actor: Actor, rng: inout SeededGenerator) -> Command {
        let m = Bool.random(using: &rng) || Int.random(in: 0..<10, using: &rng) > 0 ? w.mechanism : MechanismID("bogus")
        // Sorted: dictionary order changes from run to run, and a seed must replay the same run.
        func ids(_ kind: RowKind) -> [ItemID] {
            w.memory.rows.values.filter { $0.kind == kind }.map { ItemID($0.id) }.sorted()
        }
        func pick(_ kind: RowKind) -> ItemID {
            let all = ids(kind)
            return all.isEmpty || Int.random(in: 0..<8, using: &rng) == 0
                ? ItemID("bogus") : all.randomElement(using: &rng)!
        }
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
}
