// Why a command was refused (STYLE.md 8: small typed errors, one mapping to HTTP at the edge).
// A refused command produces no entry.

/// One field's problem, phrased for the person who filled it in (GOV.UK error message style).
public struct FieldError: Hashable, Sendable, CustomStringConvertible {
    /// The command's field name, e.g. `title`, `participants[2]`.
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// A refused command.
public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The target does not exist or is another party's private item. The web answers both with
    /// the same 404, so no one learns which (DESIGN.md "Access rules").
    case notVisible
    /// The actor may see the target but may not do this; the reason says who may.
    case forbidden(String)
    /// Some fields are wrong; every problem found is listed, in field order.
    case invalid([FieldError])
    /// The item's lifecycle does not allow this now, e.g. "IRR-3 is withdrawn; reopen is not possible".
    case conflict(String)

    public var description: String {
        switch self {
        case .notVisible: return "not found"
        case .forbidden(let reason): return "forbidden: \(reason)"
        case .invalid(let problems): return "invalid: " + problems.map(\.description).joined(separator: "; ")
        case .conflict(let reason): return "conflict: \(reason)"
        }
    }

    /// A single-field validation refusal.
    public static func invalid(_ field: String, _ message: String) -> Refusal {
        .invalid([FieldError(field: field, message: message)])
    }
}
