// ParleyWeb: the operator opens a party's first accounts, as `parley account create` does and
// through the same store path (`Store.openAccount`); the one-time password is shown once, on
// the answer to the form.

import Hummingbird
import ParleyCore
import ParleyStore

extension OperatorController {
    @Sendable func newAccountForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try OperatorAccess.resolve(env, context)
        let structure = try await access.structure(context)
        return try env.render(
            "account-new",
            accountPage(structure, party: nil, role: Role.lead.rawValue),
            context: context
        )
    }

    @Sendable func createAccount(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try OperatorAccess.resolve(env, context)
        let structure = try await access.structure(context)
        let form = context.form
        var page = accountPage(structure, party: form["party"], role: form["role"])
        page.username = form["username"] ?? ""
        var errors = FormErrors()
        let party = structure.parties.first { $0.id.rawValue == form["party"] }
        if party == nil { errors.add("party", "Choose the party the account belongs to") }
        let role = Role(rawValue: form["role"] ?? "")
        if role == nil { errors.add("role", "Choose lead, negotiator or observer") }
        guard let party, let role else { return try env.reject("account-new", page, errors, context: context) }
        let command = CreateAccount(
            mechanism: structure.mechanism.id,
            party: party.id,
            username: page.username,
            role: role
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
                    mechanismTitle: structure.mechanism.title,
                    party: party.name,
                    username: command.username.trimmingWhitespace(),
                    role: role.rawValue,
                    password: password,
                    backHref: structure.mechanism.id.operatorHref,
                    backText: "Back to the mechanism"
                )
                return try env.render("account-created", created, context: context, status: .created)
            }
        )
    }

    private func accountPage(_ structure: MechanismStructure, party: String?, role: String?) -> AccountFormPage {
        let parties = structure.parties.map {
            FormOption(value: $0.id.rawValue, label: $0.name, selected: $0.id.rawValue == party)
        }
        return AccountFormPage(
            mechanismTitle: structure.mechanism.title,
            backHref: structure.mechanism.id.operatorHref,
            backText: "Back to the mechanism",
            action: structure.mechanism.id.operatorHref + "/accounts/new",
            parties: parties,
            hasParties: true,
            noPartySelected: !parties.contains { $0.selected },
            members: [],
            hasMembers: false,
            noMemberSelected: true,
            roles: FormOption.accountRoles(selected: role)
        )
    }
}
