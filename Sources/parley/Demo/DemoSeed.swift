// The demo record (DESIGN.md "Demo"): the facts of one published report of the US–Russia talks in
// Riyadh on 18 February 2025, and nothing else, as an ordered list of steps — who acts, which
// command, and a symbolic name for what the step creates. Every quote below is the report's own
// words, copied exactly; where the report gives no time, date or initiator, the value is a
// placeholder and the text says so. Private notes are plainly marked as sample text: no
// assessment or position is invented for a real person.
import ParleyCore

/// One step of the demo: `actor` is `operator` or a demo username.
struct DemoStep: Sendable {
    let actor: String
    /// The symbolic name the created thing is known by in later steps.
    let name: String?
    let command: @Sendable (DemoNames) throws -> Command

    init(_ actor: String, _ name: String? = nil, _ command: @escaping @Sendable (DemoNames) throws -> Command) {
        self.actor = actor
        self.name = name
        self.command = command
    }
}

enum DemoSeed {
    /// The accounts, in the order the sign-in page lists them: username, party name, role, label.
    static let accounts: [(username: String, party: String, role: Role, label: String)] = [
        ("us-lead", "us", .lead, "United States, lead"),
        ("us-negotiator", "us", .negotiator, "United States, negotiator"),
        ("ru-lead", "ru", .lead, "Russia, lead"),
        ("ru-negotiator", "ru", .negotiator, "Russia, negotiator"),
        ("sa-facilitator", "sa", .negotiator, "Saudi Arabia (facilitator, host)"),
    ]

    static let source = "Source: report of 19 February 2025 on the US–Russia talks in Riyadh."

    static let steps: [DemoStep] =
        structure + delegations + meeting + contacts + readouts + irritants + notes + texts + fisheries

    // MARK: Mechanism, parties, tracks, accounts (the operator)

    static let structure: [DemoStep] =
        [
            DemoStep("operator", "m") { _ in .createMechanism(CreateMechanism(title: "US–Russia consultations")) },
            DemoStep("operator", "us") { n in
                .addParty(AddParty(mechanism: try n.m, name: "United States", country: "USA", languages: ["en"]))
            },
            DemoStep("operator", "ru") { n in
                .addParty(AddParty(mechanism: try n.m, name: "Russia", country: "RUS", languages: ["ru", "en"]))
            },
            DemoStep("operator", "sa") { n in
                .addParty(
                    AddParty(
                        mechanism: try n.m,
                        name: "Saudi Arabia",
                        country: "SAU",
                        languages: ["ar", "en"],
                        kind: .facilitator
                    )
                )
            },
            DemoStep("operator", "track-missions") { n in
                .addTrack(AddTrack(mechanism: try n.m, title: "Operation of diplomatic missions"))
            },
            DemoStep("operator", "track-ukraine") { n in
                .addTrack(AddTrack(mechanism: try n.m, title: "Path to ending the conflict in Ukraine"))
            },
            DemoStep("operator", "track-economy") { n in
                .addTrack(AddTrack(mechanism: try n.m, title: "Economic and investment cooperation"))
            },
        ]
        + accounts.map { account in
            DemoStep("operator", account.username) { n in
                .createAccount(
                    CreateAccount(
                        mechanism: try n.m,
                        party: PartyID(try n.id(account.party)),
                        username: account.username,
                        role: account.role
                    )
                )
            }
        }

    // MARK: Delegations, as the report names them (each party's lead)

    static func member(_ lead: String, _ name: String, _ title: String, _ role: DelegationRole, as symbol: String)
        -> DemoStep
    {
        DemoStep(lead, symbol) { n in
            .addMember(AddMember(mechanism: try n.m, name: name, title: title, role: role))
        }
    }

    static let delegations: [DemoStep] = [
        member("us-lead", "Marco Rubio", "Secretary of State", .head, as: "rubio"),
        member("us-lead", "Mike Waltz", "National Security Adviser", .member, as: "waltz"),
        member("us-lead", "Steve Witkoff", "US special envoy to the Middle East", .member, as: "witkoff"),
        member("us-lead", "Donald Trump", "President of the United States", .member, as: "trump"),
        // The report: the Russian delegation was "led by" Lavrov and Ushakov; Lavrov is recorded
        // as head and Ushakov as a member, which claims no more than the report says.
        member("ru-lead", "Sergei Lavrov", "Foreign Minister", .head, as: "lavrov"),
        member("ru-lead", "Yuri Ushakov", "The Kremlin's foreign affairs adviser", .member, as: "ushakov"),
        member("ru-lead", "Vladimir Putin", "President of Russia", .member, as: "putin"),
    ]

