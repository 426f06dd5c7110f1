// ParleyWeb: the data of the readout pages (DESIGN.md "Readout": each side's public statement
// after a meeting or contact, shown side by side with the other sides' readouts of the same
// event) — the events that can have readouts, and one event's readouts with the form to publish.

struct ReadoutListPage: Sendable {
    struct EventRow: Sendable {
        var reference: String
        var href: String
        var label: String
        var count: Int
    }

    var mechanismTitle: String
    var mechanismHref: String
    var events: [EventRow]
    var hasEvents: Bool
}

struct EventReadoutsPage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var href: String
    var event: String
    var eventHref: String?
    var label: String
    var columns: [DashboardPage.ReadoutColumn]
    var canPublish: Bool
    var ownParty: String?
    var body: String = ""
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var bodyError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        bodyError = errors.message(for: "body")
    }
}
