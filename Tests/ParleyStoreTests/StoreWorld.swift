// A Riyadh-shaped mechanism (as in ParleyCoreTests' World) built through the store, with
// MemoryState — the reference implementation — fed the very same commands, ids and times, so the
// store's rows can be compared with the reference exactly.

import Foundation
import ParleyCore
import Testing

@testable import ParleyStore

/// Ids for one command: `c<step>-<n>`, so the store's re-runs of decide and MemoryState's single
/// run hand out the same ids.
final class CommandIDs: @unchecked Sendable {
    private let prefix: String
    private var next = 0
    private let lock = NSLock()
    init(_ prefix: String) { self.prefix = prefix }
    func make() -> String {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return "\(prefix)-\(next)"
    }
}

func at(_ text: String) -> Date { Timestamp(text)!.date }

struct StoreWorld {
    let store: Store
    var memory = MemoryState()
    var now = at("2025-02-18T12:00:00Z")
    var step = 0

    let admin = Actor.operator(AccountID("operator"))
    var mechanism = MechanismID("")
    var us = PartyID(""), ru = PartyID(""), sa = PartyID("")
    var usLead = Actor.operator(AccountID("")), usNegotiator = Actor.operator(AccountID(""))
    var usObserver = Actor.operator(AccountID(""))
    var ruLead = Actor.operator(AccountID("")), ruNegotiator = Actor.operator(AccountID(""))
    var saLead = Actor.operator(AccountID("")), saNegotiator = Actor.operator(AccountID(""))
    var rubio = MemberID(""), lavrov = MemberID(""), saHost = MemberID("")
    var track = TrackID("")

    init(_ store: Store) async throws {
        self.store = store
        let created = try await run(
            .createMechanism(.init(title: "US–Russia consultations", contactCadenceDays: 14)),
            as: admin
        )
        guard case .mechanismCreated(let m) = created[0].data else { fatalError("no mechanism") }
        mechanism = m.id
        us = try await addParty("United States", "USA", ["en"], .side)
        ru = try await addParty("Russian Federation", "RUS", ["ru"], .side)
        sa = try await addParty("Saudi Arabia", "SAU", ["ar"], .facilitator)
        usLead = try await account(us, "us-lead", .lead)
        usNegotiator = try await account(us, "us-negotiator", .negotiator)
        usObserver = try await account(us, "us-observer", .observer)
        ruLead = try await account(ru, "ru-lead", .lead)
        ruNegotiator = try await account(ru, "ru-negotiator", .negotiator)
        saLead = try await account(sa, "sa-lead", .lead)
        saNegotiator = try await account(sa, "sa-negotiator", .negotiator)
        let t = try await run(
            .addTrack(.init(mechanism: mechanism, title: "Operation of diplomatic missions")),
            as: admin
        )
        guard case .trackAdded(let added) = t[0].data else { fatalError("no track") }
        track = added.id
        rubio = try await addMember("Marco Rubio", "Secretary of State", .head, as: usLead)
        lavrov = try await addMember("Sergei Lavrov", "Minister of Foreign Affairs", .head, as: ruLead)
        saHost = try await addMember("Host delegation (sample)", "Host", .head, as: saLead)
    }

    /// Runs `command` on the store and on MemoryState; both must agree on the outcome and entries.
    @discardableResult
    mutating func run(_ command: Command, as actor: Actor) async throws -> [Entry] {
        step += 1
        let prefix = "c\(step)"
        var expected: Result<[Entry], Refusal>
        do {
            expected = .success(try memory.execute(command, by: actor, now: now, newID: CommandIDs(prefix).make))
        } catch {
            expected = .failure(error)
        }
        let ids = CommandIDs(prefix)
        do {
            let result = try await store.execute(command, by: actor, now: now, newID: { ids.make() })
            guard case .success(let entries) = expected else {
                Issue.record("the store accepted \(command.name), which MemoryState refused: \(expected)")
                return result.entries
            }
            #expect(result.entries == entries, "\(command.name): the store appended other entries than MemoryState")
            #expect(Set(result.checkpoints.keys) == Set(entries.map(\.log)))
            return result.entries
        } catch let refusal as Refusal {
            guard case .failure(let reference) = expected else {
                Issue.record("the store refused \(command.name) (\(refusal)), which MemoryState accepted")
                throw refusal
            }
            #expect(refusal == reference)
            throw refusal
        }
    }

