// Runs the demo seed against a store (DESIGN.md "Demo"): every step through `Store.execute`, so
// the demo is a real record with real entries and signed checkpoints. The operator signs in from
// the store's operators table; every demo account gets the same demo password.
import Foundation
import ParleyCore
import ParleyStore
import ParleyWeb

/// What earlier steps created, by symbolic name.
struct DemoNames: Sendable {
    var ids: [String: String] = [:]
    var references: [String: Reference] = [:]

    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "demo seed: no earlier step created '\(name)'" }
    }

    func id(_ name: String) throws -> String {
        guard let id = ids[name] else { throw Missing(name: name) }
        return id
    }

    func reference(_ name: String) throws -> Reference {
        guard let reference = references[name] else { throw Missing(name: name) }
        return reference
    }

    /// The demo's mechanism.
    var m: MechanismID { get throws { MechanismID(try id("m")) } }
}

enum DemoSeeder {
    static let operatorUsername = "operator"

    /// Seeds an empty store; returns the mechanism id and the accounts to list on the sign-in page.
    static func seed(_ store: Store, passwordHash: String, password: String) async throws -> (
        MechanismID, [DemoAccount]
    ) {
        let operatorID = try await store.addOperator(username: operatorUsername)
        try await store.setCredential(passwordHash, for: operatorID)
        var actors: [String: Actor] = ["operator": .operator(operatorID)]
        var names = DemoNames()
        for (number, step) in DemoSeed.steps.enumerated() {
            guard let actor = actors[step.actor] else {
                throw CLIError("demo seed step \(number + 1): no account '\(step.actor)' yet")
            }
            let command = try step.command(names)
            let result: ExecutionResult
            do {
                result = try await store.execute(command, by: actor)
            } catch {
                throw CLIError("demo seed step \(number + 1) (\(step.actor)) was refused: \(error)")
            }
            guard let name = step.name else { continue }
            let (id, reference) = try created(by: result)
            names.ids[name] = id
            if let reference { names.references[name] = reference }
            // A proposed clause is known by its clause id, and its first alternative by NAME.alternative.
            if case .textClauseProposed(let proposed)? = result.entries.first?.data {
                names.ids[name] = proposed.clause.rawValue
                names.ids[name + ".alternative"] = proposed.alternative.rawValue
            }
            if case .createAccount = command, let account = try await store.account(AccountID(id)) {
                actors[account.username] = account.actor
                try await store.setCredential(passwordHash, for: account.id)
            }
        }
        let accounts =
            (DemoSeed.accounts + DemoSeed.sampleAccounts).map {
                DemoAccount(username: $0.username, label: $0.label, password: password)
            }
            + [
                DemoAccount(
                    username: operatorUsername,
                    label: "Operator (runs the server, reads no content)",
                    password: password
                )
            ]
        return (try names.m, accounts)
    }

    /// The id (and reference, for items) of what the step's first entry created: the entry's
    /// `data.id` and `data.reference`.
    private static func created(by result: ExecutionResult) throws -> (String, Reference?) {
        guard let entry = result.entries.first,
            let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(entry)) as? [String: Any],
            let data = object["data"] as? [String: Any], let id = data["id"] as? String
        else { throw CLIError("demo seed: a step created nothing with an id") }
        return (id, (data["reference"] as? String).flatMap(Reference.init))
    }
}
