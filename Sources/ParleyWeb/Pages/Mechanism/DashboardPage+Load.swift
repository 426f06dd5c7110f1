// ParleyWeb: reading the dashboard from the store, within the viewer's read scope. Notes come
// from `Store.notes`, which reads only the viewer's own party's private rows, so another
// party's notes are never loaded, let alone shown.

import ParleyCore
import ParleyStore

extension DashboardPage {
    /// How many recent entries of the shared record the dashboard lists.
    static let recentEntryCount = 10
    /// How many of the newest irritants and contacts the dashboard lists.
    static let latestCount = 10
    /// How many open commitments the dashboard lists, oldest first; the rest are one link away.
    static let commitmentCount = 20

    static func load(_ access: MechanismAccess, now: Timestamp, verifierKey: String) async throws -> DashboardPage {
        let store = access.store
        let scope = access.scope
        let m = access.id
        let names = access.names
        let structure = access.structure
        let members = Dictionary(structure.members.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })

        let tracks = structure.tracks.map { track in
            TrackView(
                title: track.title,
                coChairs: track.coChairs.isEmpty
                    ? "No co-chairs named"
                    : track.coChairs.map { (members[$0.member] ?? "Unknown") + " (" + names.name($0.party) + ")" }
                        .joined(separator: ", ")
            )
        }

        // Counted in SQL and only the newest few loaded, so the page costs the same at 10 or
        // 10,000 irritants (issue 5); the register pages through the rest.
        let counted = try await store.statusCounts(.irritant, in: m, scope: scope)
        let counts = IrritantStatus.allCases.map { status in
            StatusCount(status: PageFormat.status(status), count: counted[status.rawValue] ?? 0)
        }
        let irritantRows = try await store.items(
            .irritant,
            in: m,
            scope: scope,
            newestFirst: true,
            limit: latestCount
        ).rows
            .compactMap { row -> Irritant? in if case .item(.irritant(let i)) = row.value { i } else { nil } }
            .map { IrritantRow($0, mechanism: m, names: names) }

        let meetings = try await store.items(.meeting, in: m, scope: scope, limit: Store.maxPageSize).rows
            .compactMap { row -> Meeting? in if case .item(.meeting(let v)) = row.value { v } else { nil } }
            .sorted { $0.start < $1.start }
        let meetingViews = meetings.map { MeetingView($0, mechanism: m, names: names) }
        let isNext = meetings.map { $0.start.adding(seconds: Int64($0.durationMinutes) * 60) >= now }
        let next = zip(meetingViews, isNext).filter { $0.1 }.map(\.0)
        let past = zip(meetingViews, isNext).filter { !$0.1 }.map(\.0).reversed()

        let openCommitments = try await store.items(
            .commitment,
            status: CommitmentStatus.open.rawValue,
            in: m,
            scope: scope,
            limit: commitmentCount
        )
        let commitments = openCommitments.rows
            .compactMap { row -> Commitment? in if case .item(.commitment(let v)) = row.value { v } else { nil } }
            .map { CommitmentRow($0, mechanism: m, names: names) }

        let contacts = try await store.items(.contact, in: m, scope: scope, newestFirst: true, limit: latestCount).rows
            .compactMap { row -> Contact? in if case .item(.contact(let v)) = row.value { v } else { nil } }
            .reversed()

        // Readouts side by side: one column per side, for each meeting and contact shown that
        // has any, all read in one query.
        let labelled: [(Reference, String)] =
            meetings.map { ($0.reference, $0.title) }
            + contacts.map { ($0.reference, PageFormat.contactKind($0.kind) + " on " + $0.at.day.description) }
        let readouts = try await store.readouts(of: labelled.map(\.0), in: m, scope: scope)
        let events = labelled.compactMap { reference, label -> EventReadouts? in
            guard let found = readouts[reference], !found.isEmpty else { return nil }
            let columns = ReadoutColumn.columns(found, sides: structure.mechanism.sides, names: names)
            return EventReadouts(event: reference.description, label: label, columns: columns)
        }

        let notes = try await store.notes(in: m, scope: scope).map { NoteView($0, mechanism: m) }

