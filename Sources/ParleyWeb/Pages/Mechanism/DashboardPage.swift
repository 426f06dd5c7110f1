// ParleyWeb: the mechanism dashboard's data (DESIGN.md "Demo": tracks, meetings, open
// commitments, contacts, both sides' readouts side by side, the viewer's own private notes, and
// the record with its signed checkpoint and how to verify it). Every item carries its reference.
// Mustache reads stored properties only (through `Mirror`), so flags are stored, not computed.

import ParleyCore
import ParleyStore

struct DashboardPage: Sendable {
    struct TrackView: Sendable {
        var title: String
        var coChairs: String
    }
    struct StatusCount: Sendable {
        var status: StatusView
        var count: Int
    }
    struct IrritantRow: Sendable {
        var reference: String
        var href: String
        var title: String
        var status: StatusView
        var raisedBy: String
    }
    struct MeetingView: Sendable {
        var reference: String
        var href: String
        var title: String
        var kind: String
        var utc: String
        var venueTime: String?
        var venue: String
        var thirdCountry: Bool
        var host: String
        var cancelled: Bool
    }
    struct ReadoutColumn: Sendable {
        var party: String
        var readouts: [ReadoutView]
        var hasReadouts: Bool
    }
    struct ReadoutView: Sendable {
        var reference: String
        var body: String
        var published: String
    }
    struct EventReadouts: Sendable {
        var event: String
        var label: String
        var columns: [ReadoutColumn]
    }
    struct NoteView: Sendable {
        var reference: String
        var href: String
        var body: String
        var attachedTo: String?
        var written: String
    }
    struct EntryView: Sendable {
        var index: UInt64
        var kind: String
        var actor: String
        var at: String
    }

    var mechanismID: String
    var title: String
    var href: String
    /// The same as `href`, under the name the layout's navigation reads on every mechanism page.
    var mechanismHref: String
    var sides: String
    var facilitators: String
    var tracks: [TrackView]
    var hasTracks: Bool
    var irritantCounts: [StatusCount]
    var irritantTotal: Int
    var irritants: [IrritantRow]
    var hasIrritants: Bool
    var nextMeetings: [MeetingView]
    var pastMeetings: [MeetingView]
    var hasNextMeetings: Bool
    var hasPastMeetings: Bool
    var commitments: [CommitmentRow]
    var hasCommitments: Bool
    /// More open commitments than the dashboard lists.
    var moreCommitments: Bool
    var contacts: [ContactRow]
    var hasContacts: Bool
    var readouts: [EventReadouts]
    var hasReadouts: Bool
    var notes: [NoteView]
    var hasNotes: Bool
    var ownParty: String?
    var canRaise: Bool
    var canArrange: Bool
    var canWriteNotes: Bool
    var entries: [EntryView]
    var hasEntries: Bool
    var checkpoint: String?
    var logPath: String
    var keyPath: String
    var verifierKey: String
}
