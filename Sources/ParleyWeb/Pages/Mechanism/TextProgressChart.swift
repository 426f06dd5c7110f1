// ParleyWeb: how the brackets closed, as a small server-made SVG (DESIGN.md "Interfaces":
// pictures where people would rather look than read): bracketed clauses and live alternatives
// at every revision, two lines over the revisions. Only numbers go into the drawing.

import ParleyCore

struct TextProgressChart: Sendable {
    struct Label: Sendable {
        var x: Int
        var y: Int
        var text: String
    }
    var width = 640
    var height = 220
    var bracketPoints: String
    var alternativePoints: String
    var axisBottom: Int
    var axisLeft: Int
    var axisRight: Int
    var labels: [Label]
    /// The same figures in words, for people who do not see the picture.
    var summary: String

    init(_ progress: [TextProgress]) {
        let (left, right, top, bottom) = (48, 16, 16, 40)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let highest = max(1, progress.map { max($0.bracketedClauses, $0.liveAlternatives) }.max() ?? 1)
        let steps = max(1, progress.count - 1)
        func x(_ i: Int) -> Int { left + i * plotWidth / steps }
        func y(_ v: Int) -> Int { top + plotHeight - v * plotHeight / highest }
        func points(_ value: (TextProgress) -> Int) -> String {
            progress.enumerated().map { "\(x($0.offset)),\(y(value($0.element)))" }.joined(separator: " ")
        }
        bracketPoints = points(\.bracketedClauses)
        alternativePoints = points(\.liveAlternatives)
        axisBottom = top + plotHeight
        axisLeft = left
        axisRight = left + plotWidth
        labels = [
            Label(x: 4, y: top + 10, text: String(highest)),
            Label(x: 4, y: top + plotHeight, text: "0"),
        ]
        if let first = progress.first {
            labels.append(Label(x: left, y: height - 12, text: "revision \(first.revision)"))
        }
        if progress.count > 1, let last = progress.last {
            labels.append(Label(x: left + plotWidth - 80, y: height - 12, text: "revision \(last.revision)"))
        }
        let now = progress.last
        summary =
            "\(progress.count) revisions; now \(now?.bracketedClauses ?? 0) bracketed clauses and "
            + "\(now?.liveAlternatives ?? 0) live alternatives, at most \(highest) at any revision."
    }
}
