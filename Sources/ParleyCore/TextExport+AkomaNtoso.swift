// A negotiating text as Akoma Ntoso 3.0 XML (OASIS LegalDocML, Committee Specification 01,
// 2017), built as a string with no I/O. docs/akoma-ntoso.md says how Parley's brackets map:
//
// - the document element by kind: `statement` (joint statement, communiqué), `doc` (memorandum
//   of understanding, terms of reference), `act` (agreement); `@name` is the kind;
// - `meta/identification`: FRBRWork (the human reference as FRBRalias, the sides as authors),
//   one FRBRExpression per language — the working language here, each other language in an
//   `attachment` holding the same document in that language — and FRBRManifestation;
// - `meta/workflow`: one `step` per clause and side, `@by` the side, `@refersTo` the clause,
//   `@outcome` the side's status (a TLCConcept);
// - `meta/references`: the parties as TLCOrganization, the statuses as TLCConcept;
// - a bracketed clause: each live alternative in square brackets as
//   `<inline name="alternative" refersTo="#side …">`, followed by an `authorialNote` naming the
//   sides that proposed it and when;
// - `conclusions`: the adopted text's hash and each side's `signature`.

extension TextExport {
    /// The Akoma Ntoso XML of `text`. `parties` are the mechanism's parties (for names and
    /// country codes); `exportedAt` dates the manifestation.
    public static func akomaNtoso(_ text: NegotiatingText, parties: [Party], exportedAt: Timestamp) -> String {
        AkomaNtosoWriter(text: text, parties: parties, exportedAt: exportedAt).document()
    }
}

struct AkomaNtosoWriter {
    let text: NegotiatingText
    let parties: [Party]
    let exportedAt: Timestamp
    let numbers: [ClauseID: ClauseNumber]
    /// Each side's TLC identifier, e.g. `usa`.
    let ids: [PartyID: String]

    init(text: NegotiatingText, parties: [Party], exportedAt: Timestamp) {
        self.text = text
        self.parties = parties
        self.exportedAt = exportedAt
        self.numbers = text.numbering()
        var ids: [PartyID: String] = [:]
        for (i, side) in text.sides.enumerated() {
            let country = parties.first { $0.id == side }?.country?.rawValue.lowercased()
            let candidate = country ?? "party_\(i + 1)"
            ids[side] = ids.values.contains(candidate) ? "party_\(i + 1)" : candidate
        }
        self.ids = ids
    }

    static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    /// AKN document type by kind of text.
    var documentType: String {
        switch text.kind {
        case .jointStatement, .communique: return "statement"
        case .memorandumOfUnderstanding, .termsOfReference: return "doc"
        case .agreement: return "act"
        }
    }

    var workURI: String {
        "/akn/int/\(documentType)/\(text.kind.rawValue)/\(text.createdAt.day)/"
            + "\(text.mechanism.rawValue)-\(text.reference.description.lowercased())"
    }

