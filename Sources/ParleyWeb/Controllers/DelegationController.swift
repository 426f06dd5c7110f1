// ParleyWeb: a party's delegation — its members and teams, read by every party of the mechanism
// (they are in the shared record), and its accounts, read by the party alone (they are in its
// private log) — with the lead's forms to add and correct members and form teams. Every change
// goes through `Store.execute`, where ParleyCore's policy decides (`manageDelegation`: the
// party's own lead); the forms are offered by the same policy. POSTs answer 303 on success.

import Hummingbird
import ParleyCore
import ParleyStore

struct DelegationController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms/:id/delegation", use: show)
        group.get("/mechanisms/:id/delegation/members/new", use: newMemberForm)
        group.post("/mechanisms/:id/delegation/members/new", use: addMember)
        group.get("/mechanisms/:id/delegation/members/:member", use: editMemberForm)
        group.post("/mechanisms/:id/delegation/members/:member", use: updateMember)
        group.get("/mechanisms/:id/delegation/teams/new", use: newTeamForm)
        group.post("/mechanisms/:id/delegation/teams/new", use: formTeam)
        group.get("/mechanisms/:id/delegation/accounts/new", use: newAccountForm)
        group.post("/mechanisms/:id/delegation/accounts/new", use: createAccount)
        group.post("/mechanisms/:id/delegation/accounts/:account/role", use: changeRole)
        group.post("/mechanisms/:id/delegation/accounts/:account/deactivate", use: deactivate)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        return try env.render("delegation", try await delegationPage(access), context: context)
    }

    // MARK: - Members

    @Sendable func newMemberForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try access.requireManager(of: try access.ownParty())
        return try env.render("member-form", addMemberPage(access, role: nil), context: context)
    }

    @Sendable func addMember(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        try access.requireManager(of: try access.ownParty())
        let form = context.form
        var page = addMemberPage(access, role: form["role"])
        page.name = form["name"] ?? ""
        page.title = form["title"] ?? ""
        guard let role = DelegationRole(rawValue: form["role"] ?? "") else {
            return try env.reject("member-form", page, Self.chooseRole, context: context)
        }
        let command = AddMember(mechanism: access.id, name: page.name, title: page.title, role: role)
        return try await env.submit(
            "member-form",
            page,
            context: context,
            perform: { try await access.store.execute(.addMember(command), by: access.actor) },
            then: { _ in HTMLResponse.seeOther(access.delegationHref) }
        )
    }

    @Sendable func editMemberForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let member = try access.member(context.parameters.get("member"))
        try access.requireManager(of: member.party)
        var page = editMemberPage(access, member, role: member.role.rawValue)
        page.name = member.name
        page.title = member.title
        return try env.render("member-form", page, context: context)
    }

    @Sendable func updateMember(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let member = try access.member(context.parameters.get("member"))
        try access.requireManager(of: member.party)
        let form = context.form
        var page = editMemberPage(access, member, role: form["role"])
        page.name = form["name"] ?? ""
        page.title = form["title"] ?? ""
        guard let role = DelegationRole(rawValue: form["role"] ?? "") else {
            return try env.reject("member-form", page, Self.chooseRole, context: context)
        }
        let command = UpdateMember(
            mechanism: access.id,
            member: member.id,
            name: page.name,
            title: page.title,
            role: role
        )
        return try await env.submit(
            "member-form",
            page,
            context: context,
            perform: { try await access.store.execute(.updateMember(command), by: access.actor) },
            then: { _ in HTMLResponse.seeOther(access.delegationHref) }
        )
    }

    // MARK: - Teams

    @Sendable func newTeamForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let party = try access.ownParty()
        try access.requireManager(of: party)
        return try env.render("team-new", teamPage(access, party, track: nil, members: []), context: context)
    }

    @Sendable func formTeam(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let party = try access.ownParty()
        try access.requireManager(of: party)
        let form = context.form
        let track = (form["track"] ?? "").trimmingWhitespace()
        let members = form.all("members")
        var page = teamPage(access, party, track: track, members: members)
        page.name = form["name"] ?? ""
        let command = FormTeam(
            mechanism: access.id,
            track: TrackID(track),
            name: page.name,
            members: members.map(MemberID.init)
        )
        return try await env.submit(
            "team-new",
            page,
            context: context,
            perform: { try await access.store.execute(.formTeam(command), by: access.actor) },
            then: { _ in HTMLResponse.seeOther(access.delegationHref) }
        )
    }

    // MARK: - Pages

    static let chooseRole = FormErrors(
        "role",
        "Choose the member's place in the delegation: head of delegation, deputy head, member or expert"
    )

    func delegationPage(_ access: MechanismAccess) async throws -> DelegationPage {
        let party = try access.ownParty()
        // The read scope covers the viewer's own party's private rows only: no other party's
        // account is ever loaded.
        let accounts = try await access.store.items(
            .account,
            in: access.id,
            scope: access.scope,
            limit: Store.maxPageSize
        )
        .rows.compactMap { row -> Account? in if case .account(let a) = row.value { a } else { nil } }
        .filter { $0.party == party }
        return DelegationPage(access: access, party: party, accounts: accounts)
    }

    private func addMemberPage(_ access: MechanismAccess, role: String?) -> MemberFormPage {
        MemberFormPage(
            mechanismTitle: access.mechanism.title,
            delegationHref: access.delegationHref,
            action: access.delegationHref + "/members/new",
            heading: "Add a member to your delegation",
            button: "Add the member",
            roles: FormOption.delegationRoles(selected: role)
        )
    }

    private func editMemberPage(_ access: MechanismAccess, _ member: Member, role: String?) -> MemberFormPage {
        MemberFormPage(
            mechanismTitle: access.mechanism.title,
            delegationHref: access.delegationHref,
            action: access.delegationHref + "/members/" + member.id.rawValue.addingPathPercentEncoding(),
            heading: "Correct a member of your delegation",
            button: "Save the member",
            roles: FormOption.delegationRoles(selected: role)
        )
    }

    private func teamPage(_ access: MechanismAccess, _ party: PartyID, track: String?, members: [String])
        -> TeamFormPage
    {
        let tracks = access.structure.tracks.map {
            FormOption(value: $0.id.rawValue, label: $0.title, selected: $0.id.rawValue == track)
        }
        let own = access.structure.members.filter { $0.party == party }.map {
            FormOption(
                value: $0.id.rawValue,
                label: $0.name + ", " + $0.title,
                selected: members.contains($0.id.rawValue)
            )
        }
        return TeamFormPage(
            mechanismTitle: access.mechanism.title,
            delegationHref: access.delegationHref,
            tracks: tracks,
            hasTracks: !tracks.isEmpty,
            members: own,
            hasMembers: !own.isEmpty
        )
    }
}

extension MechanismAccess {
    var delegationHref: String { id.href + "/delegation" }

    /// A member of any delegation of this mechanism (members are in the shared record), or not found.
    func member(_ raw: String?) throws -> Member {
        guard let raw, let member = structure.members.first(where: { $0.id.rawValue == raw }),
            mechanism.parties.contains(member.party)
        else { throw WebError.notFound }
        return member
    }
}
