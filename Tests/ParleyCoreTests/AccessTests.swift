import ParleyCore
import Testing

@Suite struct AccessTests {
    @Test func observerCannotWrite() throws {
        var w = try World()
        let raise = RaiseIrritant(mechanism: w.mechanism, title: "Anything", description: "Anything")
        #expect(
            w.refusal(.raiseIrritant(raise), as: w.usObserver)
                == .forbidden("Observers can read but not change the record")
        )
        #expect(
            w.refusal(.writeNote(.init(mechanism: w.mechanism, body: "Private")), as: w.usObserver)
                == .forbidden("Observers can read but not change the record")
        )
    }

    @Test func operatorReadsNoContent() throws {
        let w = try World()
        let mechanism = try #require(w.state.mechanism(w.mechanism))
        #expect(Policy.check(.read, by: w.admin, on: .record(mechanism, .shared(w.mechanism))) == .notVisible)
        #expect(Policy.check(.read, by: w.admin, on: .record(mechanism, .private(w.mechanism, w.us))) == .notVisible)
        #expect(Policy.readScope(for: w.admin, party: nil) == .nothing)
        #expect(w.state.rows(readableIn: Policy.readScope(for: w.admin, party: nil)).isEmpty)
        #expect(Policy.check(.administer, by: w.admin, on: .record(mechanism, .shared(w.mechanism))) == .allowed)
    }

    @Test func operatorTakesNoPartInConsultations() throws {
        var w = try World()
        let raise = RaiseIrritant(mechanism: w.mechanism, title: "Anything", description: "Anything")
        #expect(
            w.refusal(.raiseIrritant(raise), as: w.admin)
                == .forbidden("The operator runs the server and takes no part in the consultations")
        )
        #expect(w.refusal(.writeNote(.init(mechanism: w.mechanism, body: "x")), as: w.admin) == .notVisible)
    }

    @Test func onlyTheOperatorAdministers() throws {
        var w = try World()
        #expect(
            w.refusal(.createMechanism(.init(title: "Another")), as: w.usLead)
                == .forbidden("Only the operator creates mechanisms, parties and tracks")
        )
        #expect(
            w.refusal(.addTrack(.init(mechanism: w.mechanism, title: "Economic cooperation")), as: w.usLead)
                == .forbidden("Only the operator creates mechanisms, parties and tracks")
        )
    }

    @Test func foreignPrivateNoteIsNotVisible() throws {
        var w = try World()
        let note = try w.run(
            .writeNote(.init(mechanism: w.mechanism, body: "Sample text: our assessment")),
            as: w.usNegotiator
        )[0]
        #expect(note.log == .private(w.mechanism, w.us))
        let foreign = w.refusal(
            .editNote(.init(mechanism: w.mechanism, note: note.itemID, body: "Changed")),
            as: w.ruLead
        )
        let missing = w.refusal(
            .editNote(.init(mechanism: w.mechanism, note: ItemID("no-such-note"), body: "Changed")),
            as: w.ruLead
        )
        #expect(foreign == .notVisible)
        #expect(foreign == missing)
        #expect(w.refusal(.deleteNote(.init(mechanism: w.mechanism, note: note.itemID)), as: w.ruLead) == .notVisible)
        // And the facilitator, and an observer of another party, answer the same.
        #expect(w.refusal(.deleteNote(.init(mechanism: w.mechanism, note: note.itemID)), as: w.saLead) == .notVisible)
    }

    @Test func foreignPrivateItemsAreOutsideTheReadScope() throws {
        var w = try World()
        try w.run(.writeNote(.init(mechanism: w.mechanism, body: "Sample text: US note")), as: w.usNegotiator)
        try w.run(.writeNote(.init(mechanism: w.mechanism, body: "Sample text: Russian note")), as: w.ruNegotiator)
        let ruScope = Policy.readScope(for: w.ruNegotiator, party: w.state.party(w.ru))
        let visible = w.state.rows(readableIn: ruScope)
        #expect(visible.contains { $0.kind == .note && $0.owner == w.ru })
        #expect(!visible.contains { $0.owner != nil && $0.owner != w.ru })
        #expect(visible.contains { $0.kind == .mechanism })
    }

    @Test func anotherMechanismIsNotVisible() throws {
        var w = try World()
        let other = try w.run(.createMechanism(.init(title: "Another mechanism")), as: w.admin)[0]
        guard case .mechanismCreated(let m) = other.data else {
            Issue.record("no mechanism")
            return
        }
        #expect(
            w.refusal(.raiseIrritant(.init(mechanism: m.id, title: "x", description: "y")), as: w.usLead) == .notVisible
        )
        #expect(
            w.refusal(
                .raiseIrritant(.init(mechanism: MechanismID("missing"), title: "x", description: "y")),
                as: w.usLead
            )
                == .notVisible
        )
    }

    @Test func refusedCommandProducesNoEntry() throws {
        var w = try World()
        let before = w.state.logs
        let command = Command.raiseIrritant(.init(mechanism: w.mechanism, title: "", description: ""))
        #expect(throws: Refusal.self) {
            try decide(command, by: w.usLead, now: w.now, newID: w.ids.make, state: w.state)
        }
        #expect(throws: Refusal.self) { try w.run(command, as: w.usLead) }
        #expect(w.state.logs == before)
    }

    @Test func facilitatorSchedulesMeetingsAndRecordsContacts() throws {
        var w = try World()
        let meeting = try w.scheduleRiyadh(as: w.saNegotiator)
        #expect(w.meeting(meeting).reference.description == "MTG-1")
        let call = RecordContact(
            mechanism: w.mechanism,
            kind: .call,
            participants: [w.rubio, w.lavrov],
            initiatedBy: w.us,
            at: Timestamp("2025-02-15T10:00:00Z")!,
            durationMinutes: 30,
            summary: "Agreed to maintain regular contact."
        )
        let entries = try w.run(.recordContact(call), as: w.saNegotiator)
        #expect(entries.map(\.kind) == [.contactRecorded])
        #expect(
            w.refusal(
                .recordJointSummary(.init(mechanism: w.mechanism, meeting: meeting, summary: "x")),
                as: w.saNegotiator
            )
                == .forbidden(
                    "Facilitators schedule meetings and record contacts; the sides keep the rest of the record"
                )
        )
    }

    @Test func leadManagesOnlyItsOwnDelegation() throws {
        var w = try World()
        let update = UpdateMember(
            mechanism: w.mechanism,
            member: w.lavrov,
            name: "Changed",
            title: "Changed",
            role: .member
        )
        #expect(
            w.refusal(.updateMember(update), as: w.usLead)
                == .forbidden("You can manage only your own party's delegation")
        )
        #expect(
            w.refusal(
                .addMember(.init(mechanism: w.mechanism, name: "A", title: "B", role: .expert)),
                as: w.usNegotiator
            )
                == .forbidden("Only your party's lead can manage its delegation")
        )
    }

    @Test func anotherPartysAccountIsNotVisible() throws {
        var w = try World()
        guard let ruAccount = w.ruNegotiator.account else {
            Issue.record("no account")
            return
        }
        let change = ChangeAccountRole(mechanism: w.mechanism, account: ruAccount, role: .observer)
        #expect(w.refusal(.changeAccountRole(change), as: w.usLead) == .notVisible)
        try w.run(.changeAccountRole(change), as: w.ruLead)
        #expect(w.state.account(ruAccount)?.role == .observer)
        try w.run(.deactivateAccount(.init(mechanism: w.mechanism, account: ruAccount)), as: w.admin)
        #expect(w.state.account(ruAccount)?.active == false)
    }

    @Test func leadCreatesAccountsOfItsOwnParty() throws {
        var w = try World()
        let create = CreateAccount(mechanism: w.mechanism, party: w.us, username: "us-expert", role: .observer)
        let entries = try w.run(.createAccount(create), as: w.usLead)
        #expect(entries.map(\.log) == [.private(w.mechanism, w.us)])
        #expect(
            w.refusal(
                .createAccount(.init(mechanism: w.mechanism, party: w.ru, username: "ru-x", role: .lead)),
                as: w.usLead
            )
                == .forbidden("You can manage only your own party's delegation")
        )
        #expect(
            w.refusal(.createAccount(create), as: w.usLead)
                == .invalid("username", "The username us-expert is already taken; choose another")
        )
    }

    @Test func accountsAreKeptOutOfTheSharedLog() throws {
        let w = try World()
        #expect(!(w.state.logs[.shared(w.mechanism)] ?? []).contains { $0.kind == .accountCreated })
    }
}

@Suite struct PolicyTests {
    @Test func aLogOfAnotherMechanismIsNotVisible() throws {
        let w = try World()
        let mechanism = try #require(w.state.mechanism(w.mechanism))
        #expect(Policy.check(.read, by: w.usLead, on: .record(mechanism, .shared(MechanismID("other")))) == .notVisible)
        #expect(Policy.check(.read, by: w.usLead, on: .record(mechanism, .private(w.mechanism, w.ru))) == .notVisible)
        #expect(Policy.check(.read, by: w.usObserver, on: .record(mechanism, .private(w.mechanism, w.us))) == .allowed)
        #expect(
            Policy.check(.writePrivate, by: w.saNegotiator, on: .record(mechanism, .private(w.mechanism, w.sa)))
                == .allowed
        )
    }
}