    func document() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<akomaNtoso xmlns=\"\(Self.namespace)\">\n"
        out += body(language: text.workingLanguage, prefix: "", full: true)
        out += "</akomaNtoso>\n"
        return out
    }

    /// The document in one language. `full`: the working-language document, which carries the
    /// workflow, references, conclusions and the other languages as attachments.
    func body(language: LanguageTag, prefix: String, full: Bool) -> String {
        var out = "<\(documentType) name=\"\(xml(text.kind.rawValue))\">\n<meta>\n"
        out += identification(language: language)
        if full {
            out += workflow()
            out += references()
        }
        out += "</meta>\n"
        out += "<preface><p><docNumber>\(xml(text.reference.description))</docNumber> "
        out += "<docTitle>\(xml(text.title))</docTitle></p></preface>\n"
        let inText = text.clauses.filter { numbers[$0.id] != nil }
        let preamble = inText.filter { $0.section == .preamble }
        if !preamble.isEmpty {
            out += "<preamble>\n"
            for clause in preamble {
                let eId = prefix + "preamble__container_\(numbers[clause.id]!.ordinal)"
                out += "<container name=\"preambleParagraph\" eId=\"\(eId)\"><p>"
                out += words(clause, language: language, eId: eId) + "</p></container>\n"
            }
            out += "</preamble>\n"
        }
        let main = documentType == "act" ? "body" : "mainBody"
        out += "<\(main)>\n"
        var openArticle = false
        let operative = inText.filter { $0.section != .preamble }
        for clause in operative {
            let number = numbers[clause.id]!
            switch clause.section {
            case .article:
                if openArticle { out += "</article>\n" }
                let eId = prefix + "art_\(number.ordinal)"
                out += "<article eId=\"\(eId)\"><num>\(xml(number.description))</num>"
                out += "<heading>" + words(clause, language: language, eId: eId) + "</heading>\n"
                openArticle = true
            case .operative, .preamble:
                let eId = prefix + eIdOf(number)
                out += "<paragraph eId=\"\(eId)\"><num>\(xml(number.description))</num><content><p>"
                out += words(clause, language: language, eId: eId) + "</p></content></paragraph>\n"
            }
        }
        if openArticle { out += "</article>\n" }
        if operative.isEmpty { out += "<p>No operative clauses yet.</p>\n" }
        out += "</\(main)>\n"
        if full {
            out += conclusions()
            let others = text.otherLanguages
            if !others.isEmpty {
                out += "<attachments>\n"
                for (i, other) in others.enumerated() {
                    out += "<attachment eId=\"att_\(i + 1)\">\n"
                    out += body(language: other, prefix: "att_\(i + 1)__", full: false)
                    out += "</attachment>\n"
                }
                out += "</attachments>\n"
            }
        }
        out += "</\(documentType)>\n"
        return out
    }

    func eIdOf(_ number: ClauseNumber) -> String {
        switch number {
        case .articleParagraph(let a, let p): return "art_\(a)__para_\(p)"
        default: return "para_\(number.ordinal)"
        }
    }

    func identification(language: LanguageTag) -> String {
        let expression = workURI + "/\(language.rawValue)@rev-\(text.revision)"
        let day = text.updatedAt.day.description
        var out = "<identification source=\"#parley\">\n<FRBRWork>\n"
        out += "<FRBRthis value=\"\(xml(workURI))/!main\"/>\n<FRBRuri value=\"\(xml(workURI))\"/>\n"
        out += "<FRBRalias value=\"\(xml(text.reference.description))\" name=\"reference\"/>\n"
        out += "<FRBRdate date=\"\(text.createdAt.day)\" name=\"created\"/>\n"
        for side in text.sides { out += "<FRBRauthor href=\"#\(ids[side]!)\"/>\n" }
        out += "<FRBRcountry value=\"int\"/>\n<FRBRname value=\"\(xml(text.title))\"/>\n</FRBRWork>\n"
        out += "<FRBRExpression>\n<FRBRthis value=\"\(xml(expression))/!main\"/>\n"
        out += "<FRBRuri value=\"\(xml(expression))\"/>\n<FRBRdate date=\"\(day)\" name=\"revision\"/>\n"
        out += "<FRBRauthor href=\"#parley\"/>\n<FRBRlanguage language=\"\(xml(language.rawValue))\"/>\n"
        out += "</FRBRExpression>\n<FRBRManifestation>\n"
        out += "<FRBRthis value=\"\(xml(expression))/!main.xml\"/>\n<FRBRuri value=\"\(xml(expression)).akn\"/>\n"
        out += "<FRBRdate date=\"\(exportedAt.day)\" name=\"exported\"/>\n<FRBRauthor href=\"#parley\"/>\n"
        out += "</FRBRManifestation>\n</identification>\n"
        return out
    }

    /// Each side's own status on each clause.
    func workflow() -> String {
        var steps = ""
        for clause in text.clauses {
            guard let number = numbers[clause.id] else { continue }
            let eId =
                clause.section == .preamble
                ? "preamble__container_\(number.ordinal)"
                : clause.section == .article ? "art_\(number.ordinal)" : eIdOf(number)
            for side in text.sides {
                let record = clause.statusRecord(of: side)
                let day = (record?.at ?? clause.proposedAt).day
                steps += "<step date=\"\(day)\" by=\"#\(ids[side]!)\" refersTo=\"#\(eId)\" "
                steps += "outcome=\"#\(clause.status(of: side).rawValue)\"/>\n"
            }
        }
        guard !steps.isEmpty else { return "" }
        return "<workflow source=\"#parley\">\n" + steps + "</workflow>\n"
    }

    func references() -> String {
        var out = "<references source=\"#parley\">\n"
        for side in text.sides {
            let name = parties.first { $0.id == side }?.name ?? side.rawValue
            out += "<TLCOrganization eId=\"\(ids[side]!)\" href=\"/ontology/organization/\(ids[side]!)\" "
            out += "showAs=\"\(xml(name))\"/>\n"
        }
        out += "<TLCOrganization eId=\"parley\" href=\"/ontology/organization/parley\" showAs=\"Parley\"/>\n"
        for status in ClauseStatus.allCases {
            out += "<TLCConcept eId=\"\(status.rawValue)\" href=\"/ontology/concept/parley/clauseStatus/"
            out += "\(status.rawValue)\" showAs=\"\(status.rawValue)\"/>\n"
        }
        return out + "</references>\n"
    }

    /// The clause's words in `language`: plain when one alternative is live, else each live
    /// alternative in square brackets, credited with `refersTo` and a note naming its proposers.
    func words(_ clause: Clause, language: LanguageTag, eId: String) -> String {
        let live = clause.liveAlternatives
        func wording(_ a: Alternative) -> (String, stale: Bool)? {
            if language == text.workingLanguage { return (a.wording, false) }
            guard let v = clause.version(in: language, of: a.id) else { return nil }
            return (v.wording, clause.isStale(v))
        }
        if !clause.isBracketed, let only = live.first, only.kind == .wording {
            guard let found = wording(only) else {
                return "<inline name=\"missingVersion\" eId=\"\(eId)__missing\"/>"
            }
            let (words, stale) = (found.0, found.stale)
            return stale ? "<inline name=\"staleVersion\" eId=\"\(eId)__stale\">\(xml(words))</inline>" : xml(words)
        }
        var parts: [String] = []
        for (i, a) in live.enumerated() {
            let letter = String(UnicodeScalar(UInt8(97 + i % 26)))
            let altID = "\(eId)__alt_\(letter)\(i >= 26 ? String(i / 26) : "")"
            let credit = a.proposedBy.compactMap { ids[$0].map { "#" + $0 } }.joined(separator: " ")
            var name = "deletion"
            var inner = "delete"
            if a.kind != .deletion {
                let found = wording(a)
                let base = a.kind == .move ? "move" : "alternative"
                name = found?.stale == true ? base + "StaleVersion" : base
                inner = found.map { xml($0.0) } ?? ""
            }
            let proposers = a.proposedBy.map { p in parties.first { $0.id == p }?.name ?? p.rawValue }
            var part = "[<inline name=\"\(name)\" eId=\"\(altID)\" refersTo=\"\(credit)\">\(inner)</inline>"
            part += "<authorialNote marker=\"\(letter)\" placement=\"bottom\" eId=\"\(altID)__note\"><p>"
            part += xml("Proposed by " + proposers.joined(separator: " and ") + ", \(a.proposedAt)")
            part += "</p></authorialNote>]"
            parts.append(part)
        }
        return parts.joined(separator: " ")
    }

    /// The adopted text's hash and each side's signature.
    func conclusions() -> String {
        guard let hash = text.adoptedHash else { return "" }
        var out = "<conclusions>\n<p>Adopted at revision \(text.adoptedRevision ?? text.revision). SHA-256 of the "
        out += "canonical form: <inline name=\"canonicalHash\" eId=\"canonicalHash\">\(xml(hash))</inline></p>\n"
        for signature in text.signatures {
            let id = ids[signature.party] ?? "parley"
            let name = parties.first { $0.id == signature.party }?.name ?? signature.party.rawValue
            out += "<p><signature refersTo=\"#\(id)\"><party refersTo=\"#\(id)\">\(xml(name))</party> "
            out += "<date date=\"\(signature.at.day)\" refersTo=\"#\(id)\">\(signature.at)</date></signature></p>\n"
        }
        return out + "</conclusions>\n"
    }

    /// XML 1.0 §2.4 character data and attribute values: `&`, `<`, `>`, `"` escaped; characters
    /// XML 1.0 does not allow (§2.2: most C0 controls) dropped.
    func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension ClauseNumber {
    /// The number within its kind: 2 for PP2, paragraph 2, Article 2, or 2.x's paragraph.
    var ordinal: Int {
        switch self {
        case .preamble(let n), .paragraph(let n), .article(let n): return n
        case .articleParagraph(_, let p): return p
        }
    }
}
