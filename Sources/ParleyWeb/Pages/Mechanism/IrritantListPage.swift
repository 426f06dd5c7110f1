// ParleyWeb: the irritant register, one page at a time (issue 5: a page loads only its own rows,
// whatever the mechanism holds). `?status=` keeps to one status and `?page=N` picks the page;
// the links to the previous and next page keep the filter. How many there are comes from the
// store's counts by status, so the page knows its page count without loading the rest.

import Hummingbird
import ParleyCore

struct IrritantListPage: Sendable {
    struct StatusOption: Sendable {
        var value: String
        var text: String
        var selected: Bool
    }

    var mechanismTitle: String
    var mechanismHref: String
    var irritants: [DashboardPage.IrritantRow]
    var hasIrritants: Bool
    var canRaise: Bool
    var statuses: [StatusOption]
    var noStatusSelected: Bool
    /// How many irritants the filter matches, on every page.
    var total: Int
    /// The positions (from 1) of this page's first and last row.
    var first: Int
    var last: Int
    var pageNumber: Int
    var pageCount: Int
    var hasPages: Bool
    var previousHref: String?
    var nextHref: String?
}

/// What the register is asked for: `?status=` (an irritant status as the API spells it) and
/// `?page=N`.
struct IrritantListQuery: Sendable {
    /// Rows per page.
    static let pageSize = 50

    var status: IrritantStatus?

    init(_ request: Request) throws {
        guard let raw = request.uri.queryParameters["status"], !raw.isEmpty else { return }
        guard let status = IrritantStatus(rawValue: String(raw)) else {
            let known = IrritantStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw WebError(.badRequest, "`status` must be one of \(known), or absent for all.", field: "status")
        }
        self.status = status
    }

    /// The address of page `number` of the register with this filter.
    func href(_ base: String, page number: Int) -> String {
        var query: [String] = []
        if let status { query.append("status=" + status.rawValue) }
        if number > 1 { query.append("page=\(number)") }
        return base + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// The filter's choices, this one selected.
    var options: [IrritantListPage.StatusOption] {
        IrritantStatus.allCases.map {
            .init(value: $0.rawValue, text: PageFormat.status($0).text, selected: $0 == status)
        }
    }
}
