// ParleyWeb: the data of a lead's delegation forms — add or correct a member, form a team —
// with the input kept and each of ParleyCore's problems beside its field.

struct MemberFormPage: FormPage {
    var mechanismTitle: String
    var delegationHref: String
    /// Where the form posts.
    var action: String
    var heading: String
    var button: String
    var name: String = ""
    var title: String = ""
    var roles: [FormOption]
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var nameError: String?
    var titleError: String?
    var roleError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        nameError = errors.message(for: "name")
        titleError = errors.message(for: "title")
        roleError = errors.message(for: "role")
    }
}

struct TeamFormPage: FormPage {
    var mechanismTitle: String
    var delegationHref: String
    var name: String = ""
    var tracks: [FormOption]
    var hasTracks: Bool
    var members: [FormOption]
    var hasMembers: Bool
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var nameError: String?
    var trackError: String?
    var membersError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        nameError = errors.message(for: "name")
        trackError = errors.message(for: "track")
        membersError = errors.message(for: "members")
    }
}
