// ParleyWeb: a lead's forms for their own party's accounts — open one (its one-time password
// shown once, on the answer to the form), change its role, deactivate it. Accounts live in the
// party's private log: an account of another party answers exactly as a missing one (ParleyCore
// refuses with `.notVisible`), and ParleyCore's policy decides who may act.

import Hummingbird
import ParleyCore
import ParleyStore

extension DelegationController {
    @Sendable func newAccountForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let party = try access.ownParty()
        try access.requireManager(of: party)
        return try env.render("account-new", accountPage(access, party, role: nil, member: nil), context: context)
    }

    @Sendable func createAccount(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let party = try access.ownParty()
        try access.requireManager(of: party)
        let form = context.form
        let member = (form["member"] ?? "").trimmingWhitespace()
        var page = accountPage(access, party, role: form["role"], member: member)
        page.username = form["username"] ?? ""
        guard let role = Role(rawValue: form["role"] ?? "") else {
            return try env.reject("account-new", page, Self.chooseAccountRole, context: context)
        }
        let command = CreateAccount(
            mechanism: access.id,
            party: party,
            username: page.username,
            role: role,
            member: member.isEmpty ? nil : MemberID(member)
        )
        let password = OneTimePassword.make()
        return try await env.submit(
            "account-new",
            page,
            context: context,
            perform: {
                try await access.store.openAccount(command, by: access.actor, password: password, hasher: env.hasher)
            },
            then: { _ in
                let created = AccountCreatedPage(
                    mechanismTitle: access.mechanism.title,
                    party: access.names.name(party),
                    username: command.username.trimmingWhitespace(),
                    role: role.rawValue,
                    password: password,
                    backHref: access.delegationHref,
                    backText: "Back to your delegation"
                )
                return try env.render("account-created", created, context: context, status: .created)
            }
        )
    }

    @Sendable func changeRole(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let account = AccountID(context.parameters.get("account") ?? "")
        let page = try await delegationPage(access)
        guard let role = Role(rawValue: context.form["role"] ?? "") else {
            return try env.reject("delegation", page, Self.chooseAccountRole, context: context)
        }
        return try await env.submit(
            "delegation",
            page,
            context: context,
            perform: {
                try await access.store.execute(
                    .changeAccountRole(.init(mechanism: access.id, account: account, role: role)),
                    by: access.actor
                )
            },
            then: { _ in HTMLResponse.seeOther(access.delegationHref) }
        )
    }

    @Sendable func deactivate(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try await MechanismAccess.resolve(env, context)
        let account = AccountID(context.parameters.get("account") ?? "")
        return try await env.submit(
            "delegation",
            try await delegationPage(access),
            context: context,
            perform: {
                try await access.store.execute(
                    .deactivateAccount(.init(mechanism: access.id, account: account)),
                    by: access.actor
                )
            },
            then: { _ in HTMLResponse.seeOther(access.delegationHref) }
        )
    }

    static let chooseAccountRole = FormErrors("role", "Choose lead, negotiator or observer")

    private func accountPage(_ access: MechanismAccess, _ party: PartyID, role: String?, member: String?)
        -> AccountFormPage
    {
        let members = access.structure.members.filter { $0.party == party }.map {
            FormOption(value: $0.id.rawValue, label: $0.name + ", " + $0.title, selected: $0.id.rawValue == member)
        }
        return AccountFormPage(
            mechanismTitle: access.mechanism.title,
            backHref: access.delegationHref,
            backText: "Back to your delegation",
            action: access.delegationHref + "/accounts/new",
            parties: [],
            hasParties: false,
            noPartySelected: true,
            members: members,
            hasMembers: !members.isEmpty,
            noMemberSelected: !members.contains { $0.selected },
            roles: FormOption.accountRoles(selected: role)
        )
    }
}