        let entries = try await store.recentEntries(of: access.sharedLog, scope: scope, limit: recentEntryCount).map {
            EntryView(index: $0.index, kind: $0.kind.rawValue, actor: names.actor($0.actor), at: PageFormat.utc($0.at))
        }
        let checkpoint = try await store.latestCheckpoint(access.sharedLog.description)
        let sides = structure.parties.filter { $0.kind == .side }.map(\.name)
        let facilitators = structure.parties.filter { $0.kind == .facilitator }.map(\.name)

        return DashboardPage(
            mechanismID: m.rawValue,
            title: structure.mechanism.title,
            href: m.href,
            mechanismHref: m.href,
            sides: sides.joined(separator: ", "),
            facilitators: facilitators.isEmpty ? "None" : facilitators.joined(separator: ", "),
            tracks: tracks,
            hasTracks: !tracks.isEmpty,
            irritantCounts: counts,
            irritantTotal: counted.values.reduce(0, +),
            irritants: irritantRows,
            hasIrritants: !irritantRows.isEmpty,
            nextMeetings: next,
            pastMeetings: Array(past),
            hasNextMeetings: !next.isEmpty,
            hasPastMeetings: !past.isEmpty,
            commitments: commitments,
            hasCommitments: !commitments.isEmpty,
            moreCommitments: openCommitments.next != nil,
            contacts: contacts.map { ContactRow($0, mechanism: m, names: names) },
            hasContacts: !contacts.isEmpty,
            readouts: events,
            hasReadouts: !events.isEmpty,
            notes: notes,
            hasNotes: !notes.isEmpty,
            ownParty: access.actor.party.map { names.name($0) },
            canRaise: access.canWriteShared,
            canArrange: access.canArrange,
            canWriteNotes: access.canWritePrivate,
            entries: entries,
            hasEntries: !entries.isEmpty,
            checkpoint: checkpoint,
            logPath: "/api/v1/mechanisms/" + m.rawValue.addingPathPercentEncoding() + "/log/checkpoint",
            keyPath: "/api/v1/log/key",
            verifierKey: verifierKey
        )
    }
}

extension DashboardPage.IrritantRow {
    init(_ i: Irritant, mechanism: MechanismID, names: PartyNames) {
        self.init(
            reference: i.reference.description,
            href: mechanism.href + "/irritants/" + i.reference.description,
            title: i.title,
            status: PageFormat.status(i.status),
            raisedBy: names.name(i.raisedBy)
        )
    }
}

extension DashboardPage.MeetingView {
    init(_ meeting: Meeting, mechanism: MechanismID, names: PartyNames) {
        self.init(
            reference: meeting.reference.description,
            href: mechanism.href + "/meetings/" + meeting.reference.description,
            title: meeting.title,
            kind: PageFormat.meetingKind(meeting.kind),
            utc: PageFormat.utc(meeting.start),
            venueTime: PageFormat.venue(meeting.start, zone: meeting.timeZone),
            venue: meeting.venue.city + ", " + meeting.venue.country.description,
            thirdCountry: meeting.isThirdCountry,
            host: names.name(meeting.host),
            cancelled: meeting.status == .cancelled
        )
    }
}

extension DashboardPage.NoteView {
    init(_ note: Note, mechanism: MechanismID) {
        self.init(
            reference: note.reference.description,
            href: mechanism.href + "/notes/" + note.reference.description,
            body: note.body,
            attachedTo: note.attachedTo?.description,
            written: PageFormat.utc(note.writtenAt)
        )
    }
}

extension DashboardPage.ReadoutColumn {
    /// One column per side, in the mechanism's order, each with that side's readouts.
    static func columns(_ readouts: [Readout], sides: [PartyID], names: PartyNames) -> [Self] {
        sides.map { side in
            let own = readouts.filter { $0.party == side }.map {
                DashboardPage.ReadoutView(
                    reference: $0.reference.description,
                    body: $0.body,
                    published: PageFormat.utc($0.publishedAt)
                )
            }
            return Self(party: names.name(side), readouts: own, hasReadouts: !own.isEmpty)
        }
    }
}
