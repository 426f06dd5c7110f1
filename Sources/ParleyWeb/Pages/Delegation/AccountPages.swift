// ParleyWeb: the data of the forms that open an account — a lead's, for their own party, and
// the operator's, for any party of a mechanism — and of the page that shows its one-time
// password. The password is in that one response only: it is stored nowhere but as a hash,
// and every page behind sign-in is sent `Cache-Control: no-store`.

struct AccountFormPage: FormPage {
    var mechanismTitle: String
    var backHref: String
    var backText: String
    /// Where the form posts.
    var action: String
    /// The operator chooses the party; a lead opens accounts of their own party only.
    var parties: [FormOption]
    var hasParties: Bool
    var noPartySelected: Bool
    /// The delegation members an account may be tied to (a lead's form only).
    var members: [FormOption]
    var hasMembers: Bool
    var noMemberSelected: Bool
    var username: String = ""
    var roles: [FormOption]
    var errors: [SummaryMessage] = []
    var hasErrors: Bool = false
    var partyError: String?
    var usernameError: String?
    var roleError: String?
    var memberError: String?

    mutating func show(_ errors: FormErrors) {
        self.errors = errors.messages
        hasErrors = !errors.isEmpty
        partyError = errors.message(for: "party")
        usernameError = errors.message(for: "username")
        roleError = errors.message(for: "role")
        memberError = errors.message(for: "member")
    }
}

struct AccountCreatedPage: Sendable {
    var mechanismTitle: String
    var party: String
    var username: String
    var role: String
    var password: String
    var backHref: String
    var backText: String
}
