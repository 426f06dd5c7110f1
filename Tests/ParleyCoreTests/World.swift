// A small mechanism for the rule tests, built from the facts of the Riyadh report
// (shared/corpus/riyadh-2025-02-18.txt): the United States and Russia as sides, Saudi Arabia as
// facilitator, one account per role. Built through decide like everything else.

import Foundation
import ParleyCore

/// Deterministic ids: `id-1`, `id-2`, … so failures are readable and runs repeatable.
final class IDs: @unchecked Sendable {
    private var next = 0
    func make() -> String {
        next += 1
        return "id-\(next)"
    }
}

func at(_ text: String) -> Date { Timestamp(text)!.date }

struct World {
    var state = MemoryState()
    let ids = IDs()
    var now = at("2025-02-18T12:00:00Z")

    let admin = Actor.operator(AccountID("operator"))
    var mechanism = MechanismID("")
    var us = PartyID(""), ru = PartyID(""), sa = PartyID("")
    var usLead = Actor.operator(AccountID("")), usNegotiator = Actor.operator(AccountID(""))
    var usObserver = Actor.operator(AccountID(""))
    var ruLead = Actor.operator(AccountID("")), ruNegotiator = Actor.operator(AccountID(""))
    var saLead = Actor.operator(AccountID("")), saNegotiator = Actor.operator(AccountID(""))
    var rubio = MemberID(""), lavrov = MemberID(""), saHost = MemberID("")
    var diplomaticMissions = TrackID("")

    init() throws {
        let created = try run(
            .createMechanism(.init(title: "US–Russia consultations", contactCadenceDays: 14)),
            as: admin
        )
        guard case .mechanismCreated(let m) = created[0].data else { fatalError("no mechanism") }
        mechanism = m.id
        us = try addParty("United States", "USA", ["en"], .side)
        ru = try addParty("Russian Federation", "RUS", ["ru"], .side)
        sa = try addParty("Saudi Arabia", "SAU", ["ar"], .facilitator)
        usLead = try account(us, "us-lead", .lead)
        usNegotiator = try account(us, "us-negotiator", .negotiator)
        usObserver = try account(us, "us-observer", .observer)
        ruLead = try account(ru, "ru-lead", .lead)
        ruNegotiator = try account(ru, "ru-negotiator", .negotiator)
        saLead = try account(sa, "sa-lead", .lead)
        saNegotiator = try account(sa, "sa-negotiator", .negotiator)
        let track = try run(
            .addTrack(.init(mechanism: mechanism, title: "Operation of diplomatic missions")),
            as: admin
        )
        guard case .trackAdded(let t) = track[0].data else { fatalError("no track") }
        diplomaticMissions = t.id
        rubio = try addMember("Marco Rubio", "Secretary of State", .head, as: usLead)
        lavrov = try addMember("Sergei Lavrov", "Minister of Foreign Affairs", .head, as: ruLead)
        saHost = try addMember("Host delegation (sample)", "Host", .head, as: saLead)
    }

    @discardableResult
    mutating func run(_ command: Command, as actor: Actor) throws(Refusal) -> [Entry] {
        try state.execute(command, by: actor, now: now, newID: ids.make)
    }

    /// Runs a command that must be refused, and checks that it changed nothing.
    mutating func refusal(_ command: Command, as actor: Actor) -> Refusal? {
        let before = state.logs
        do {
            try run(command, as: actor)
            return nil
        } catch {
            if state.logs != before { return .conflict("a refused command changed the logs") }
            return error
        }
    }

    mutating func addParty(_ name: String, _ country: String, _ languages: [String], _ kind: PartyKind) throws
        -> PartyID
    {
        let e = try run(
            .addParty(.init(mechanism: mechanism, name: name, country: country, languages: languages, kind: kind)),
            as: admin
        )
        guard case .partyAdded(let p) = e[0].data else { fatalError("no party") }
        return p.id
    }

    mutating func account(_ party: PartyID, _ username: String, _ role: Role) throws -> Actor {
        let e = try run(
            .createAccount(.init(mechanism: mechanism, party: party, username: username, role: role)),
            as: admin
        )
        guard case .accountCreated(let a) = e[0].data else { fatalError("no account") }
        return Actor(account: a.id, party: party, role: role)
    }

    mutating func addMember(_ name: String, _ title: String, _ role: DelegationRole, as lead: Actor) throws -> MemberID
    {
        let e = try run(.addMember(.init(mechanism: mechanism, name: name, title: title, role: role)), as: lead)
        guard case .memberAdded(let m) = e[0].data else { fatalError("no member") }
        return m.id
    }

    mutating func raise(_ title: String = "Staffing of diplomatic missions", as actor: Actor) throws -> ItemID {
        let e = try run(
            .raiseIrritant(.init(mechanism: mechanism, title: title, description: "Visas and staff numbers.")),
            as: actor
        )
        return e[0].itemID
    }

    func irritant(_ id: ItemID) -> Irritant {
        guard case .irritant(let v)? = state.item(id) else { fatalError("no irritant \(id)") }
        return v
    }

    func commitment(_ id: ItemID) -> Commitment {
        guard case .commitment(let v)? = state.item(id) else { fatalError("no commitment \(id)") }
        return v
    }

    func meeting(_ id: ItemID) -> Meeting {
        guard case .meeting(let v)? = state.item(id) else { fatalError("no meeting \(id)") }
        return v
    }

    /// An irritant raised by the US, acknowledged by Russia and in discussion.
    mutating func irritantInDiscussion() throws -> ItemID {
        let id = try raise(as: usNegotiator)
        try run(.acknowledgeIrritant(.init(mechanism: mechanism, irritant: id)), as: ruNegotiator)
        try run(.startDiscussion(.init(mechanism: mechanism, irritant: id)), as: usNegotiator)
        return id
    }

    mutating func scheduleRiyadh(start: String = "2025-02-18T09:00:00Z", as actor: Actor? = nil) throws -> ItemID {
        let e = try run(
            .scheduleMeeting(
                .init(
                    mechanism: mechanism,
                    kind: .roundOfConsultations,
                    title: "Riyadh talks",
                    start: Timestamp(start)!,
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
        case .textCreated(let p): return p.id
        default: fatalError("\(kind) creates no item")
        }
    }
}
