// Rules for agreement, language versions, adoption and signature (DESIGN.md "The domain", Text;
// "Access rules": facilitators hold no agreement state on texts; a side's lead adopts and signs).
//
// Agreement is to exact words: a side sets its status on one alternative and sends the words it
// read; decide compares them scalar by scalar with the alternative's current words.
// Adoption needs every clause clean in every authentic language (NegotiatingText+Adoption.swift).
// The adopted text's hash: decide asks the state for the SHA-256 of the canonical form's RFC 8785
// JSON (DecisionState.canonicalHash) and records it in `text.adopted`; each side's lead then signs
// by sending the hash its own client computed, which must equal the recorded one.

import Foundation

extension Decision {
    func decide(_ c: SetClauseStatus) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .holdAgreement)
        let party = try textSide(t)
        let (clause, alternative) = try existing(c.clause, c.alternative, in: t)
        try requireDrafting(t)
        try requireLive(alternative, in: clause, of: t)
        guard sameWords(c.wording, alternative.wording) else {
            throw .conflict(
                "The words of this alternative of \(t.name(of: clause.id)) are not the words you read "
                    + "(they were revised or differ in encoding); read them again and set your status on the current words"
            )
        }
        if let current = clause.statusRecord(of: party), current.status == c.status,
            current.alternative == alternative.id
        {
            throw .conflict(
                "Your side's status on this alternative of \(t.name(of: clause.id)) is already \(c.status.words)"
            )
        }
        let set = ClauseStatusSet(
            id: t.id,
            reference: t.reference,
            revision: t.revision + 1,
            clause: clause.id,
            party: party,
            status: c.status,
            alternative: alternative.id,
            wording: alternative.wording,
            wordingRevision: clause.wordingRevision
        )
        return withMoves([draft(t, .textClauseStatusSet(set))], on: t)
    }

    func decide(_ c: SetLanguageVersion) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .writeShared)
        let party = try textSide(t)
        let (clause, alternative) = try existing(c.clause, c.alternative, in: t)
        var v = Validation()
        let tag = LanguageTag(c.language.trimmingCharacters(in: .whitespaces))
        let language = tag.flatMap { tag in t.otherLanguages.first { $0 == tag } }
        if language == nil {
            let others = t.otherLanguages.map(\.rawValue).joined(separator: ", ")
            v.fail(
                "language",
                tag == t.workingLanguage
                    ? "\(t.workingLanguage) is the working language: its words are the alternatives themselves"
                    : t.otherLanguages.isEmpty
                        ? "\(t.reference) is kept in \(t.workingLanguage) only"
                        : "Choose one of the text's other languages: \(others)"
            )
        }
        let wording = v.text(c.wording, "wording", label: "the words in that language", max: Limits.clause)
        if alternative.kind == .deletion { v.fail("alternative", "A deletion has no words to translate") }
        try v.finish()
        guard let language else { throw .invalid("language", "Choose a language") }  // unreachable after finish
        try requireDrafting(t)
        try requireLive(alternative, in: clause, of: t)
        if let current = clause.version(in: language, of: alternative.id), !clause.isStale(current),
            current.authentic == c.authentic, sameWords(current.wording, wording)
        {
            throw .conflict("This \(language) version is already recorded, in these words")
        }
        let version = LanguageVersionSet(
            id: t.id,
            reference: t.reference,
            revision: t.revision + 1,
            clause: clause.id,
            alternative: alternative.id,
            language: language,
            wording: wording,
            translatesRevision: alternative.revision,
            authentic: c.authentic,
            party: party
        )
        return [draft(t, .textLanguageVersionSet(version))]
    }

    func decide(_ c: AdoptText) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .adoptForSide)
        _ = try textSide(t)
        guard t.status == .drafting else {
            throw .conflict(
                t.status == .withdrawn
                    ? "\(t.reference) was withdrawn; it cannot be adopted"
                    : "\(t.reference) is already adopted"
            )
        }
        guard c.revision == t.revision else {
            throw .conflict(
                "\(t.reference) changed since you read it: you read revision \(c.revision), it is now at revision "
                    + "\(t.revision); read it again before adopting"
            )
        }
        let blockers = t.adoptionBlockers()
        guard blockers.isEmpty, let canonical = t.canonicalForm() else {
            let reasons = blockers.map { $0.message(naming: partyName) }.joined(separator: "; ")
            throw .conflict("\(t.reference) cannot be adopted yet: \(reasons)")
        }
        guard let hash = state.canonicalHash(of: canonical) else {
            throw .conflict("This server cannot hash a text's canonical form, so no text can be adopted on it")
        }
        let adopted = TextAdopted(id: t.id, reference: t.reference, revision: t.revision, canonicalHash: hash)
        return [draft(t, .textAdopted(adopted))]
    }

    func decide(_ c: SignText) throws(Refusal) -> [EntryDraft] {
        let (_, t) = try sharedText(c.mechanism, c.text, .adoptForSide)
        let party = try textSide(t)
        var v = Validation()
        let hash = c.canonicalHash.trimmingCharacters(in: .whitespaces)
        v.check(
            hash.utf8.count == 64 && hash.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) },
            "canonicalHash",
            "Enter the SHA-256 of the adopted text's canonical form as 64 lower-case hex digits"
        )
        if let detached = c.detached {
            v.check(
                Data(base64Encoded: detached.publicKey)?.count == 32,
                "detached.publicKey",
                "The public key must be a 32-byte Ed25519 key in base64"
            )
            v.check(
                Data(base64Encoded: detached.signature)?.count == 64,
                "detached.signature",
                "The signature must be a 64-byte Ed25519 signature in base64"
            )
        }
        try v.finish()
        switch t.status {
        case .drafting: throw .conflict("\(t.reference) is not adopted yet; a text is signed once it is adopted")
        case .signed: throw .conflict("\(t.reference) is already signed by every side")
        case .withdrawn: throw .conflict("\(t.reference) was withdrawn; it cannot be signed")
        case .adopted: break
        }
        guard let adopted = t.adoptedHash, hash == adopted else {
            throw .conflict(
                "The hash you sent (\(hash.prefix(12))…) is not the hash of adopted \(t.reference) "
                    + "(\(t.adoptedHash.map { String($0.prefix(12)) } ?? "none")…); compute it again from the adopted text's canonical form"
            )
        }
        guard !t.signatures.contains(where: { $0.party == party }) else {
            throw .conflict("Your side has already signed \(t.reference)")
        }
        let signature = TextSignatureRecorded(
            id: t.id,
            reference: t.reference,
            party: party,
            canonicalHash: hash,
            detached: c.detached
        )
        var drafts = [draft(t, .textSignatureRecorded(signature))]
        // Signed when every side has signed, recorded as its own entry (as for resolutions).
        if Set(t.sides).isSubset(of: Set(t.signatures.map(\.party) + [party])) {
            drafts.append(draft(t, .textSigned(ItemEvent(id: t.id, reference: t.reference, reason: nil))))
        }
        return drafts
    }
}

extension ClauseStatus {
    /// The status as it reads in a sentence: "already agreed ad referendum".
    var words: String {
        switch self {
        case .agreedAdReferendum: return "agreed ad referendum"
        default: return rawValue
        }
    }
}
