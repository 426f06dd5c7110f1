// ParleyWeb: carrying out one change for the viewer. `Store.execute` asks ParleyCore's policy and
// rules (DESIGN.md "Access rules": the decision is made in one place); a refusal comes back for
// the page to show, except "not visible", which answers exactly as a missing item.

import Foundation
import ParleyCore
import ParleyStore

extension MechanismAccess {
    /// Executes `command` as the viewer at `now`: the appended entries, or the refusal to show.
    func execute(_ command: Command, now: Date) async throws -> Result<ExecutionResult, Refusal> {
        do {
            return .success(try await store.execute(command, by: actor, now: now))
        } catch let refusal as Refusal {
            if refusal == .notVisible { throw WebError.notFound }
            return .failure(refusal)
        }
    }

    /// A member as pages name them: `Marco Rubio (United States)`.
    func memberName(_ id: MemberID) -> String {
        guard let member = structure.members.first(where: { $0.id == id }) else { return "Unknown member" }
        return member.name + " (" + names.name(member.party) + ")"
    }

    /// Every member of every party, as checkboxes, those in `checked` ticked.
    func memberOptions(checked: [String]) -> [MemberOption] {
        structure.members.map {
            MemberOption(
                id: $0.id.rawValue,
                label: $0.name + ", " + $0.title + " (" + names.name($0.party) + ")",
                checked: checked.contains($0.id.rawValue)
            )
        }
    }

    /// The mechanism's parties as a select's options, `selected` chosen.
    func partyOptions(selected: String, sidesOnly: Bool = false) -> [PartyOption] {
        structure.parties.filter { !sidesOnly || $0.kind == .side }.map {
            PartyOption(id: $0.id.rawValue, name: $0.name, selected: $0.id.rawValue == selected)
        }
    }

    /// Where a shared item's page is, for the kinds that have one.
    func href(of reference: Reference) -> String? {
        let base = id.href
        switch reference.kind {
        case .irritant: return base + "/irritants/" + reference.description
        case .meeting: return base + "/meetings/" + reference.description
        case .contact: return base + "/contacts/" + reference.description
        case .commitment: return base + "/commitments/" + reference.description
        case .note: return base + "/notes/" + reference.description
        case .text, .step, .readout: return nil
        }
    }
}

/// One checkbox of a member.
struct MemberOption: Sendable {
    var id: String
    var label: String
    var checked: Bool
}

/// One option of a party select.
struct PartyOption: Sendable {
    var id: String
    var name: String
    var selected: Bool
}

/// One option of any other select.
struct SelectOption: Sendable {
    var value: String
    var label: String
    var selected: Bool
}
