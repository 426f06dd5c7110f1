// ParleyWeb: the data of the irritant pages — one irritant with the actions the
// viewer may take, and the form to raise one. Which actions are offered follows ParleyCore's
// lifecycle (DESIGN.md "Irritant": raised → acknowledged → in discussion → resolved only when
// every side confirms / parked / withdrawn only by the raising side); the store's `execute`
// decides again on every POST, so an offered button is a convenience, never the check.

import ParleyCore

struct IrritantPage: Sendable {
    struct SideConfirmation: Sendable {
        var party: String
        var confirmed: Bool
    }
    struct StepView: Sendable {
        var reference: String
        var description: String
        var owner: String
        var due: String?
        var status: StatusView
    }
    /// One POST form: where it goes, what its button says, whether it takes a reason.
    struct ActionForm: Sendable {
        var action: String
        var button: String
        var hint: String
        var takesReason: Bool
        var secondary: Bool
    }

    var mechanismTitle: String
    var mechanismHref: String
    var href: String
    var reference: String
    var title: String
    var description: String
    var status: StatusView
    var raisedBy: String
    var raisedAt: String
    var updatedAt: String
    var track: String?
    var confirmations: [SideConfirmation]
    var steps: [StepView]
    var hasSteps: Bool
    var actions: [ActionForm]
    var hasActions: Bool
    var canWriteNotes: Bool
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false

    /// The forms `access`'s viewer may use on `irritant` now.
    static func actions(for irritant: Irritant, access: MechanismAccess) -> [ActionForm] {
        guard access.canWriteShared, let party = access.actor.party else { return [] }
        var forms: [ActionForm] = []
        let open: [IrritantStatus] = [.raised, .acknowledged, .inDiscussion]
        if irritant.status == .raised, irritant.raisedBy != party {
            forms.append(
                .init(
                    action: "acknowledge",
                    button: "Acknowledge this irritant",
                    hint: "Your side recognises the issue as raised.",
                    takesReason: false,
                    secondary: false
                )
            )
        }
        if irritant.status == .acknowledged {
            forms.append(
                .init(
                    action: "start-discussion",
                    button: "Start discussion",
                    hint: "The sides begin working on it.",
                    takesReason: false,
                    secondary: false
                )
            )
        }
        if irritant.status == .inDiscussion, access.canConfirmForSide {
            if irritant.confirmations.contains(party) {
                forms.append(
                    .init(
                        action: "withdraw-confirmation",
                        button: "Withdraw your side's confirmation",
                        hint: "Your side no longer confirms the resolution.",
                        takesReason: false,
                        secondary: true
                    )
                )
            } else {
                forms.append(
                    .init(
                        action: "confirm-resolution",
                        button: "Confirm resolution for your side",
                        hint: "It is resolved once every side has confirmed.",
                        takesReason: false,
                        secondary: false
                    )
                )
            }
        }
        if open.contains(irritant.status) {
            forms.append(
                .init(
                    action: "park",
                    button: "Park this irritant",
                    hint: "Set it aside for now; it can be reopened.",
                    takesReason: true,
                    secondary: true
                )
            )
        }
        if irritant.status == .parked || irritant.status == .resolved {
            forms.append(
                .init(
                    action: "reopen",
                    button: "Reopen this irritant",
                    hint: "Bring it back into the process.",
                    takesReason: true,
                    secondary: false
                )
            )
        }
        if irritant.raisedBy == party, irritant.status != .withdrawn, irritant.status != .resolved {
            forms.append(
                .init(
                    action: "withdraw",
                    button: "Withdraw this irritant",
                    hint: "Only your side, which raised it, can withdraw it. This cannot be undone.",
                    takesReason: true,
                    secondary: true
                )
            )
        }
        return forms
    }
}

struct RaiseIrritantPage: Sendable {
    struct TrackOption: Sendable {
        var id: String
        var title: String
        var selected: Bool
    }

    var mechanismTitle: String
    var mechanismHref: String
    var title: String = ""
    var description: String = ""
    var tracks: [TrackOption]
    var hasTracks: Bool
    var noTrackSelected: Bool = true
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var titleError: String?
    var descriptionError: String?
    var trackError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        titleError = errors.message(for: "title")
        descriptionError = errors.message(for: "description")
        trackError = errors.message(for: "track")
    }
}