    mutating func addParty(_ name: String, _ country: String, _ languages: [String], _ kind: PartyKind) async throws
        -> PartyID
    {
        let e = try await run(
            .addParty(.init(mechanism: mechanism, name: name, country: country, languages: languages, kind: kind)),
            as: admin
        )
        guard case .partyAdded(let p) = e[0].data else { fatalError("no party") }
        return p.id
    }

    mutating func account(_ party: PartyID, _ username: String, _ role: Role) async throws -> Actor {
        let e = try await run(
            .createAccount(.init(mechanism: mechanism, party: party, username: username, role: role)),
            as: admin
        )
        guard case .accountCreated(let a) = e[0].data else { fatalError("no account") }
        return Actor(account: a.id, party: party, role: role)
    }

    mutating func addMember(_ name: String, _ title: String, _ role: DelegationRole, as lead: Actor) async throws
        -> MemberID
    {
        let e = try await run(.addMember(.init(mechanism: mechanism, name: name, title: title, role: role)), as: lead)
        guard case .memberAdded(let m) = e[0].data else { fatalError("no member") }
        return m.id
    }

    @discardableResult
    mutating func raise(_ title: String = "Staffing of diplomatic missions", as actor: Actor) async throws -> ItemID {
        let e = try await run(
            .raiseIrritant(.init(mechanism: mechanism, title: title, description: "Visas and staff numbers.")),
            as: actor
        )
        return e[0].itemID
    }

    mutating func scheduleRiyadh(as actor: Actor? = nil) async throws -> ItemID {
        let e = try await run(
            .scheduleMeeting(
                .init(
                    mechanism: mechanism,
                    kind: .roundOfConsultations,
                    title: "Riyadh talks",
                    start: Timestamp("2025-02-18T09:00:00Z")!,
                    timeZone: "Asia/Riyadh",
                    durationMinutes: 270,
                    city: "Riyadh",
                    country: "SAU",
                    host: sa,
                    participants: [rubio, lavrov]
                )
            ),
            as: actor ?? saNegotiator
        )
        return e[0].itemID
    }

    func scope(_ actor: Actor) async throws -> ReadScope { try await store.readScope(for: actor) }

    /// The store's rows and counters equal MemoryState's exactly.
    func expectSameAsMemory(_ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let rows = try await store.projectionRows()
        let stored = Dictionary(uniqueKeysWithValues: rows.map { (MemoryState.RowKey($0.kind, $0.id), $0) })
        #expect(stored == memory.rows, comment, sourceLocation: sourceLocation)
        for (log, kinds) in try await store.referenceCounters() {
            for (kind, last) in kinds {
                #expect(
                    memory.lastNumber(of: kind, in: log) == last,
                    "counter \(kind) of \(log)",
                    sourceLocation: sourceLocation
                )
            }
        }
        for (log, entries) in memory.logs {
            #expect(
                try await store.logSize(log.description) == Int64(entries.count),
                "size of \(log)",
                sourceLocation: sourceLocation
            )
        }
    }
}

extension Entry {
    /// The id of the item this entry created or changed.
    var itemID: ItemID {
        switch data {
        case .irritantRaised(let p): return p.id
        case .stepAdded(let p): return p.id
        case .meetingScheduled(let p): return p.id
        case .contactRecorded(let p): return p.id
        case .commitmentRecorded(let p): return p.id
        case .readoutPublished(let p): return p.id
        case .noteWritten(let p): return p.id
        case .meetingMinutesRecorded(let p): return p.id
        default: fatalError("\(kind) creates no item")
        }
    }
}