    // MARK: The meeting, its agreed points as outcomes and as open commitments

    /// The agreed points, as the report quotes the US Department of State's statement.
    static let agreedPoints: [(track: String, text: String)] = [
        (
            "track-missions",
            "establish a consultation mechanism to address irritants to our bilateral relationship with the objective of taking steps necessary to normalize the operation of our respective diplomatic missions"
        ),
        (
            "track-ukraine",
            "appoint respective high-level teams to begin working on a path to ending the conflict in Ukraine as soon as possible in a way that is enduring, sustainable, and acceptable to all sides"
        ),
        (
            "track-economy",
            "lay the groundwork for future cooperation on matters of mutual geopolitical interest and historic economic and investment opportunities which will emerge from a successful end to the conflict in Ukraine"
        ),
    ]

    static let meeting: [DemoStep] =
        [
            DemoStep("sa-facilitator", "riyadh") { n in
                .scheduleMeeting(
                    ScheduleMeeting(
                        mechanism: try n.m,
                        kind: .roundOfConsultations,
                        title: "Riyadh talks (start time not reported; 09:00 UTC is a placeholder)",
                        start: Timestamp(secondsSince1970: 1_739_869_200),  // 2025-02-18T09:00:00Z, placeholder
                        timeZone: "Asia/Riyadh",
                        durationMinutes: 270,  // "four-and-a-half-hour talks"
                        city: "Riyadh",
                        country: "SAU",
                        host: PartyID(try n.id("sa")),
                        participants: try ["rubio", "waltz", "witkoff", "lavrov", "ushakov"].map {
                            MemberID(try n.id($0))
                        }
                    )
                )
            }
        ]
        + agreedPoints.map { point in
            DemoStep("us-negotiator") { n in
                .addOutcome(
                    AddOutcome(
                        mechanism: try n.m,
                        meeting: ItemID(try n.id("riyadh")),
                        text: "Agreed, in the words of the US Department of State's statement: \"\(point.text)\""
                    )
                )
            }
        }
        + agreedPoints.map { point in
            DemoStep("us-negotiator") { n in
                .recordCommitment(
                    RecordCommitment(
                        mechanism: try n.m,
                        text: "\"\(point.text)\" (US Department of State statement)",
                        owner: .allSides,
                        source: try n.reference("riyadh")
                    )
                )
            }
        }

    // MARK: The calls the report mentions, as contacts

    static let contacts: [DemoStep] = [
        DemoStep("us-negotiator", "trump-putin-call") { n in
            .recordContact(
                RecordContact(
                    mechanism: try n.m,
                    kind: .call,
                    participants: [MemberID(try n.id("trump")), MemberID(try n.id("putin"))],
                    initiatedBy: PartyID(try n.id("us")),
                    at: Timestamp(secondsSince1970: 1_739_188_800),  // 2025-02-10T12:00:00Z, placeholder
                    durationMinutes: 90,
                    summary:
                        "Phone call between US President Donald Trump and Russian President Vladimir Putin, \"last week\" in the report's words: date not reported (10 February 2025 is a placeholder), nor which side initiated it. It lasted nearly an hour and a half; the Russian president extended an invitation for Trump to visit Moscow. \(source)"
                )
            )
        },
        DemoStep("us-negotiator", "lavrov-rubio-call") { n in
            .recordContact(
                RecordContact(
                    mechanism: try n.m,
                    kind: .call,
                    participants: [MemberID(try n.id("lavrov")), MemberID(try n.id("rubio"))],
                    initiatedBy: PartyID(try n.id("us")),
                    at: Timestamp(secondsSince1970: 1_739_620_800),  // 2025-02-15T12:00:00Z, time a placeholder
                    summary:
                        "Phone call between Sergei Lavrov and Marco Rubio on Saturday 15 February 2025 (time not reported, nor which side initiated it): they agreed to maintain regular contact. \(source)"
                )
            )
        },
    ]

