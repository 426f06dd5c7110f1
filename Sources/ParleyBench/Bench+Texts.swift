// parley-bench: negotiating texts at the size of a long draft — 300 clauses, 100 of them
// bracketed between two sides' alternatives, every alternative also in French — rendered as
// delegates read it (plain text and printable HTML with brackets and credits, Akoma Ntoso XML), and
// two of its revisions compared word by word. Target (issue 6): under 100 ms each, release.
import Foundation
import ParleyCore
import ParleyWeb

func benchTexts() -> [(label: String, value: String)] {
    let old = sampleText(revision: 1)
    let new = sampleText(revision: 2)
    let parties = [
        Party(
            id: PartyID("north"),
            mechanism: old.mechanism,
            name: "Northland",
            country: nil,
            languages: [],
            kind: .side
        ),
        Party(
            id: PartyID("south"),
            mechanism: old.mechanism,
            name: "Southland",
            country: nil,
            languages: [],
            kind: .side
        ),
    ]
    let names = ["north": "Northland", "south": "Southland"]
    let plain = median { TextExport.plainText(new) { names[$0.rawValue] ?? "?" }.utf8.count }
    let akn = median {
        TextExport.akomaNtoso(new, parties: parties, exportedAt: Timestamp(secondsSince1970: 0)).utf8.count
    }
    let renderer = try! TextRenderer()
    let html = median { ((try? renderer.printableHTML(new, parties: parties)) ?? "").utf8.count }
    let compare = median { TextComparison.compare(old, new).count }
    return [
        ("render 300 clauses, 100 bracketed, 2 languages (plain text)", milliseconds(plain)),
        ("render the same as printable HTML (Mustache)", milliseconds(html)),
        ("render the same as Akoma Ntoso XML", milliseconds(akn)),
        ("compare two revisions of it, word by word", milliseconds(compare)),
    ]
}

/// A 300-clause text: every third clause bracketed between the two sides; revision 2 rewords
/// every tenth clause and adds a word to every bracketed alternative.
private func sampleText(revision: Int) -> NegotiatingText {
    let (north, south) = (PartyID("north"), PartyID("south"))
    let at = Timestamp(secondsSince1970: 1_740_000_000)
    var clauses: [Clause] = []
    for i in 0..<300 {
        let changed = revision > 1 && i % 10 == 0 ? " as revised in the second round" : ""
        let words =
            "Clause \(i): the Parties shall cooperate on the conservation of the shared fish stocks of the Border Sea, "
            + "exchange data on catches and vessels, and consult each other before any new measure\(changed)."
        var alternatives = [
            Alternative(id: AlternativeID("a\(i)"), kind: .wording, wording: words, proposedBy: [north], proposedAt: at)
        ]
        if i % 3 == 0 {
            let extra = revision > 1 ? " promptly" : ""
            alternatives.append(
                Alternative(
                    id: AlternativeID("b\(i)"),
                    kind: .wording,
                    wording:
                        "Clause \(i): each Party shall\(extra) set its own measures for the fish stocks in its waters, "
                        + "after consulting the other Party and a joint scientific committee.",
                    proposedBy: [south],
                    proposedAt: at
                )
            )
        }
        let versions = alternatives.map {
            LanguageVersion(
                language: LanguageTag("fr")!,
                alternative: $0.id,
                wording: "Clause \(i) : les Parties coopèrent à la conservation des stocks de poissons partagés.",
                translatesRevision: 1,
                authentic: true,
                by: south,
                at: at
            )
        }
        clauses.append(
            Clause(
                id: ClauseID("c\(i)"),
                section: i < 20 ? .preamble : .operative,
                alternatives: alternatives,
                versions: versions,
                proposedBy: north,
                proposedAt: at
            )
        )
    }
    return NegotiatingText(
        id: ItemID("text"),
        mechanism: MechanismID("bench"),
        reference: Reference(kind: .text, number: 1),
        title: "Sample draft: joint statement on Border Sea fisheries",
        kind: .jointStatement,
        track: nil,
        workingLanguage: LanguageTag("en")!,
        otherLanguages: [LanguageTag("fr")!],
        sides: [north, south],
        createdBy: north,
        clauses: clauses,
        revision: revision,
        createdAt: at,
        updatedAt: at
    )
}

/// The median of repeated runs of `body` for about a second, in seconds.
private func median(_ body: () -> Int) -> Double {
    _ = body()  // warm-up
    let clock = ContinuousClock()
    let start = clock.now
    var times: [Double] = []
    var sink = 0
    repeat {
        let t0 = clock.now
        sink &+= body()
        let d = clock.now - t0
        times.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    } while clock.now - start < .seconds(1) || times.count < 3
    if sink == Int.min { print(sink) }
    times.sort()
    return times[times.count / 2]
}

private func milliseconds(_ seconds: Double) -> String {
    String(format: "%.1f ms (target < 100 ms)", seconds * 1000)
}
