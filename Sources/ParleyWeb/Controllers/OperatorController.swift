// ParleyWeb: the operator's pages — every mechanism with its parties, tracks and counts of
// accounts, and the forms to open a mechanism, add a party or a track, and open a party's first
// accounts. They mirror `parley mechanism create`, `party add`, `track add` and `account create`
// and go through the same store paths. Only an account ParleyCore's policy lets `administer`
// reaches them; to anyone else they answer the one not-found, as any page they cannot see.

import Hummingbird
import ParleyCore
import ParleyStore

struct OperatorController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/operator", use: home)
        group.post("/operator/mechanisms", use: createMechanism)
        group.get("/operator/mechanisms/:id", use: show)
        group.get("/operator/mechanisms/:id/parties/new", use: newPartyForm)
        group.post("/operator/mechanisms/:id/parties/new", use: addParty)
        group.get("/operator/mechanisms/:id/tracks/new", use: newTrackForm)
        group.post("/operator/mechanisms/:id/tracks/new", use: addTrack)
        group.get("/operator/mechanisms/:id/accounts/new", use: newAccountForm)
        group.post("/operator/mechanisms/:id/accounts/new", use: createAccount)
    }

    @Sendable func home(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try OperatorAccess.resolve(env, context)
        return try env.render("operator", try await homePage(access), context: context)
    }

    @Sendable func createMechanism(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try OperatorAccess.resolve(env, context)
        var page = try await homePage(access)
        page.title = context.form["title"] ?? ""
        page.contactCadenceDays = (context.form["contactCadenceDays"] ?? "").trimmingWhitespace()
        var cadence: Int?
        if !page.contactCadenceDays.isEmpty {
            guard let days = Int(page.contactCadenceDays) else {
                let message = "Enter the contact cadence as a whole number of days, such as 30, or leave it empty"
                return try env.reject("operator", page, FormErrors("contactCadenceDays", message), context: context)
            }
            cadence = days
        }
        let command = CreateMechanism(title: page.title, contactCadenceDays: cadence)
        return try await env.submit(
            "operator",
            page,
            context: context,
            perform: { try await access.store.execute(.createMechanism(command), by: access.actor) },
            then: { result in
                for entry in result.entries {
                    if case .mechanismCreated(let created) = entry.data {
                        return HTMLResponse.seeOther(created.id.operatorHref)
                    }
                }
                return HTMLResponse.seeOther("/operator")
            }
        )
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try OperatorAccess.resolve(env, context)
        let structure = try await access.structure(context)
        let counts = try await access.store.activeAccountCounts(in: structure.mechanism.id)
        return try env.render(
            "operator-mechanism",
            OperatorMechanismPage(structure, accounts: counts),
            context: context
        )
    }

    // MARK: - Parties and tracks

    @Sendable func newPartyForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try OperatorAccess.resolve(env, context)
        let structure = try await access.structure(context)
        return try env.render("party-new", partyPage(structure, kind: PartyKind.side.rawValue), context: context)
    }

    @Sendable func addParty(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try OperatorAccess.resolve(env, context)
        let structure = try await access.structure(context)
        let form = context.form
        var page = partyPage(structure, kind: form["kind"])
        page.name = form["name"] ?? ""
        page.country = form["country"] ?? ""
        page.languages = form["languages"] ?? ""
        guard let kind = PartyKind(rawValue: form["kind"] ?? "") else {
            let errors = FormErrors("kind", "Choose whether the party is a side or a facilitator")
            return try env.reject("party-new", page, errors, context: context)
        }
        let country = page.country.trimmingWhitespace()
        // Working languages as `parley party add --languages` takes them: comma-separated tags.
        let languages = page.languages.split(separator: ",").map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
        let command = AddParty(
            mechanism: structure.mechanism.id,
            name: page.name,
            country: country.isEmpty ? nil : country,
            languages: languages,
            kind: kind
        )
        return try await env.submit(
            "party-new",
            page,
            context: context,
            perform: { try await access.store.execute(.addParty(command), by: access.actor) },
            then: { _ in HTMLResponse.seeOther(structure.mechanism.id.operatorHref) }
        )
    }

    @Sendable func newTrackForm(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try OperatorAccess.resolve(env, context)
        let structure = try await access.structure(context)
        return try env.render("track-new", trackPage(structure), context: context)
    }

    @Sendable func addTrack(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let access = try OperatorAccess.resolve(env, context)
        let structure = try await access.structure(context)
        var page = trackPage(structure)
        page.title = context.form["title"] ?? ""
        let command = AddTrack(mechanism: structure.mechanism.id, title: page.title)
        return try await env.submit(
            "track-new",
            page,
            context: context,
            perform: { try await access.store.execute(.addTrack(command), by: access.actor) },
            then: { _ in HTMLResponse.seeOther(structure.mechanism.id.operatorHref) }
        )
    }

    // MARK: - Pages

    private func homePage(_ access: OperatorAccess) async throws -> OperatorHomePage {
        var rows: [OperatorHomePage.MechanismRow] = []
        for mechanism in try await access.store.allMechanisms() {
            guard let structure = try await access.store.structure(of: mechanism.id, in: nil) else { continue }
            let counts = try await access.store.activeAccountCounts(in: mechanism.id)
            rows.append(
                .init(
                    title: mechanism.title,
                    href: mechanism.id.operatorHref,
                    parties: structure.parties.isEmpty
                        ? "None yet" : structure.parties.map(\.name).joined(separator: ", "),
                    tracks: structure.tracks.count,
                    accounts: counts.values.reduce(0, +)
                )
            )
        }
        return OperatorHomePage(mechanisms: rows, hasMechanisms: !rows.isEmpty)
    }

    private func partyPage(_ structure: MechanismStructure, kind: String?) -> PartyFormPage {
        PartyFormPage(
            mechanismTitle: structure.mechanism.title,
            mechanismHref: structure.mechanism.id.operatorHref,
            kinds: PartyFormPage.kinds(selected: kind)
        )
    }

    private func trackPage(_ structure: MechanismStructure) -> TrackFormPage {
        TrackFormPage(mechanismTitle: structure.mechanism.title, mechanismHref: structure.mechanism.id.operatorHref)
    }
}

/// The operator's view: the store, without any read scope (the operator reads structure only).
struct OperatorAccess: Sendable {
    let store: Store
    let actor: Actor

    static func resolve(_ env: WebEnvironment, _ context: ParleyRequestContext) throws -> OperatorAccess {
        guard let account = context.account else { throw WebError.signInRequired }
        guard Policy.check(.administer, by: account.actor, on: .server) == .allowed,
            let store = env.services.pageStore
        else { throw WebError.notFound }
        return OperatorAccess(store: store, actor: account.actor)
    }

    /// The structure of the mechanism the path names, or not found.
    func structure(_ context: ParleyRequestContext) async throws -> MechanismStructure {
        guard let raw = context.parameters.get("id"),
            let structure = try await store.structure(of: MechanismID(raw), in: nil)
        else { throw WebError.notFound }
        return structure
    }
}
