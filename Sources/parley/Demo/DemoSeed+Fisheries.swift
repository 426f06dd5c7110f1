// The demo's second mechanism, plainly fictional: "Sample: Northland–Southland fisheries talks"
// between two invented states, with a bracketed draft in English and French, so that a newcomer
// can try the whole text workflow (amend, compromise, agree, translate, adopt, sign) without
// putting words in any real delegation's mouth. Every word here is invented sample text.
import ParleyCore

extension DemoSeed {
    static let sampleAccounts: [(username: String, party: String, role: Role, label: String)] = [
        ("north-lead", "north", .lead, "Sample: Northland, lead (fictional)"),
        ("north-negotiator", "north", .negotiator, "Sample: Northland, negotiator (fictional)"),
        ("south-lead", "south", .lead, "Sample: Southland, lead (fictional)"),
        ("south-negotiator", "south", .negotiator, "Sample: Southland, negotiator (fictional)"),
    ]

    /// The sample mechanism's id.
    static func m2(_ n: DemoNames) throws -> MechanismID { MechanismID(try n.id("m2")) }
    static func sampleText(_ n: DemoNames) throws -> ItemID { ItemID(try n.id("txt-fish")) }

    static let samplePreamble = "Recognising the shared importance of the fish stocks of the Border Sea,"
    static let samplePreambleFrench = "Reconnaissant l'importance commune des stocks de poissons de la mer Frontière,"
    static let sampleLimitNorth =
        "The Parties shall set a joint annual catch limit for the Border Sea on the advice of a joint scientific committee."
    static let sampleLimitSouth =
        "The Parties shall each set a national catch limit for the Border Sea after consulting a joint scientific committee."
    static let sampleData = "The Parties shall exchange catch data every quarter."
    static let sampleDataRevised = "The Parties shall exchange catch data every month."
    static let sampleInspection = "Each Party may inspect fishing vessels of the other Party in its own waters."

    static func sampleClause(
        _ actor: String,
        _ name: String,
        after: String?,
        _ section: ClauseSection,
        _ wording: String
    )
        -> DemoStep
    {
        DemoStep(actor, name) { n in
            .proposeClause(
                ProposeClause(
                    mechanism: try m2(n),
                    text: try sampleText(n),
                    section: section,
                    after: try after.map { ClauseID(try n.id($0)) },
                    wording: wording
                )
            )
        }
    }

    static func sampleStatus(_ actor: String, _ clause: String, _ status: ClauseStatus, _ wording: String) -> DemoStep {
        DemoStep(actor) { n in
            .setClauseStatus(
                SetClauseStatus(
                    mechanism: try m2(n),
                    text: try sampleText(n),
                    clause: ClauseID(try n.id(clause)),
                    alternative: AlternativeID(try n.id(clause + ".alternative")),
                    status: status,
                    wording: wording
                )
            )
        }
    }

    static func sampleVersion(_ actor: String, _ clause: String, _ wording: String, authentic: Bool) -> DemoStep {
        DemoStep(actor) { n in
            .setLanguageVersion(
                SetLanguageVersion(
                    mechanism: try m2(n),
                    text: try sampleText(n),
                    clause: ClauseID(try n.id(clause)),
                    alternative: AlternativeID(try n.id(clause + ".alternative")),
                    language: "fr",
                    wording: wording,
                    authentic: authentic
                )
            )
        }
    }

    static let fisheries: [DemoStep] =
        [
            DemoStep("operator", "m2") { _ in
                .createMechanism(CreateMechanism(title: "Sample: Northland–Southland fisheries talks"))
            },
            DemoStep("operator", "north") { n in
                .addParty(AddParty(mechanism: try m2(n), name: "Northland (fictional)", languages: ["en"]))
            },
            DemoStep("operator", "south") { n in
                .addParty(AddParty(mechanism: try m2(n), name: "Southland (fictional)", languages: ["fr", "en"]))
            },
            DemoStep("operator", "track-fish") { n in
                .addTrack(AddTrack(mechanism: try m2(n), title: "Sample track: Border Sea fish stocks"))
            },
        ]
        + sampleAccounts.map { account in
            DemoStep("operator", account.username) { n in
                .createAccount(
                    CreateAccount(
                        mechanism: try m2(n),
                        party: PartyID(try n.id(account.party)),
                        username: account.username,
                        role: account.role
                    )
                )
            }
        }
        + [
            DemoStep("north-negotiator", "txt-fish") { n in
                .createText(
                    CreateText(
                        mechanism: try m2(n),
                        title: "Sample draft: joint statement on Border Sea fisheries (fictional)",
                        kind: .jointStatement,
                        track: TrackID(try n.id("track-fish")),
                        workingLanguage: "en",
                        otherLanguages: ["fr"]
                    )
                )
            },
            sampleClause("north-negotiator", "fish-pp1", after: nil, .preamble, samplePreamble),
            sampleClause("north-negotiator", "fish-limit", after: nil, .operative, sampleLimitNorth),
            sampleClause("south-negotiator", "fish-data", after: "fish-limit", .operative, sampleData),
            sampleClause("north-negotiator", "fish-inspection", after: "fish-data", .operative, sampleInspection),
            // Clause 1 becomes bracketed: Southland's amendment beside Northland's words.
            DemoStep("south-negotiator") { n in
                .proposeAmendment(
                    ProposeAmendment(
                        mechanism: try m2(n),
                        text: try sampleText(n),
                        clause: ClauseID(try n.id("fish-limit")),
                        wording: sampleLimitSouth
                    )
                )
            },
            // Clause 3 becomes bracketed: Southland proposes deleting it.
            DemoStep("south-negotiator") { n in
                .proposeDeletion(
                    ProposeDeletion(
                        mechanism: try m2(n),
                        text: try sampleText(n),
                        clause: ClauseID(try n.id("fish-inspection"))
                    )
                )
            },
            // The preamble paragraph is agreed in both languages.
            sampleVersion("south-negotiator", "fish-pp1", samplePreambleFrench, authentic: true),
            sampleStatus("north-negotiator", "fish-pp1", .agreed, samplePreamble),
            sampleStatus("south-negotiator", "fish-pp1", .agreed, samplePreamble),
            // Clause 2: a French working translation, then Southland revises its words, so the
            // translation shows as stale; Northland agrees ad referendum to the new words.
            sampleVersion(
                "south-negotiator",
                "fish-data",
                "Les Parties échangent leurs données de capture chaque trimestre.",
                authentic: false
            ),
            DemoStep("south-negotiator") { n in
                .reviseAlternative(
                    ReviseAlternative(
                        mechanism: try m2(n),
                        text: try sampleText(n),
                        clause: ClauseID(try n.id("fish-data")),
                        alternative: AlternativeID(try n.id("fish-data.alternative")),
                        wording: sampleDataRevised
                    )
                )
            },
            sampleStatus("north-negotiator", "fish-data", .agreedAdReferendum, sampleDataRevised),
            DemoStep("south-negotiator") { n in
                .commentOnClause(
                    CommentOnClause(
                        mechanism: try m2(n),
                        text: try sampleText(n),
                        clause: ClauseID(try n.id("fish-limit")),
                        body: "Sample comment: our scientists can meet before the next round."
                    )
                )
            },
        ]
}
