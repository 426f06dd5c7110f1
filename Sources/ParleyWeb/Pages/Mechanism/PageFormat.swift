// ParleyWeb: how the mechanism pages word and colour things: dates labelled UTC and venue time
// (DESIGN.md "Look and feel": always labelled), statuses as text and colour together, parties by
// name, entry actors as party and role.

import Foundation
import ParleyCore

enum PageFormat {
    /// `2025-02-18 09:00 UTC`.
    static func utc(_ time: Timestamp) -> String {
        format(time, calendar: utcCalendar) + " UTC"
    }

    /// Made once: a page may format hundreds of times (a long text's footnotes).
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `2025-02-18 12:00 venue time (Asia/Riyadh)`; nil when the zone is unknown.
    static func venue(_ time: Timestamp, zone: String) -> String? {
        guard let tz = TimeZone(identifier: zone) else { return nil }
        return format(time, zone: tz) + " venue time (" + zone + ")"
    }

    private static func format(_ time: Timestamp, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return format(time, calendar: calendar)
    }

    private static func format(_ time: Timestamp, calendar: Calendar) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: time.date)
        func two(_ n: Int?) -> String {
            let v = n ?? 0
            return v < 10 ? "0\(v)" : "\(v)"
        }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// An irritant's status in words and the tag colour that goes with it.
    static func status(_ status: IrritantStatus) -> StatusView {
        switch status {
        case .raised: return StatusView(text: "Raised", tag: "tag--red")
        case .acknowledged: return StatusView(text: "Acknowledged", tag: "tag--yellow")
        case .inDiscussion: return StatusView(text: "In discussion", tag: "tag--blue")
        case .resolved: return StatusView(text: "Resolved", tag: "tag--green")
        case .parked: return StatusView(text: "Parked", tag: "tag--grey")
        case .withdrawn: return StatusView(text: "Withdrawn", tag: "tag--grey")
        }
    }

    static func status(_ status: StepStatus) -> StatusView {
        switch status {
        case .open: return StatusView(text: "Open", tag: "tag--blue")
        case .done: return StatusView(text: "Done", tag: "tag--green")
        case .cancelled: return StatusView(text: "Cancelled", tag: "tag--grey")
        }
    }

    static func status(_ status: CommitmentStatus) -> StatusView {
        switch status {
        case .open: return StatusView(text: "Open", tag: "tag--blue")
        case .fulfilled: return StatusView(text: "Fulfilled", tag: "tag--green")
        case .lapsed: return StatusView(text: "Lapsed", tag: "tag--red")
        }
    }

    static func contactKind(_ kind: ContactKind) -> String {
        switch kind {
        case .call: return "Call"
        case .letter: return "Letter"
        case .noteVerbale: return "Note verbale"
        case .aideMemoire: return "Aide-mémoire"
        case .message: return "Message"
        }
    }

    static func meetingKind(_ kind: MeetingKind) -> String {
        switch kind {
        case .roundOfConsultations: return "Round of consultations"
        case .workingMeeting: return "Working meeting"
        case .summit: return "Summit"
        }
    }
}

/// A status as the pages show it: words, and a colour class for the tag.
struct StatusView: Sendable {
    var text: String
    var tag: String
}

/// Party names by id, for one mechanism.
struct PartyNames: Sendable {
    private var names: [PartyID: String] = [:]

    init(_ parties: [Party]) {
        for party in parties { names[party.id] = party.name }
    }

    func name(_ id: PartyID?) -> String {
        guard let id else { return "None" }
        return names[id] ?? "Unknown party"
    }

    /// Who made an entry: `United States (negotiator)`, or `Operator`.
    func actor(_ actor: Actor) -> String {
        if actor.isOperator { return "Operator" }
        return name(actor.party) + " (" + actor.role.rawValue + ")"
    }
}

extension MechanismID {
    /// The mechanism's page address.
    var href: String { "/mechanisms/" + rawValue.addingPathPercentEncoding() }
}
