// ParleyWeb: a page's data made ready for Mustache once, before rendering. swift-mustache reads a
// struct's properties through a new `Mirror` at every `{{name}}`, boxing every property each
// time, and a name missing or nil in the innermost value is looked up again in each value around
// it; on a 300-clause printable text that was most of the render (issue 6). Here each struct is
// reflected once into a `[String: Any]`, which swift-mustache reads as a `MustacheParent` (a
// dictionary lookup), with the same answers: a nil optional becomes an absent key, so the look-up
// still climbs the stack exactly as before.

import Mustache

enum TemplateValues {
    /// `value` with every plain struct in it turned into a dictionary of its stored properties.
    /// Values that render themselves (strings, numbers, anything CustomStringConvertible) and
    /// swift-mustache's own kinds are kept as they are.
    static func prepare(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is any MustacheParent, is any MustacheCustomRenderable,
            is any MustacheCustomRepresentation, is MustacheLambda, is MustacheTemplate:
            return value
        case let sequence as any MustacheSequence:
            return elements(of: sequence)
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { prepare($0.value) }
        case .struct where !(value is any CustomStringConvertible):
            var fields: [String: Any] = [:]
            fields.reserveCapacity(mirror.children.count)
            for child in mirror.children {
                guard let label = child.label, let prepared = prepare(child.value) else { continue }
                fields[label] = prepared
            }
            return fields
        default:
            return value
        }
    }

    private static func elements<S: Sequence>(of sequence: S) -> [Any] {
        // A nil element stays in its place, as swift-mustache would have iterated it.
        sequence.map { prepare($0) as Any }
    }
}
