// The current value of one thing in a mechanism, as projected from the logs: what a projection
// row holds. JSON form: {"kind": "irritant", "value": {…}} so the store can keep it in one column.

/// The kinds of projection row, one per kind of thing.
public enum RowKind: String, Codable, Sendable, CaseIterable {
    case mechanism, party, track, member, team, account
    case irritant, step, meeting, contact, commitment, readout, note, minutes, text
}

/// The current value of one projected thing.
public enum ProjectedValue: Hashable, Sendable {
    case mechanism(Mechanism)
    case party(Party)
    case track(Track)
    case member(Member)
    case team(Team)
    case account(Account)
    case item(Item)

    public var kind: RowKind {
        switch self {
        case .mechanism: return .mechanism
        case .party: return .party
        case .track: return .track
        case .member: return .member
        case .team: return .team
        case .account: return .account
        case .item(.irritant): return .irritant
        case .item(.step): return .step
        case .item(.meeting): return .meeting
        case .item(.contact): return .contact
        case .item(.commitment): return .commitment
        case .item(.readout): return .readout
        case .item(.note): return .note
        case .item(.minutes): return .minutes
        case .item(.text): return .text
        }
    }
}

extension ProjectedValue: Codable {
    private enum CodingKeys: String, CodingKey { case kind, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(RowKind.self, forKey: .kind) {
        case .mechanism: self = .mechanism(try c.decode(Mechanism.self, forKey: .value))
        case .party: self = .party(try c.decode(Party.self, forKey: .value))
        case .track: self = .track(try c.decode(Track.self, forKey: .value))
        case .member: self = .member(try c.decode(Member.self, forKey: .value))
        case .team: self = .team(try c.decode(Team.self, forKey: .value))
        case .account: self = .account(try c.decode(Account.self, forKey: .value))
        case .irritant: self = .item(.irritant(try c.decode(Irritant.self, forKey: .value)))
        case .step: self = .item(.step(try c.decode(Step.self, forKey: .value)))
        case .meeting: self = .item(.meeting(try c.decode(Meeting.self, forKey: .value)))
        case .contact: self = .item(.contact(try c.decode(Contact.self, forKey: .value)))
        case .commitment: self = .item(.commitment(try c.decode(Commitment.self, forKey: .value)))
        case .readout: self = .item(.readout(try c.decode(Readout.self, forKey: .value)))
        case .note: self = .item(.note(try c.decode(Note.self, forKey: .value)))
        case .minutes: self = .item(.minutes(try c.decode(Minutes.self, forKey: .value)))
        case .text: self = .item(.text(try c.decode(NegotiatingText.self, forKey: .value)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .mechanism(let v): try c.encode(v, forKey: .value)
        case .party(let v): try c.encode(v, forKey: .value)
        case .track(let v): try c.encode(v, forKey: .value)
        case .member(let v): try c.encode(v, forKey: .value)
        case .team(let v): try c.encode(v, forKey: .value)
        case .account(let v): try c.encode(v, forKey: .value)
        case .item(.irritant(let v)): try c.encode(v, forKey: .value)
        case .item(.step(let v)): try c.encode(v, forKey: .value)
        case .item(.meeting(let v)): try c.encode(v, forKey: .value)
        case .item(.contact(let v)): try c.encode(v, forKey: .value)
        case .item(.commitment(let v)): try c.encode(v, forKey: .value)
        case .item(.readout(let v)): try c.encode(v, forKey: .value)
        case .item(.note(let v)): try c.encode(v, forKey: .value)
        case .item(.minutes(let v)): try c.encode(v, forKey: .value)
        case .item(.text(let v)): try c.encode(v, forKey: .value)
        }
    }
}
