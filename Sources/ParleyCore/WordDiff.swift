// A word-level comparison of two wordings, for showing what changed between two revisions of a
// clause: a longest common subsequence of their tokens, by the O(n·m) dynamic programme of
// Wagner and Fischer (1974), after trimming the common prefix and suffix, which is where most of
// a redline's words are. Clause-sized inputs only: past `maxCells` the middle is shown as one
// deletion and one insertion instead.
//
// Words are found on Unicode scalars (WordDiff+Tokens.swift) and compared without the white space
// after them, which is compared on its own, so a changed phrase reads "their {+diplomatic +}missions"
// and a table cell is a word, not a word or a space. Joining the equal and deleted pieces gives
// back the old wording exactly; the equal and inserted pieces, the new one.

/// What happened to a piece of text between the old and the new wording.
public enum DiffChange: String, Codable, Sendable, CaseIterable {
    case equal
    case inserted
    case deleted
}

/// A run of text with its change.
public struct DiffPiece: Hashable, Codable, Sendable, CustomStringConvertible {
    public var change: DiffChange
    public var text: String

    public init(_ change: DiffChange, _ text: String) {
        self.change = change
        self.text = text
    }

    /// `text`, `{+text+}` or `[-text-]`, the notation of `git diff --word-diff`.
    public var description: String {
        switch change {
        case .equal: return text
        case .inserted: return "{+\(text)+}"
        case .deleted: return "[-\(text)-]"
        }
    }
}

public enum WordDiff {
    /// Beyond this many table cells (old words × new words, after trimming), the changed middle is
    /// shown as a whole rather than word by word.
    public static let maxCells = 16_000_000

    /// The pieces that turn `old` into `new`: within each change, the deletion before the insertion.
    public static func compare(old: String, new: String) -> [DiffPiece] {
        // Most clauses of two revisions are the same: no need to cut them into words.
        if sameWords(old, new) { return old.isEmpty ? [] : [DiffPiece(.equal, old)] }
        let a = Words(old)
        let b = Words(new)
        var interner = Interner()
        let x = a.words.indices.map { interner.id(a, $0) }
        let y = b.words.indices.map { interner.id(b, $0) }
        return pieces(equalSpans(commonSubsequence(x, y), a, b), a, b)
    }

    /// One step of an edit script: keep a token of both, delete one of the old, insert one of the new.
    enum Step: Equatable {
        case keep, delete, insert
    }

    /// A shortest edit script from `a` to `b` keeping a longest common subsequence.
    static func commonSubsequence(_ a: [Int], _ b: [Int]) -> [Step] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let xs = Array(a[prefix..<(a.count - suffix)])
        let ys = Array(b[prefix..<(b.count - suffix)])
        var steps = [Step](repeating: .keep, count: prefix)
        steps.reserveCapacity(a.count + b.count)
        let n = xs.count
        let m = ys.count
        var i = 0
        var j = 0
        if n > 0, m > 0, n * m <= maxCells {
            // t[i * width + j]: the length of a longest common subsequence of xs[i...] and ys[j...].
            let width = m + 1
            var table = [Int32](repeating: 0, count: (n + 1) * width)
            table.withUnsafeMutableBufferPointer { t in
                for i in stride(from: n - 1, through: 0, by: -1) {
                    let row = i * width
                    let below = row + width
                    let xi = xs[i]
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        t[row + j] = xi == ys[j] ? t[below + j + 1] + 1 : max(t[below + j], t[row + j + 1])
                    }
                }
                while i < n, j < m {
                    if xs[i] == ys[j] {
                        steps.append(.keep)
                        (i, j) = (i + 1, j + 1)
                    } else if t[(i + 1) * width + j] >= t[i * width + j + 1] {
                        steps.append(.delete)
                        i += 1
                    } else {
                        steps.append(.insert)
                        j += 1
                    }
                }
            }
        }
        steps += [Step](repeating: .delete, count: n - i) + [Step](repeating: .insert, count: m - j)
        steps += [Step](repeating: .keep, count: suffix)
        return steps
    }

    /// What the two wordings share, as spans of scalars of each (merged where they touch): kept
    /// words, and the white space around them where it is the same on both sides.
    private static func equalSpans(_ steps: [Step], _ a: Words, _ b: Words) -> [(old: Range<Int>, new: Range<Int>)] {
        var spans: [(old: Range<Int>, new: Range<Int>)] = []
        func add(_ old: Range<Int>, _ new: Range<Int>) {
            guard !old.isEmpty else { return }
            if let last = spans.last, last.old.upperBound == old.lowerBound, last.new.upperBound == new.lowerBound {
                spans[spans.count - 1] = (last.old.lowerBound..<old.upperBound, last.new.lowerBound..<new.upperBound)
            } else {
                spans.append((old, new))
            }
        }
        if a.same(a.leading, as: b, b.leading) { add(a.leading, b.leading) }
        var i = 0
        var j = 0
        for step in steps {
            switch step {
            case .keep:
                add(a.words[i], b.words[j])
                if a.same(a.spaces[i], as: b, b.spaces[j]) { add(a.spaces[i], b.spaces[j]) }
                (i, j) = (i + 1, j + 1)
            case .delete: i += 1
            case .insert: j += 1
            }
        }
        return spans
    }

    /// Pieces between the shared spans. White space alone shared between two changes joins them,
    /// so that a changed phrase reads as one deletion and one insertion rather than word by word.
    private static func pieces(_ spans: [(old: Range<Int>, new: Range<Int>)], _ a: Words, _ b: Words) -> [DiffPiece] {
        var result: [DiffPiece] = []
        var old = 0
        var new = 0
        func change(to oldEnd: Int, _ newEnd: Int) {
            if old < oldEnd { result.append(DiffPiece(.deleted, a.text(old..<oldEnd))) }
            if new < newEnd { result.append(DiffPiece(.inserted, b.text(new..<newEnd))) }
        }
        for var span in spans {
            // White space that ends the change on both sides is shared: "[-,-]{+;+} consulates".
            while span.old.lowerBound > old, span.new.lowerBound > new,
                a.scalars[span.old.lowerBound - 1] == b.scalars[span.new.lowerBound - 1],
                Words.kind(a.scalars[span.old.lowerBound - 1]) == .space
            {
                span = (span.old.lowerBound - 1..<span.old.upperBound, span.new.lowerBound - 1..<span.new.upperBound)
            }
            let changeBefore = old < span.old.lowerBound || new < span.new.lowerBound
            let changeAfter = span.old.upperBound < a.scalars.count || span.new.upperBound < b.scalars.count
            if changeBefore && changeAfter && a.isSpace(span.old) { continue }
            change(to: span.old.lowerBound, span.new.lowerBound)
            result.append(DiffPiece(.equal, a.text(span.old)))
            (old, new) = (span.old.upperBound, span.new.upperBound)
        }
        change(to: a.scalars.count, b.scalars.count)
        return result
    }
}
