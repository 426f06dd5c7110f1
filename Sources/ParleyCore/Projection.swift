// The projection: how one entry changes the current values (DESIGN.md "The record is the source
// of truth": tables are projections of the logs and can be rebuilt from them alone). A pure fold
// step: the entry and reads of the current values in, the changed rows out. The store writes
// them in the append's transaction; MemoryState writes them to its dictionaries.
//
// Entries of a private log read nothing of the shared projection (beyond what they carry), so a
// rebuild may replay each shared log first and then each private log.

/// Why an entry could not be projected: the logs are out of order or were not made by decide.
public struct ProjectionError: Error, Hashable, Sendable, CustomStringConvertible {
    public let log: LogID
    public let index: UInt64
    public let message: String

    public var description: String { "entry \(index) of \(log): \(message)" }
}

public enum Projection {
    /// The rows and counters that `entry` changes, given the projection before it.
    public static func changes(for entry: Entry, reading state: some DecisionState) throws(ProjectionError)
        -> [ProjectionChange]
    {
        let f = Fold(entry: entry, state: state)
        return try f.changes()
    }
}

struct Fold<State: DecisionState> {
    let entry: Entry
    let state: State
    var m: MechanismID { entry.log.mechanism }
    var at: Timestamp { entry.at }

    func fail(_ message: String) -> ProjectionError {
        ProjectionError(log: entry.log, index: entry.index, message: message)
    }

    func mechanism() throws(ProjectionError) -> Mechanism {
        guard let mechanism = state.mechanism(m) else { throw fail("mechanism \(m) does not exist") }
        return mechanism
    }

    func row(_ value: ProjectedValue) -> ProjectionChange {
        .upsert(ProjectionRow(value: value, mechanism: m, updatedAt: at))
    }

    func counter(_ reference: Reference) -> ProjectionChange {
        .counter(log: entry.log, kind: reference.kind, last: reference.number)
    }

    func item(_ id: ItemID) throws(ProjectionError) -> Item {
        guard let item = state.item(id), item.mechanism == m else { throw fail("item \(id) does not exist") }
        return item
    }

    func irritant(_ id: ItemID) throws(ProjectionError) -> Irritant {
        guard case .irritant(let v) = try item(id) else { throw fail("\(id) is not an irritant") }
        return v
    }

    func meeting(_ id: ItemID) throws(ProjectionError) -> Meeting {
        guard case .meeting(let v) = try item(id) else { throw fail("\(id) is not a meeting") }
        return v
    }

    func commitment(_ id: ItemID) throws(ProjectionError) -> Commitment {
        guard case .commitment(let v) = try item(id) else { throw fail("\(id) is not a commitment") }
        return v
    }

    func note(_ id: ItemID) throws(ProjectionError) -> Note {
        guard case .note(let v) = try item(id), v.party == entry.log.owner else {
            throw fail("\(id) is not this party's note")
        }
        return v
    }

    func text(_ id: ItemID) throws(ProjectionError) -> NegotiatingText {
        guard case .text(let v) = try item(id) else { throw fail("\(id) is not a text") }
        return v
    }

    /// A text entry, folded by the text's own fold (NegotiatingText+Fold.swift).
    func textChange(_ id: ItemID) throws(ProjectionError) -> [ProjectionChange] {
        var v = try text(id)
        do {
            try v.apply(entry.data, actor: entry.actor, at: at)
        } catch {
            throw fail(error.message)
        }
        return [row(.item(.text(v)))]
    }

    func account(_ id: AccountID) throws(ProjectionError) -> Account {
        guard let v = state.account(id), v.party == entry.log.owner else {
            throw fail("account \(id) is not this party's")
        }
        return v
    }

    func irritantChange(_ id: ItemID, _ change: (inout Irritant) -> Void) throws(ProjectionError) -> [ProjectionChange]
    {
        var v = try irritant(id)
        change(&v)
        v.updatedAt = at
        return [row(.item(.irritant(v)))]
    }

    func meetingChange(_ id: ItemID, _ change: (inout Meeting) -> Void) throws(ProjectionError) -> [ProjectionChange] {
        var v = try meeting(id)
        change(&v)
        v.updatedAt = at
        return [row(.item(.meeting(v)))]
    }

    func commitmentChange(_ id: ItemID, _ change: (inout Commitment) -> Void) throws(ProjectionError)
        -> [ProjectionChange]
    {
        var v = try commitment(id)
        change(&v)
        v.updatedAt = at
        return [row(.item(.commitment(v)))]
    }

    func noteChange(_ id: ItemID, _ change: (inout Note) -> Void) throws(ProjectionError) -> [ProjectionChange] {
        var v = try note(id)
        change(&v)
        v.updatedAt = at
        return [row(.item(.note(v)))]
    }

    /// DESIGN.md: a venue is flagged when in a third country, i.e. not the country of any side.
    func isThirdCountry(_ venue: Venue, _ mechanism: Mechanism) -> Bool {
        !mechanism.sides.compactMap { state.party($0)?.country }.contains(venue.country)
    }

    func meeting(_ d: MeetingDetails, keeping old: Meeting?) throws(ProjectionError) -> Meeting {
        Meeting(
            id: d.id,
            mechanism: m,
            reference: d.reference,
            kind: d.kind,
            title: d.title,
            start: d.start,
            timeZone: d.timeZone,
            durationMinutes: d.durationMinutes,
            venue: d.venue,
            isThirdCountry: isThirdCountry(d.venue, try mechanism()),
            host: d.host,
            participants: d.participants,
            agenda: d.agenda,
            outcomes: old?.outcomes ?? [],
            jointSummary: old?.jointSummary,
            status: old?.status ?? .scheduled,
            updatedAt: at
        )
    }
}

/// Confirmations are kept sorted so the projected JSON does not depend on the order of confirming.
func adding(_ party: PartyID, to parties: [PartyID]) -> [PartyID] {
    parties.contains(party) ? parties : (parties + [party]).sorted()
}
