// ParleyWeb: one choice of a select, radio group or checkbox group, and the choices the
// administration forms offer.

import ParleyCore

/// One choice, with whether it is the one currently chosen (kept on error).
struct FormOption: Sendable {
    var value: String
    var label: String
    var selected: Bool

    /// The party roles an account may hold (the operator is no party role).
    static func accountRoles(selected: String?) -> [FormOption] {
        Role.partyRoles.map { role in
            FormOption(value: role.rawValue, label: role.label, selected: role.rawValue == selected)
        }
    }

    /// The places in a delegation.
    static func delegationRoles(selected: String?) -> [FormOption] {
        DelegationRole.allCases.map {
            FormOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected)
        }
    }
}

extension Role {
    /// What each role may do, as the forms explain it (DESIGN.md "Access rules").
    var label: String {
        switch self {
        case .lead: return "Lead – also manages the delegation and accounts, confirms and signs for the party"
        case .negotiator: return "Negotiator – writes the shared record and the party's private record"
        case .observer: return "Observer – reads only"
        case .operator: return "Operator"
        }
    }
}

extension DelegationRole {
    var label: String {
        switch self {
        case .head: return "Head of delegation"
        case .deputy: return "Deputy head"
        case .member: return "Member"
        case .expert: return "Expert"
        }
    }
}
