// ParleyWeb: the data of the private-note pages. A note belongs to its party's private log
// (DESIGN.md "The record is the source of truth"); these pages only ever hold the viewer's own
// party's notes, as `Store.notes` and the read scope give them.

struct NoteListPage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var ownParty: String
    var notes: [DashboardPage.NoteView]
    var hasNotes: Bool
    var canWrite: Bool
}

struct NotePage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var ownParty: String
    var note: DashboardPage.NoteView
    var attachedHref: String?
}

struct WriteNotePage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var ownParty: String
    var body: String = ""
    var about: String = ""
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var bodyError: String?
    var aboutError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages.map {
            // ParleyCore names the subject field `attachedTo`; the form calls it `about`.
            SummaryMessage(field: $0.field == "attachedTo" ? "about" : $0.field, message: $0.message)
        }
        hasErrors = !errors.isEmpty
        bodyError = errors.message(for: "body")
        aboutError = errors.message(for: "attachedTo") ?? errors.message(for: "about")
    }
}
