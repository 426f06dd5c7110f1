// ParleyWeb: the landing page after sign-in — the mechanisms the account may see — and one
// mechanism's dashboard (read from the store when there is one). A mechanism that does not exist and one the account may not see both end
// in the same `WebError.notFound`.

import Hummingbird
import ParleyCore

struct MechanismsController: Sendable {
    let env: WebEnvironment

    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/mechanisms", use: list)
        group.get("/mechanisms/:id", use: show)
    }

    /// One mechanism as the pages show it.
    struct MechanismView: Sendable {
        var title: String
        var href: String
        var sides: String
        var facilitators: String?

        init(_ summary: MechanismSummary) {
            self.title = summary.title
            self.href = "/mechanisms/" + (summary.id.rawValue.addingPathPercentEncoding())
            self.sides = summary.sides.joined(separator: ", ")
            self.facilitators = summary.facilitators.isEmpty ? nil : summary.facilitators.joined(separator: ", ")
        }
    }

    struct ListPage: Sendable {
        var mechanisms: [MechanismView]
        /// Stored, not computed: Mustache reads values through `Mirror`.
        var hasMechanisms: Bool

        init(mechanisms: [MechanismView]) {
            self.mechanisms = mechanisms
            self.hasMechanisms = !mechanisms.isEmpty
        }
    }

    /// Without a store (in-memory tests): the summary only, in the dashboard's template.
    struct ShowPage: Sendable {
        var title: String
        var sides: String
        var facilitators: String
    }

    @Sendable func list(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        guard let account = context.account else { throw WebError.signInRequired }
        let mechanisms = try await env.services.mechanisms.mechanisms(visibleTo: account)
        return try env.render("mechanisms", ListPage(mechanisms: mechanisms.map(MechanismView.init)), context: context)
    }

    @Sendable func show(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        guard let account = context.account else { throw WebError.signInRequired }
        if env.services.pageStore != nil {
            return try await env.kept(request, context, byMinute: true) {
                let access = try await MechanismAccess.resolve(env, context)
                let page = try await DashboardPage.load(
                    access,
                    now: Timestamp(env.services.clock.now()),
                    verifierKey: try await env.services.logs.verifierKey()
                )
                return try env.renderAnswer("mechanism", page, context: context)
            }
        }
        guard let id = context.parameters.get("id"),
            let mechanism = try await env.services.mechanisms.mechanism(MechanismID(id), visibleTo: account)
        else { throw WebError.notFound }
        let view = MechanismView(mechanism)
        return try env.render(
            "mechanism-summary",
            ShowPage(title: view.title, sides: view.sides, facilitators: view.facilitators ?? "None"),
            context: context
        )
    }
}

extension String {
    /// Percent-encoded for use as one path segment (RFC 3986 §3.3: unreserved characters kept).
    func addingPathPercentEncoding() -> String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + SecureBytes.hex([byte]).uppercased()
            }
        }
        return out
    }
}