    // MARK: Each side's statements, as readouts with the report's quotes

    static func readout(_ actor: String, of event: String, _ body: String) -> DemoStep {
        DemoStep(actor) { n in
            .publishReadout(PublishReadout(mechanism: try n.m, event: try n.reference(event), body: body))
        }
    }

    static let readouts: [DemoStep] = [
        readout(
            "us-negotiator",
            of: "riyadh",
            "Steve Witkoff, US special envoy to the Middle East, described the Riyadh talks as \"positive, upbeat, constructive.\" The statement of the US Department of State: the two sides agreed to \"\(agreedPoints[0].text)\"; to \"\(agreedPoints[1].text)\"; and to \"\(agreedPoints[2].text)\". \(source)"
        ),
        readout(
            "ru-negotiator",
            of: "riyadh",
            "Yuri Ushakov said it was a \"very serious discussion of all the issues we wanted to touch upon,\" noting the two sides agreed to take into account each other's interests and develop bilateral relations. Sergei Lavrov described the discussions as \"very useful.\" The Russian Foreign Ministry's statement: both sides pledged to keep communication channels open to address accumulated issues in bilateral relations, particularly to \"eliminate unilateral obstacles inherited from the previous US administration that hinder mutually beneficial cooperation in trade, economy, and investment.\" \(source)"
        ),
        readout(
            "us-negotiator",
            of: "trump-putin-call",
            "Trump said that the call, which focused on negotiations to end the Ukraine crisis, is \"lengthy and highly productive.\" \(source)"
        ),
        readout(
            "ru-negotiator",
            of: "trump-putin-call",
            "Kremlin spokesperson Dmitry Peskov said that Putin and Trump \"agreed quite quickly to coordinate and hold a working meeting somewhere in a third country.\" \(source)"
        ),
    ]

    // MARK: Irritants the report names

    static let irritants: [DemoStep] = [
        DemoStep("us-negotiator", "irr-missions") { n in
            .raiseIrritant(
                RaiseIrritant(
                    mechanism: try n.m,
                    title: "Operation of diplomatic missions",
                    description:
                        "The US Department of State's statement: a consultation mechanism \"to address irritants to our bilateral relationship with the objective of taking steps necessary to normalize the operation of our respective diplomatic missions\". \(source)",
                    track: TrackID(try n.id("track-missions"))
                )
            )
        },
        DemoStep("ru-negotiator", "irr-obstacles") { n in
            .raiseIrritant(
                RaiseIrritant(
                    mechanism: try n.m,
                    title: "Unilateral obstacles to trade, economy and investment",
                    description:
                        "The Russian Foreign Ministry's statement: to \"eliminate unilateral obstacles inherited from the previous US administration that hinder mutually beneficial cooperation in trade, economy, and investment.\" \(source)",
                    track: TrackID(try n.id("track-economy"))
                )
            )
        },
    ]

    // MARK: Private notes, plainly sample text

    static func note(_ actor: String, on item: String?, _ body: String) -> DemoStep {
        DemoStep(actor) { n in
            .writeNote(
                WriteNote(
                    mechanism: try n.m,
                    attachedTo: try item.map { try n.reference($0) },
                    body: "Sample note (not a real assessment): " + body
                )
            )
        }
    }

    static let notes: [DemoStep] = [
        note(
            "us-negotiator",
            on: "riyadh",
            "this is where the US delegation would keep its own remarks on the meeting; only US accounts can read it."
        ),
        note(
            "us-negotiator",
            on: "irr-obstacles",
            "a private to-do for the US side, e.g. prepare questions for the economic track."
        ),
        note(
            "us-lead",
            on: nil,
            "a standing note of the US side, kept in the US private log and never shown to other parties."
        ),
        note(
            "ru-negotiator",
            on: "riyadh",
            "this is where the Russian delegation would keep its own remarks on the meeting; only Russian accounts can read it."
        ),
        note(
            "ru-negotiator",
            on: "irr-missions",
            "a private to-do for the Russian side, e.g. list the missions' practical issues."
        ),
        note(
            "sa-facilitator",
            on: "riyadh",
            "a facilitator's logistics note, visible to Saudi Arabia's accounts only."
        ),
    ]
}
