// ParleyWeb: the data of the contact pages (DESIGN.md "Contact": a call, letter, note verbale,
// aide-mémoire or message outside meetings, with participants, who initiated it, time, duration
// and summary) — the list, one contact, and the form to record one.

import ParleyCore

struct ContactListPage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var contacts: [ContactRow]
    var hasContacts: Bool
    var canRecord: Bool
}

struct ContactRow: Sendable {
    var reference: String
    var href: String
    var kind: String
    var utc: String
    var initiatedBy: String
    var summary: String
}

struct ContactPage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var contact: ContactRow
    var duration: String?
    var participants: [String]
    var recordedAt: String
    var readoutsHref: String
    var canWriteNotes: Bool
}

struct RecordContactPage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var kinds: [SelectOption]
    var initiators: [PartyOption]
    var noInitiator: Bool
    var members: [MemberOption]
    var hasMembers: Bool
    var date: String = ""
    var time: String = ""
    var durationMinutes: String = ""
    var summary: String = ""
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var kindError: String?
    var participantsError: String?
    var initiatedByError: String?
    var atError: String?
    var durationMinutesError: String?
    var summaryError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        kindError = errors.message(for: "kind")
        participantsError = errors.message(for: "participants")
        initiatedByError = errors.message(for: "initiatedBy")
        atError = errors.message(for: "date")
        durationMinutesError = errors.message(for: "durationMinutes")
        summaryError = errors.message(for: "summary")
    }

    static func kindOptions(selected: String) -> [SelectOption] {
        ContactKind.allCases.map {
            SelectOption(value: $0.rawValue, label: PageFormat.contactKind($0), selected: $0.rawValue == selected)
        }
    }
}

extension ContactRow {
    init(_ contact: Contact, mechanism: MechanismID, names: PartyNames) {
        self.init(
            reference: contact.reference.description,
            href: mechanism.href + "/contacts/" + contact.reference.description,
            kind: PageFormat.contactKind(contact.kind),
            utc: PageFormat.utc(contact.at),
            initiatedBy: names.name(contact.initiatedBy),
            summary: contact.summary
        )
    }
}
