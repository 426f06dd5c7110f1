// The demo's negotiating texts. TXT-1 of the Riyadh mechanism holds the points the report says
// both sides agreed, each clause in the report's own words (its quotes of the US Department of
// State, and its own sentences), agreed by both sides; nothing is worded beyond the report.
import ParleyCore

extension DemoSeed {
    /// The points both sides agreed, by the side whose statement the report quotes for them.
    static let agreedClauses: [(by: String, name: String, wording: String)] = [
        (
            "us-negotiator", "clause-mechanism",
            "The United States and Russia agreed to \"\(agreedPoints[0].text)\"."
        ),
        (
            "us-negotiator", "clause-teams",
            "Washington and Moscow will \"\(agreedPoints[1].text)\"."
        ),
        (
            "us-negotiator", "clause-groundwork",
            "The two sides agreed to \"\(agreedPoints[2].text)\"."
        ),
        (
            "ru-negotiator", "clause-interests",
            "The two sides agreed to take into account each other's interests and develop bilateral relations."
        ),
        (
            "us-negotiator", "clause-contact",
            "In a phone call on Saturday, Lavrov and Rubio also agreed to maintain regular contact."
        ),
    ]

    static let texts: [DemoStep] =
        [
            DemoStep("us-negotiator", "txt-riyadh") { n in
                .createText(
                    CreateText(
                        mechanism: try n.m,
                        title:
                            "Points agreed in Riyadh on 18 February 2025, in the words of the report of 19 February 2025",
                        kind: .jointStatement,
                        workingLanguage: "en"
                    )
                )
            }
        ]
        + agreedClauses.enumerated().map { index, clause in
            DemoStep(clause.by, clause.name) { n in
                .proposeClause(
                    ProposeClause(
                        mechanism: try n.m,
                        text: ItemID(try n.id("txt-riyadh")),
                        section: .operative,
                        after: index == 0 ? nil : ClauseID(try n.id(agreedClauses[index - 1].name)),
                        wording: clause.wording
                    )
                )
            }
        }
        + agreedClauses.flatMap { clause in
            ["us-lead", "ru-lead"].map { lead in
                DemoStep(lead) { n in
                    .setClauseStatus(
                        SetClauseStatus(
                            mechanism: try n.m,
                            text: ItemID(try n.id("txt-riyadh")),
                            clause: ClauseID(try n.id(clause.name)),
                            alternative: AlternativeID(try n.id(clause.name + ".alternative")),
                            status: .agreed,
                            wording: clause.wording
                        )
                    )
                }
            }
        }
}
