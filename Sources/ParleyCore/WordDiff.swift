// A word-level comparison of two wordings, for showing what changed between two revisions of a
// clause: a longest common subsequence of their tokens, by the O(n·m) dynamic programme of
// Wagner and Fischer (1974), after trimming the common prefix and suffix, which is where most of
// a redline's words are. Clause-sized inputs only: past `maxCells` the middle is shown as one
// deletion and one insertion instead.
//
// Tokens are Unicode-aware and work on scalars (never splitting a word's combining marks or
// ZWNJ/ZWJ from it): a run of letters, digits and marks is a word; a run of white space is one
// token; each ideograph (Han, kana) and each other symbol or punctuation mark is its own token.
// Joining the equal and deleted pieces gives back the old wording exactly; the equal and inserted
// pieces, the new one.

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
    /// Beyond this many table cells (old tokens × new tokens, after trimming), the changed middle is
    /// shown as a whole rather than word by word.
    public static let maxCells = 16_000_000

    /// The pieces that turn `old` into `new`: deletions before insertions within each change.
    public static func compare(old: String, new: String) -> [DiffPiece] {
        let a = Tokens(old)
        let b = Tokens(new)
        var interned: [ArraySlice<Unicode.Scalar>: Int] = [:]
        func ids(_ t: Tokens) -> [Int] {
            t.ranges.map { range in
                let key = t.scalars[range]
                if let id = interned[key] { return id }
                let id = interned.count
                interned[key] = id
                return id
            }
        }
        let x = ids(a)
        let y = ids(b)
        var steps = commonSubsequence(x, y)
        startChangesAtWords(&steps, x, y, a, b)
        return pieces(steps, a, b)
    }

    /// Among equally long alignments, prefers the one whose inserted or deleted run starts with a
    /// word rather than a space: "their {+diplomatic +}missions", not "their{+ diplomatic+} missions".
    /// A pure run whose first token is a space equal to the kept token after it slides right by one.
    private static func startChangesAtWords(_ steps: inout [Step], _ x: [Int], _ y: [Int], _ a: Tokens, _ b: Tokens) {
        var i = 0  // old tokens before steps[k]
        var j = 0  // new tokens before steps[k]
        var k = 0
        while k < steps.count {
            guard steps[k] != .keep else {
                (i, j, k) = (i + 1, j + 1, k + 1)
                continue
            }
            let kind = steps[k]
            var end = k
            while end < steps.count, steps[end] == kind { end += 1 }
            let (tokens, first) = kind == .insert ? (y, j) : (x, i)
            let isSpace = kind == .insert ? b.isSpace(first..<(first + 1)) : a.isSpace(first..<(first + 1))
            let length = end - k
            if end < steps.count, steps[end] == .keep, isSpace, tokens[first] == tokens[first + length] {
                // Keep the space first (it matches the kept token after the run), change one later.
                steps[k] = .keep
                steps[end] = kind
                (i, j, k) = (i + 1, j + 1, k + 1)
                continue
            }
            if kind == .insert { j += length } else { i += length }
            k = end
        }
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
        let x = a[prefix..<(a.count - suffix)]
        let y = b[prefix..<(b.count - suffix)]
        var steps = [Step](repeating: .keep, count: prefix)
        steps.reserveCapacity(a.count + b.count)
        let n = x.count
        let m = y.count
        if n == 0 || m == 0 || n * m > maxCells {
            steps += [Step](repeating: .delete, count: n) + [Step](repeating: .insert, count: m)
        } else {
            // table[i * (m + 1) + j]: the length of a longest common subsequence of x[i...] and y[j...].
            var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
            let xs = Array(x)
            let ys = Array(y)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * (m + 1) + j] =
                        xs[i] == ys[j]
                        ? table[(i + 1) * (m + 1) + j + 1] + 1
                        : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < n, j < m {
                if xs[i] == ys[j] {
                    steps.append(.keep)
                    i += 1
                    j += 1
                } else if table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] {
                    steps.append(.delete)
                    i += 1
                } else {
                    steps.append(.insert)
                    j += 1
                }
            }
            steps += [Step](repeating: .delete, count: n - i) + [Step](repeating: .insert, count: m - j)
        }
        steps += [Step](repeating: .keep, count: suffix)
        return steps
    }

    /// Turns token steps into pieces. A change region runs from one kept run to the next; a kept
    /// run of white space alone between two changes joins the region (both sides), so that a
    /// changed phrase reads as one deletion and one insertion rather than word by word.
    private static func pieces(_ steps: [Step], _ a: Tokens, _ b: Tokens) -> [DiffPiece] {
        // Runs of equal steps, with the token ranges they cover on each side.
        struct Run {
            var step: Step
            var old: Range<Int>
            var new: Range<Int>
        }
        var runs: [Run] = []
        var i = 0
        var j = 0
        for step in steps {
            let (di, dj) = step == .keep ? (1, 1) : step == .delete ? (1, 0) : (0, 1)
            if let last = runs.last, last.step == step {
                runs[runs.count - 1].old = last.old.lowerBound..<(i + di)
                runs[runs.count - 1].new = last.new.lowerBound..<(j + dj)
            } else {
                runs.append(Run(step: step, old: i..<(i + di), new: j..<(j + dj)))
            }
            i += di
            j += dj
        }
        var result: [DiffPiece] = []
        var deleted = ""
        var inserted = ""
        func flush() {
            if !deleted.isEmpty { result.append(DiffPiece(.deleted, deleted)) }
            if !inserted.isEmpty { result.append(DiffPiece(.inserted, inserted)) }
            (deleted, inserted) = ("", "")
        }
        for (k, run) in runs.enumerated() {
            switch run.step {
            case .delete:
                deleted += a.text(run.old)
            case .insert:
                inserted += b.text(run.new)
            case .keep:
                let between = k > 0 && k < runs.count - 1
                if between && a.isSpace(run.old) {
                    deleted += a.text(run.old)
                    inserted += b.text(run.new)
                } else {
                    flush()
                    result.append(DiffPiece(.equal, a.text(run.old)))
                }
            }
        }
        flush()
        return result
    }
}

