// ParleyWeb: a submitted text-action form as a ParleyCore command. Only what the form itself
// cannot say in ParleyCore's terms is checked here (a part of the text or a status that is not
// one of the choices, a meeting reference that does not parse); every rule is ParleyCore's.

import ParleyCore

/// A submitted form: the command it asks for, or the problems of its fields.
enum TextActionSubmission {
    case command(Command)
    case problems(FormErrors)
}

extension TextAction {
    /// The command the form asks for, or the problems of its fields.
    func command(
        _ form: FormFields,
        text: NegotiatingText,
        clause: Clause?,
        alternative: Alternative?
    ) -> TextActionSubmission {
        let (m, t) = (text.mechanism, text.id)
        var errors = FormErrors()
        func trimmed(_ name: String) -> String { (form[name] ?? "").trimmingWhitespace() }
        let after = trimmed("after").isEmpty ? nil : ClauseID(trimmed("after"))
        let wording = form["wording"] ?? ""
        let c = clause?.id ?? ClauseID("")
        let a = alternative?.id ?? AlternativeID("")
        let command: Command?
        switch self {
        case .proposeClause:
            let section = ClauseSection(rawValue: trimmed("section"))
            if section == nil {
                errors.add("section", "Choose a preamble paragraph, an operative paragraph or an article heading")
            }
            command = section.map {
                .proposeClause(.init(mechanism: m, text: t, section: $0, after: after, wording: wording))
            }
        case .amend:
            command = .proposeAmendment(.init(mechanism: m, text: t, clause: c, wording: wording))
        case .proposeMove:
            command = .proposeMove(.init(mechanism: m, text: t, clause: c, alternative: a, after: after))
        case .proposeDeletion:
            command = .proposeDeletion(.init(mechanism: m, text: t, clause: c))
        case .revise:
            command = .reviseAlternative(.init(mechanism: m, text: t, clause: c, alternative: a, wording: wording))
        case .withdrawAlternative:
            command = .withdrawAlternative(.init(mechanism: m, text: t, clause: c, alternative: a))
        case .support:
            command = .supportAlternative(.init(mechanism: m, text: t, clause: c, alternative: a))
        case .compromise:
            let merging = form.all("merging").map(AlternativeID.init)
            command = .proposeCompromise(.init(mechanism: m, text: t, clause: c, merging: merging, wording: wording))
        case .setStatus:
            let status = ClauseStatus(rawValue: trimmed("status"))
            if status == nil { errors.add("status", "Choose your side's status") }
            command = status.map {
                .setClauseStatus(.init(mechanism: m, text: t, clause: c, alternative: a, status: $0, wording: wording))
            }
        case .setVersion:
            command = .setLanguageVersion(
                .init(
                    mechanism: m,
                    text: t,
                    clause: c,
                    alternative: a,
                    language: trimmed("language"),
                    wording: wording,
                    authentic: form["authentic"] == "yes"
                )
            )
        case .comment:
            command = .commentOnClause(.init(mechanism: m, text: t, clause: c, body: form["body"] ?? ""))
        case .note:
            command = .writeNote(
                .init(mechanism: m, attachedTo: text.reference, clause: c, body: form["body"] ?? "")
            )
        case .openRound:
            let raw = trimmed("meeting").uppercased()
            let meeting = raw.isEmpty ? nil : Reference(raw)
            if !raw.isEmpty, meeting?.kind != .meeting {
                errors.add("meeting", "Enter a meeting's reference, such as MTG-1, or leave this empty")
            }
            command = .openRound(.init(mechanism: m, text: t, meeting: meeting))
        case .adopt:
            guard let revision = Int(trimmed("revision")) else {
                errors.add(
                    nil,
                    "The form did not say which revision you read; go back to the text and adopt it from there"
                )
                return .problems(errors)
            }
            command = .adoptText(.init(mechanism: m, text: t, revision: revision))
        case .recordSignature:
            let key = trimmed("publicKey")
            let signature = trimmed("signature")
            if key.isEmpty != signature.isEmpty {
                errors.add(
                    key.isEmpty ? "publicKey" : "signature",
                    "Give both the public key and the detached signature, or neither"
                )
            }
            command = .signText(
                .init(
                    mechanism: m,
                    text: t,
                    canonicalHash: trimmed("canonicalHash").lowercased(),
                    detached: key.isEmpty ? nil : DetachedSignature(publicKey: key, signature: signature)
                )
            )
        case .withdraw:
            let reason = trimmed("reason")
            command = .withdrawText(.init(mechanism: m, text: t, reason: reason.isEmpty ? nil : reason))
        }
        guard errors.isEmpty, let command else { return .problems(errors) }
        return .command(command)
    }
}
