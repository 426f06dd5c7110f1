// Revisions and rounds (DESIGN.md "The record is the source of truth"): every change to a text's
// clauses is an entry that says which revision it makes, so the text at any revision is the fold
// of its entries up to that one — no snapshots are kept. Progress (brackets, live alternatives,
// agreed clauses) is counted per revision the same way.

extension EntryData {
    /// The text this entry is about, if it is a text entry.
    public var textID: ItemID? {
        switch self {
        case .textCreated(let p): return p.id
        case .textClauseProposed(let p): return p.id
        case .textAlternativeProposed(let p): return p.id
        case .textAlternativeRevised(let p): return p.id
        case .textAlternativeWithdrawn(let p): return p.id
        case .textAlternativeSupported(let p): return p.id
        case .textCompromiseProposed(let p): return p.id
        case .textClauseStatusSet(let p): return p.id
        case .textClauseMoved(let p): return p.id
        case .textLanguageVersionSet(let p): return p.id
        case .textClauseCommented(let p): return p.id
        case .textRoundOpened(let p): return p.id
        case .textAdopted(let p): return p.id
        case .textSignatureRecorded(let p): return p.id
        case .textSigned(let p): return p.id
        case .textWithdrawn(let p): return p.id
        default: return nil
        }
    }

    /// The revision a text entry makes: 1 for the creation, nil for entries that change no clause
    /// (comments, rounds, adoption, signatures, withdrawal).
    public var textRevision: Int? {
        switch self {
        case .textCreated: return 1
        case .textClauseProposed(let p): return p.revision
        case .textAlternativeProposed(let p): return p.revision
        case .textAlternativeRevised(let p): return p.revision
        case .textAlternativeWithdrawn(let p): return p.revision
        case .textAlternativeSupported(let p): return p.revision
        case .textCompromiseProposed(let p): return p.revision
        case .textClauseStatusSet(let p): return p.revision
        case .textClauseMoved(let p): return p.revision
        case .textLanguageVersionSet(let p): return p.revision
        default: return nil
        }
    }
}

/// Where a text stands at one revision: what is left to negotiate.
public struct TextProgress: Hashable, Codable, Sendable {
    public var revision: Int
    /// Clauses in the text (not withdrawn, not agreed deleted).
    public var clauses: Int
    /// Clauses with more than one live alternative.
    public var bracketedClauses: Int
    /// Live alternatives across the clauses in the text.
    public var liveAlternatives: Int
    /// Clean clauses: one live alternative, agreed by every side.
    public var agreedClauses: Int
}

extension NegotiatingText {
    /// The text's progress now.
    public var progress: TextProgress {
        var p = TextProgress(revision: revision, clauses: 0, bracketedClauses: 0, liveAlternatives: 0, agreedClauses: 0)
        for clause in clauses where clause.isInText(sides: sides) {
            p.clauses += 1
            let live = clause.liveAlternatives.count
            p.liveAlternatives += live
            if live > 1 { p.bracketedClauses += 1 }
            if clause.isClean(sides: sides) { p.agreedClauses += 1 }
        }
        return p
    }

    /// The revisions of round `number` (1-based): from the revision it opened at to the one the
    /// next round opened at, or to the current revision for the last round.
    public func revisions(ofRound number: Int) -> ClosedRange<Int>? {
        guard rounds.indices.contains(number - 1) else { return nil }
        let start = rounds[number - 1].startRevision
        let end = number < rounds.count ? rounds[number].startRevision : revision
        return start...max(start, end)
    }

    /// Text `id` as it stood at `revision` (nil: as it stands after all `entries`), rebuilt from
    /// its entries in log order. Entries about anything else are skipped; entries that make no
    /// revision (comments, adoption…) are included up to the first entry past `revision`.
    /// Nil when `entries` do not create the text.
    public static func replay(
        _ entries: some Sequence<Entry>,
        text id: ItemID,
        upTo revision: Int? = nil
    ) throws(TextFoldError) -> NegotiatingText? {
        var text: NegotiatingText?
        for entry in entries where entry.data.textID == id {
            if let limit = revision, let made = entry.data.textRevision, made > limit { break }
            try fold(entry, into: &text)
        }
        return text
    }

    /// The progress at every revision of text `id`, in order: how the brackets closed.
    public static func progressByRevision(_ entries: some Sequence<Entry>, text id: ItemID) throws(TextFoldError)
        -> [TextProgress]
    {
        var text: NegotiatingText?
        var result: [TextProgress] = []
        for entry in entries where entry.data.textID == id {
            try fold(entry, into: &text)
            if entry.data.textRevision != nil, let text { result.append(text.progress) }
        }
        return result
    }

    private static func fold(_ entry: Entry, into text: inout NegotiatingText?) throws(TextFoldError) {
        if case .textCreated(let p) = entry.data {
            guard text == nil else { throw TextFoldError(message: "\(p.reference) is created twice") }
            text = NegotiatingText(p, mechanism: entry.log.mechanism, at: entry.at)
        } else if text != nil {
            try text!.apply(entry.data, actor: entry.actor, at: entry.at)
        } else {
            throw TextFoldError(message: "entry \(entry.index) changes a text before it is created")
        }
    }
}
