// ParleyWeb: what the layout needs on every page (service name, language, stylesheet, who is
// signed in and their form token) and the wrapper every page's own data travels in.

import ParleyCore

/// The signed-in person, as the header shows them.
struct AccountView: Sendable {
    var username: String
    var role: String
    /// The operator's work (ParleyCore's `administer`): the header links to the operator's
    /// page instead of the mechanisms, whose content the operator does not read.
    var administers: Bool

    init(_ account: Account) {
        self.username = account.username
        self.role = account.role.rawValue
        self.administers = Policy.check(.administer, by: account.actor, on: .server) == .allowed
    }
}

/// The layout's data.
struct SiteContext: Sendable {
    var serviceName: String
    var language: String
    var stylesheet: String
    var account: AccountView?
    /// The CSRF token for the sign-out form in the header (and any form on the page).
    var csrfToken: String?
}

/// A page's data: `site` for the layout, `page` for the page's own template.
struct PageContext<Page: Sendable>: Sendable {
    var site: SiteContext
    var page: Page
}
