// ParleyWeb: the fields of each text action's form. A form page shows the defaults (the words
// to start from, the side's current status); after a refusal it shows what was typed. Hidden
// fields carry what the person read — the alternative's exact words for a status, the revision
// for an adoption — so that ParleyCore can refuse when the text changed in between.

import ParleyCore

extension TextAction {
    typealias Field = TextActionPage.Field
    typealias Option = TextActionPage.Option

    /// The fields of this action on `text`, with `typed` values when a submission is shown again.
    func fields(
        text: NegotiatingText,
        clause: Clause?,
        alternative: Alternative?,
        party: PartyID?,
        names: PartyNames,
        typed: FormFields?
    ) -> [Field] {
        func value(_ name: String, _ fallback: @autoclosure () -> String) -> String {
            typed.map { $0[name] ?? "" } ?? fallback()
        }
        func hidden(_ name: String, _ value: String) -> Field {
            Field(name: name, label: "", value: value, isHidden: true)
        }
        func area(_ name: String, _ label: String, _ hint: String?, _ fallback: String) -> Field {
            Field(name: name, label: label, hint: hint, value: value(name, fallback), isTextarea: true)
        }
        func line(_ name: String, _ label: String, _ hint: String?, _ fallback: String = "") -> Field {
            Field(name: name, label: label, hint: hint, value: value(name, fallback), isText: true)
        }
        func placement(_ fallback: String) -> Field {
            let numbers = text.numbering()
            let chosen = value("after", fallback)
            let options =
                [Option(value: "", text: "First in its part of the text", selected: chosen.isEmpty, id: "after-first")]
                + text.clauses.compactMap { c -> Option? in
                    guard let n = numbers[c.id], c.id != clause?.id else { return nil }
                    let words = c.reading(sides: text.sides)
                    return Option(
                        value: c.id.rawValue,
                        text: "After clause \(n): " + (words.count > 60 ? String(words.prefix(60)) + "…" : words),
                        selected: chosen == c.id.rawValue,
                        id: "after-" + c.id.rawValue
                    )
                }
            return Field(
                name: "after",
                label: "Place it",
                hint: "Numbers are derived from the order: the clause keeps its identity wherever it goes.",
                value: chosen,
                options: options,
                isSelect: true
            )
        }

        var out: [Field] = []
        if let clause { out.append(hidden("clause", clause.id.rawValue)) }
        if let alternative { out.append(hidden("alternative", alternative.id.rawValue)) }
        switch self {
        case .proposeClause:
            let chosen = value("section", ClauseSection.operative.rawValue)
            out.append(
                Field(
                    name: "section",
                    label: "Part of the text",
                    value: chosen,
                    options: ClauseSection.allCases.map {
                        Option(
                            value: $0.rawValue,
                            text: TextFormat.section($0),
                            selected: $0.rawValue == chosen,
                            id: "section-" + $0.rawValue
                        )
                    },
                    isRadios: true
                )
            )
            out.append(placement(text.clauses.last { text.numbering()[$0.id] != nil }?.id.rawValue ?? ""))
            out.append(area("wording", "Words of the clause", "In the working language, \(text.workingLanguage).", ""))
        case .amend:
            let start = clause?.liveAlternatives.first { $0.kind == .wording }?.wording ?? ""
            out.append(
                area("wording", "Your words for this clause", "Edit the words; they become a new alternative.", start)
            )
        case .proposeMove:
            out.append(placement(""))
        case .revise:
            out.append(area("wording", "Revised words", nil, alternative?.wording ?? ""))
        case .compromise:
            let live = clause?.liveAlternatives ?? []
            let chosen = typed.map { Set($0.all("merging")) } ?? Set(live.map(\.id.rawValue))
            out.append(
                Field(
                    name: "merging",
                    label: "Alternatives the compromise merges",
                    hint: "Choose at least two.",
                    value: "",
                    options: live.enumerated().map { i, a in
                        Option(
                            value: a.id.rawValue,
                            text: "Alternative \(TextFormat.letter(i)) (\(TextFormat.credit(a.proposedBy, names))): "
                                + (a.kind == .deletion ? "delete the clause" : a.wording),
                            selected: chosen.contains(a.id.rawValue),
                            id: "merging-" + a.id.rawValue
                        )
                    },
                    isCheckboxes: true
                )
            )
            out.append(area("wording", "Words of the compromise", nil, ""))
        case .setStatus:
            out.append(hidden("wording", alternative?.wording ?? ""))
            let current = party.flatMap { clause?.statusRecord(of: $0) }
            let chosen = value("status", current?.alternative == alternative?.id ? current?.status.rawValue ?? "" : "")
            out.append(
                Field(
                    name: "status",
                    label: "Your side's status",
                    hint: "Agreed ad referendum: agreed by the delegation, subject to confirmation by its capital.",
                    value: chosen,
                    options: ClauseStatus.allCases.map {
                        Option(
                            value: $0.rawValue,
                            text: TextFormat.clauseStatusWords($0),
                            selected: $0.rawValue == chosen,
                            id: "status-" + $0.rawValue
                        )
                    },
                    isRadios: true
                )
            )
        case .setVersion:
            let chosen = value("language", text.otherLanguages.first?.rawValue ?? "")
            let existing = LanguageTag(chosen).flatMap { l in alternative.flatMap { clause?.version(in: l, of: $0.id) }
            }
            out.append(
                Field(
                    name: "language",
                    label: "Language",
                    value: chosen,
                    options: text.otherLanguages.map {
                        Option(value: $0.rawValue, text: $0.rawValue, selected: $0.rawValue == chosen, id: "")
                    },
                    isSelect: true
                )
            )
            out.append(area("wording", "The words in that language", nil, existing?.wording ?? ""))
            let authentic = typed.map { $0["authentic"] == "yes" } ?? (existing?.authentic ?? false)
            out.append(
                Field(
                    name: "authentic",
                    label: "Authentic: this version is the text in that language, equally with the working language",
                    hint: "Leave unticked for a working translation, for reading only.",
                    value: "yes",
                    isCheckbox: true,
                    checked: authentic
                )
            )
        case .comment:
            out.append(area("body", "Your comment", "Every party of the mechanism reads it.", ""))
        case .note:
            out.append(area("body", "Your private note", "Only your own party reads it.", ""))
        case .openRound:
            out.append(
                line(
                    "meeting",
                    "Meeting (optional)",
                    "The reference of the meeting the round is held at, for example MTG-1."
                )
            )
        case .adopt:
            out.append(hidden("revision", String(text.revision)))
        case .recordSignature:
            out.append(
                line(
                    "canonicalHash",
                    "Hash of the adopted text's canonical form",
                    "64 hex digits, as your own tools computed it (`parley text sign` prints it)."
                )
            )
            out.append(
                line("publicKey", "Your party's public key (optional)", "Base64, as `parley text sign` prints it.")
            )
            out.append(line("signature", "Detached signature (optional)", "Base64, as `parley text sign` prints it."))
        case .withdraw:
            out.append(line("reason", "Reason (optional)", nil))
        case .proposeDeletion, .withdrawAlternative, .support:
            break
        }
        return out
    }
}