/// A wording cut into tokens (ranges of its scalars).
private struct Tokens {
    let scalars: [Unicode.Scalar]
    var ranges: [Range<Int>] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var start = 0
        while start < scalars.count {
            let kind = Tokens.kind(scalars[start])
            var end = start + 1
            if kind == .word || kind == .space {
                while end < scalars.count {
                    let next = Tokens.kind(scalars[end])
                    // An apostrophe between letters belongs to the word: "don't", "l'accord".
                    let apostrophe =
                        kind == .word && (scalars[end] == "'" || scalars[end] == "\u{2019}")
                        && end + 1 < scalars.count && Tokens.kind(scalars[end + 1]) == .word
                    guard next == kind || apostrophe else { break }
                    end += 1
                }
            }
            ranges.append(start..<end)
            start = end
        }
    }

    enum Kind { case word, space, single }

    static func kind(_ s: Unicode.Scalar) -> Kind {
        let p = s.properties
        if p.isWhitespace { return .space }
        // Ideographs and kana are words of their own: these scripts put no spaces between words.
        if p.isIdeographic || (0x3040...0x30FF).contains(s.value) { return .single }
        if p.isAlphabetic || p.numericType != nil { return .word }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return .word
        case .format where s.value == 0x200C || s.value == 0x200D: return .word  // ZWNJ, ZWJ
        default: return .single
        }
    }

    /// The text of tokens `range`.
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[ranges[range.lowerBound].lowerBound..<ranges[range.upperBound - 1].upperBound])
        return String(view)
    }

    func isSpace(_ range: Range<Int>) -> Bool {
        range.allSatisfy { Tokens.kind(scalars[ranges[$0].lowerBound]) == .space }
    }
}
