// ParleyWeb: the data of the commitment pages (DESIGN.md "Commitment": open → fulfilled, when
// every other side has confirmed, / lapsed) — the register by status, one commitment with each
// confirming side's confirmation, and the form to record one. Confirming and marking lapsed are
// offered only to the leads ParleyCore's policy and rules allow; `Store.execute` decides again.

import ParleyCore

struct CommitmentListPage: Sendable {
    struct Group: Sendable {
        var id: String
        var heading: String
        var commitments: [CommitmentRow]
        var hasCommitments: Bool
    }

    var mechanismTitle: String
    var mechanismHref: String
    var groups: [Group]
    var canRecord: Bool
}

struct CommitmentRow: Sendable {
    var reference: String
    var href: String
    var text: String
    var owner: String
    var due: String?
    var status: StatusView
}

struct CommitmentPage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var href: String
    var commitment: CommitmentRow
    var source: MeetingPage.AgendaItem?
    var recordedAt: String
    var updatedAt: String
    var confirmations: [IrritantPage.SideConfirmation]
    var actions: [IrritantPage.ActionForm]
    var hasActions: Bool
    var canWriteNotes: Bool
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false

    /// The forms `access`'s viewer may use on `commitment` on `today` (UTC).
    static func actions(for commitment: Commitment, access: MechanismAccess, today: CalendarDay) -> [IrritantPage
        .ActionForm]
    {
        guard commitment.status == .open, access.canConfirmForSide, let party = access.actor.party else { return [] }
        var forms: [IrritantPage.ActionForm] = []
        let confirming = commitment.owner.confirmingSides(among: access.mechanism.sides)
        if confirming.contains(party), !commitment.confirmations.contains(party) {
            forms.append(
                .init(
                    action: "confirm",
                    button: "Confirm fulfilment for your side",
                    hint: "It is fulfilled once every other side has confirmed.",
                    takesReason: false,
                    secondary: false
                )
            )
        }
        if let due = commitment.due, today > due {
            forms.append(
                .init(
                    action: "lapse",
                    button: "Mark this commitment lapsed",
                    hint: "It was due on \(due) and is not fulfilled. This cannot be undone.",
                    takesReason: true,
                    secondary: true
                )
            )
        }
        return forms
    }
}

struct RecordCommitmentPage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var text: String = ""
    var owners: [SelectOption]
    var source: String = ""
    var due: String = ""
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var textError: String?
    var ownerError: String?
    var sourceError: String?
    var dueError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        textError = errors.message(for: "text")
        ownerError = errors.message(for: "owner")
        sourceError = errors.message(for: "source")
        dueError = errors.message(for: "due")
    }
}

extension CommitmentRow {
    init(_ c: Commitment, mechanism: MechanismID, names: PartyNames) {
        self.init(
            reference: c.reference.description,
            href: mechanism.href + "/commitments/" + c.reference.description,
            text: c.text,
            owner: { if case .party(let p) = c.owner { names.name(p) } else { "All sides" } }(),
            due: c.due?.description,
            status: PageFormat.status(c.status)
        )
    }
}
