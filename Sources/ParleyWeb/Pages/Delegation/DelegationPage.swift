// ParleyWeb: the data of a party's delegation page (DESIGN.md "Member", "Team", "Account").
// Members and teams are entries of the shared log, so every party of the mechanism reads every
// delegation; accounts are entries of their party's private log, so the page lists the viewer's
// own party's accounts only — the store's read scope never loads another party's. Which forms
// are offered follows ParleyCore's policy (`manageDelegation`: the party's lead); the store's
// `execute` decides again on every POST.

import ParleyCore
import ParleyStore

struct DelegationPage: FormPage {
    struct MemberRow: Sendable {
        var name: String
        var title: String
        var role: String
        var editHref: String?
    }
    struct TeamRow: Sendable {
        var name: String
        var track: String
        var members: String
    }
    struct AccountRow: Sendable {
        var username: String
        var role: String
        var active: Bool
        var href: String
        var roles: [FormOption]
        /// Offered the role and deactivation forms (a lead, on an active account).
        var canChange: Bool
    }
    /// One party's members and teams.
    struct Delegation: Sendable {
        var party: String
        var kind: String
        var members: [MemberRow]
        var hasMembers: Bool
        var teams: [TeamRow]
        var hasTeams: Bool
    }

    var mechanismTitle: String
    var mechanismHref: String
    var href: String
    var own: Delegation
    var accounts: [AccountRow]
    var hasAccounts: Bool
    var others: [Delegation]
    var hasOthers: Bool
    var canManage: Bool
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false

    init(access: MechanismAccess, party: PartyID, accounts: [Account]) {
        let canManage = access.manageDelegation(of: party) == .allowed
        let href = access.id.href + "/delegation"
        self.mechanismTitle = access.mechanism.title
        self.mechanismHref = access.id.href
        self.href = href
        self.canManage = canManage
        self.own = Self.delegation(of: party, access.structure, editBase: canManage ? href + "/members/" : nil)
        self.others = access.structure.parties.filter { $0.id != party }.map {
            Self.delegation(of: $0.id, access.structure, editBase: nil)
        }
        self.hasOthers = !others.isEmpty
        self.accounts = accounts.map { account in
            AccountRow(
                username: account.username,
                role: account.role.rawValue,
                active: account.active,
                href: href + "/accounts/" + account.id.rawValue.addingPathPercentEncoding(),
                roles: FormOption.accountRoles(selected: account.role.rawValue),
                canChange: canManage && account.active
            )
        }
        self.hasAccounts = !self.accounts.isEmpty
    }

    /// The page holds a form per account, so the summary names no single field to link to.
    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages.map { SummaryMessage(field: nil, message: $0.message) }
        hasErrors = !errors.isEmpty
    }

    private static func delegation(of party: PartyID, _ structure: MechanismStructure, editBase: String?) -> Delegation
    {
        let members = structure.members.filter { $0.party == party }
        let names = Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let rows = members.map { member in
            MemberRow(
                name: member.name,
                title: member.title,
                role: member.role.label,
                editHref: editBase.map { $0 + member.id.rawValue.addingPathPercentEncoding() }
            )
        }
        let teams = structure.teams.filter { $0.party == party }.map { team in
            TeamRow(
                name: team.name,
                track: structure.tracks.first { $0.id == team.track }?.title ?? "Unknown track",
                members: team.members.compactMap { names[$0] }.joined(separator: ", ")
            )
        }
        let found = structure.parties.first { $0.id == party }
        return Delegation(
            party: found?.name ?? "Unknown party",
            kind: found?.kind == .facilitator ? "Facilitator" : "Side",
            members: rows,
            hasMembers: !rows.isEmpty,
            teams: teams,
            hasTeams: !teams.isEmpty
        )
    }
}

extension MechanismAccess {
    /// ParleyCore's answer to whether the viewer may manage `party`'s delegation.
    func manageDelegation(of party: PartyID) -> Access {
        Policy.check(.manageDelegation, by: actor, on: .delegation(mechanism, party))
    }

    /// Passes when the policy lets the viewer manage `party`'s delegation; otherwise the
    /// policy's own reason as a 403 (or the not-found answer).
    func requireManager(of party: PartyID) throws {
        switch manageDelegation(of: party) {
        case .allowed: return
        case .refused(let reason): throw WebError(.forbidden, reason)
        case .notVisible: throw WebError.notFound
        }
    }

    /// The viewer's own party (every signed-in viewer of a mechanism page has one).
    func ownParty() throws -> PartyID {
        guard let party = actor.party, mechanism.parties.contains(party) else { throw WebError.notFound }
        return party
    }
}
