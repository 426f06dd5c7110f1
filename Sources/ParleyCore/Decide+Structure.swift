// Rules for the standing structure (DESIGN.md "Access rules"): the operator creates mechanisms,
// parties, tracks and accounts; each party's lead manages its own delegation and accounts.

import Foundation

extension Decision {
    func decide(_ c: CreateMechanism) throws(Refusal) -> [EntryDraft] {
        try authorize(.administer, .server)
        var v = Validation()
        let title = v.line(c.title, "title", label: "a title for the mechanism", max: Limits.title)
        if let days = c.contactCadenceDays {
            v.check(
                Limits.cadenceDays.contains(days),
                "contactCadenceDays",
                "Contact cadence must be a number of days from 1 to \(Limits.cadenceDays.upperBound)"
            )
        }
        try v.finish()
        let id = MechanismID(newID())
        return [
            draft(.shared(id), .mechanismCreated(.init(id: id, title: title, contactCadenceDays: c.contactCadenceDays)))
        ]
    }

    func decide(_ c: AddParty) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        try authorize(.administer, .record(m, .shared(m.id)))
        var v = Validation()
        let name = v.line(c.name, "name", label: "the party's name", max: Limits.name)
        if m.parties.compactMap(state.party).contains(where: { $0.name.lowercased() == name.lowercased() }) {
            v.fail("name", "A party named \(name) is already in this mechanism; give each party its own name")
        }
        var country: CountryCode?
        if let text = c.country, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            country = v.country(text, "country")
        }
        var languages: [LanguageTag] = []
        if c.languages.isEmpty {
            v.fail("languages", "Enter at least one working language as a BCP 47 tag, such as en, ru or ar")
        }
        for (i, text) in c.languages.enumerated() {
            guard let tag = LanguageTag(text) else {
                v.fail("languages[\(i)]", "Working language must be a BCP 47 tag, such as en, ru or ar (not \(text))")
                continue
            }
            if languages.contains(tag) {
                v.fail("languages[\(i)]", "\(text) is listed twice; list each language once")
            } else {
                languages.append(tag)
            }
        }
        try v.finish()
        let party = PartyAdded(id: PartyID(newID()), name: name, country: country, languages: languages, kind: c.kind)
        return [draft(.shared(m.id), .partyAdded(party))]
    }

    func decide(_ c: AddTrack) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        try authorize(.administer, .record(m, .shared(m.id)))
        var v = Validation()
        let title = v.line(c.title, "title", label: "a title for the track", max: Limits.title)
        if m.tracks.compactMap(state.track).contains(where: { $0.title.lowercased() == title.lowercased() }) {
            v.fail("title", "This mechanism already has a track called \(title)")
        }
        try v.finish()
        return [draft(.shared(m.id), .trackAdded(.init(id: TrackID(newID()), title: title)))]
    }

    func decide(_ c: SetCoChair) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        let party = try ownParty()
        try authorize(.manageDelegation, .delegation(m, party))
        guard let track = state.track(c.track), track.mechanism == m.id else { throw .notVisible }
        guard m.kind(of: party) == .side else { throw .forbidden("Tracks have co-chairs from the sides only") }
        var v = Validation()
        v.check(state.member(c.member)?.party == party, "member", "Choose a member of your own delegation as co-chair")
        try v.finish()
        if track.coChairs.contains(CoChair(party: party, member: c.member)) {
            throw .conflict("This member is already your side's co-chair of \(track.title)")
        }
        return [draft(.shared(m.id), .coChairSet(.init(track: track.id, party: party, member: c.member)))]
    }

    func decide(_ c: AddMember) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        let party = try ownParty()
        try authorize(.manageDelegation, .delegation(m, party))
        var v = Validation()
        let name = v.line(c.name, "name", label: "the member's name", max: Limits.name)
        let title = v.line(c.title, "title", label: "the member's title, such as Secretary of State", max: Limits.title)
        try v.finish()
        let member = MemberDetails(id: MemberID(newID()), party: party, name: name, title: title, role: c.role)
        return [draft(.shared(m.id), .memberAdded(member))]
    }

    func decide(_ c: UpdateMember) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        guard let member = state.member(c.member), m.parties.contains(member.party) else { throw .notVisible }
        try authorize(.manageDelegation, .delegation(m, member.party))
        var v = Validation()
        let name = v.line(c.name, "name", label: "the member's name", max: Limits.name)
        let title = v.line(c.title, "title", label: "the member's title, such as Secretary of State", max: Limits.title)
        try v.finish()
        let updated = MemberDetails(id: member.id, party: member.party, name: name, title: title, role: c.role)
        return [draft(.shared(m.id), .memberUpdated(updated))]
    }

    func decide(_ c: FormTeam) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        let party = try ownParty()
        try authorize(.manageDelegation, .delegation(m, party))
        var v = Validation()
        let name = v.line(c.name, "name", label: "a name for the team", max: Limits.name)
        if state.track(c.track)?.mechanism != m.id { v.fail("track", "Choose a track of this mechanism") }
        if c.members.isEmpty { v.fail("members", "Choose at least one member for the team") }
        var seen = Set<MemberID>()
        for (i, id) in c.members.enumerated() {
            if !seen.insert(id).inserted {
                v.fail("members[\(i)]", "A member is listed twice; list each person once")
            } else if state.member(id)?.party != party {
                v.fail("members[\(i)]", "Choose team members from your own delegation")
            }
        }
        try v.finish()
        let team = TeamFormed(id: TeamID(newID()), party: party, track: c.track, name: name, members: c.members)
        return [draft(.shared(m.id), .teamFormed(team))]
    }

    func decide(_ c: CreateAccount) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        guard m.parties.contains(c.party) else { throw .notVisible }
        try authorizeAccounts(of: c.party, in: m)
        var v = Validation()
        let username = c.username.trimmingCharacters(in: .whitespaces)
        if !isUsername(username) {
            v.fail(
                "username",
                "Username must be \(Limits.usernameLength.lowerBound) to \(Limits.usernameLength.upperBound) characters: "
                    + "lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit"
            )
        } else if state.account(username: username) != nil {
            v.fail("username", "The username \(username) is already taken; choose another")
        }
        v.check(Role.partyRoles.contains(c.role), "role", "Choose lead, negotiator or observer")
        if let member = c.member {
            v.check(state.member(member)?.party == c.party, "member", "Choose a member of the account's own party")
        }
        try v.finish()
        let account = AccountCreated(
            id: AccountID(newID()),
            username: username,
            party: c.party,
            role: c.role,
            member: c.member
        )
        return [draft(.private(m.id, c.party), .accountCreated(account))]
    }

    func decide(_ c: ChangeAccountRole) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        let (account, party) = try partyAccount(c.account, in: m)
        try authorizeAccounts(of: party, in: m)
        var v = Validation()
        v.check(Role.partyRoles.contains(c.role), "role", "Choose lead, negotiator or observer")
        try v.finish()
        guard account.active else {
            throw .conflict("Account \(account.username) is deactivated; its role cannot change")
        }
        guard account.role != c.role else {
            throw .conflict("Account \(account.username) already has the role \(c.role.rawValue)")
        }
        return [draft(.private(m.id, party), .accountRoleChanged(.init(id: account.id, role: c.role)))]
    }

    func decide(_ c: DeactivateAccount) throws(Refusal) -> [EntryDraft] {
        let m = try mechanism(c.mechanism)
        let (account, party) = try partyAccount(c.account, in: m)
        try authorizeAccounts(of: party, in: m)
        guard account.active else { throw .conflict("Account \(account.username) is already deactivated") }
        return [draft(.private(m.id, party), .accountDeactivated(.init(id: account.id)))]
    }

    /// Accounts live in their party's private log: another party's lead must not learn that one exists.
    private func partyAccount(_ id: AccountID, in m: Mechanism) throws(Refusal) -> (Account, PartyID) {
        guard let account = state.account(id), let party = account.party, m.parties.contains(party),
            actor.isOperator || actor.party == party
        else { throw .notVisible }
        return (account, party)
    }

    private func authorizeAccounts(of party: PartyID, in m: Mechanism) throws(Refusal) {
        try authorize(actor.isOperator ? .administer : .manageDelegation, .delegation(m, party))
    }

    private func isUsername(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func allowed(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
        }
        return Limits.usernameLength.contains(bytes.count) && allowed(bytes[0])
            && bytes.allSatisfy {
                allowed($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            }
    }
}
