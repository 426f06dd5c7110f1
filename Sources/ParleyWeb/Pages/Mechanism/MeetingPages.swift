// ParleyWeb: the data of the meeting pages — the list, one meeting (DESIGN.md "Meeting": start in
// UTC and venue time, venue flagged when in a third country, host, participants, agenda,
// outcomes, the shared joint summary and the viewer's own party's minutes only), and the form to
// schedule one. Forms are offered as the policy allows; `Store.execute` decides again on POST.

import ParleyCore

struct MeetingListPage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var meetings: [DashboardPage.MeetingView]
    var hasMeetings: Bool
    var canSchedule: Bool
}

struct MeetingPage: Sendable {
    struct AgendaItem: Sendable {
        var reference: String
        var href: String?
    }
    struct OutcomeView: Sendable {
        var text: String
        var party: String
        var at: String
    }

    var mechanismTitle: String
    var mechanismHref: String
    var href: String
    var meeting: DashboardPage.MeetingView
    var duration: String
    var updatedAt: String
    var participants: [String]
    var hasParticipants: Bool
    var agenda: [AgendaItem]
    var hasAgenda: Bool
    var outcomes: [OutcomeView]
    var hasOutcomes: Bool
    var jointSummary: String?
    var ownParty: String?
    var minutes: String?
    var minutesRecorded: String?
    var readoutsHref: String
    /// Sides may record the joint summary and outcomes once the meeting has started.
    var canRecordShared: Bool
    var canRecordMinutes: Bool
    var canCancel: Bool
    var canWriteNotes: Bool
    var summaryInput: String
    var outcomeInput: String = ""
    var minutesInput: String
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var summaryError: String?
    var outcomeError: String?
    var minutesError: String?
    var reasonError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        summaryError = errors.message(for: "summary")
        outcomeError = errors.message(for: "outcome")
        minutesError = errors.message(for: "minutes")
        reasonError = errors.message(for: "reason")
    }
}

struct ScheduleMeetingPage: Sendable {
    var mechanismTitle: String
    var mechanismHref: String
    var kinds: [SelectOption]
    var title: String = ""
    var startDate: String = ""
    var startTime: String = ""
    var startInVenueTime: Bool = true
    var timeZone: String = ""
    var durationMinutes: String = ""
    var city: String = ""
    var country: String = ""
    var hosts: [PartyOption]
    var noHost: Bool
    var members: [MemberOption]
    var hasMembers: Bool
    var agenda: String = ""
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var kindError: String?
    var titleError: String?
    var startError: String?
    var timeZoneError: String?
    var durationMinutesError: String?
    var cityError: String?
    var countryError: String?
    var hostError: String?
    var participantsError: String?
    var agendaError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        kindError = errors.message(for: "kind")
        titleError = errors.message(for: "title")
        startError = errors.message(for: "startDate")
        timeZoneError = errors.message(for: "timeZone")
        durationMinutesError = errors.message(for: "durationMinutes")
        cityError = errors.message(for: "city")
        countryError = errors.message(for: "country")
        hostError = errors.message(for: "host")
        participantsError = errors.message(for: "participants")
        agendaError = errors.message(for: "agenda")
    }

    static func kindOptions(selected: String) -> [SelectOption] {
        MeetingKind.allCases.map {
            SelectOption(value: $0.rawValue, label: PageFormat.meetingKind($0), selected: $0.rawValue == selected)
        }
    }
}
