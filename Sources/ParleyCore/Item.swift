// Every item that carries a human reference or lives in a log, as one value for reads by id or by
// reference (DecisionState) and for projection rows.

/// A shared or private item of a mechanism.
public enum Item: Hashable, Sendable {
    case irritant(Irritant)
    case step(Step)
    case meeting(Meeting)
    case contact(Contact)
    case commitment(Commitment)
    case readout(Readout)
    case text(NegotiatingText)
    case note(Note)
    case minutes(Minutes)

    public var id: ItemID {
        switch self {
        case .irritant(let v): return v.id
        case .step(let v): return v.id
        case .meeting(let v): return v.id
        case .contact(let v): return v.id
        case .commitment(let v): return v.id
        case .readout(let v): return v.id
        case .text(let v): return v.id
        case .note(let v): return v.id
        case .minutes(let v): return v.id
        }
    }

    public var mechanism: MechanismID {
        switch self {
        case .irritant(let v): return v.mechanism
        case .step(let v): return v.mechanism
        case .meeting(let v): return v.mechanism
        case .contact(let v): return v.mechanism
        case .commitment(let v): return v.mechanism
        case .readout(let v): return v.mechanism
        case .text(let v): return v.mechanism
        case .note(let v): return v.mechanism
        case .minutes(let v): return v.mechanism
        }
    }

    /// Minutes have no reference of their own: they are reached through their meeting.
    public var reference: Reference? {
        switch self {
        case .irritant(let v): return v.reference
        case .step(let v): return v.reference
        case .meeting(let v): return v.reference
        case .contact(let v): return v.reference
        case .commitment(let v): return v.reference
        case .readout(let v): return v.reference
        case .text(let v): return v.reference
        case .note(let v): return v.reference
        case .minutes: return nil
        }
    }

    /// The log the item lives in: private items in their party's log, the rest in the shared one.
    public var log: LogID {
        switch self {
        case .note(let v): return .private(v.mechanism, v.party)
        case .minutes(let v): return .private(v.mechanism, v.party)
        default: return .shared(mechanism)
        }
    }
}
