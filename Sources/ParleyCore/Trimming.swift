// Trimming white space without Foundation: on Linux `trimmingCharacters(in:)` bridges through
// NSString and UTF-16, which made it a visible part of every command's cost. Unicode's White_Space
// property plus ZERO WIDTH SPACE is the set CharacterSet.whitespacesAndNewlines holds (a test
// compares the two over the whole Basic Multilingual Plane).
extension String {
    /// This string without leading and trailing white space and line breaks.
    var trimmedOfWhitespace: String {
        let scalars = unicodeScalars
        let kept: (Unicode.Scalar) -> Bool = { !($0.properties.isWhitespace || $0 == "\u{200B}") }
        guard let first = scalars.firstIndex(where: kept), let last = scalars.lastIndex(where: kept)
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
