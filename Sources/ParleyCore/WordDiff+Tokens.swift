// The words WordDiff compares, found on Unicode scalars so that a word's combining marks and
// joiners (ZWNJ/ZWJ, part of Persian and other scripts' spelling) are never split from it: a run of
// letters, digits and marks is a word (with an apostrophe between letters: "don't"); each
// ideograph or kana is a word of its own (those scripts put no spaces between words); any other
// symbol or punctuation mark is a word of one scalar. White space is kept apart, after each word.

/// A wording cut into words, each followed by its (possibly empty) white space.
struct Words {
    let scalars: [Unicode.Scalar]
    /// White space before the first word.
    private(set) var leading: Range<Int> = 0..<0
    private(set) var words: [Range<Int>] = []
    /// The white space after each word.
    private(set) var spaces: [Range<Int>] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        let kinds = scalars.map(Words.kind)
        var i = 0
        func skipSpace() -> Range<Int> {
            let start = i
            while i < kinds.count, kinds[i] == .space { i += 1 }
            return start..<i
        }
        leading = skipSpace()
        while i < kinds.count {
            let start = i
            i += 1
            if kinds[start] == .word {
                while i < kinds.count {
                    let apostrophe =
                        (scalars[i] == "'" || scalars[i] == "\u{2019}") && i + 1 < kinds.count && kinds[i + 1] == .word
                    guard kinds[i] == .word || apostrophe else { break }
                    i += 1
                }
            }
            words.append(start..<i)
            spaces.append(skipSpace())
        }
    }

    enum Kind { case word, space, single }

    static func kind(_ s: Unicode.Scalar) -> Kind {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
        case 0x09...0x0D, 0x20: return .space
        case 0..<0x80: return .single
        default: break
        }
        let p = s.properties
        if p.isWhitespace { return .space }
        if p.isIdeographic || (0x3040...0x30FF).contains(s.value) { return .single }
        if p.isAlphabetic || p.numericType != nil { return .word }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return .word
        case .format where s.value == 0x200C || s.value == 0x200D: return .word  // ZWNJ, ZWJ
        default: return .single
        }
    }

    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    func isSpace(_ range: Range<Int>) -> Bool {
        scalars[range].allSatisfy { Words.kind($0) == .space }
    }

    /// Whether `range` of these scalars and `other` of `words`' are the same scalars.
    func same(_ range: Range<Int>, as words: Words, _ other: Range<Int>) -> Bool {
        scalars[range].elementsEqual(words.scalars[other])
    }
}

/// Numbers words so that equal words get equal numbers: an FNV-1a hash of the scalars picks a slot,
/// and a word is compared with the slot's first word before taking its number (linear probing on
/// the rare collision), so equal numbers always mean equal words.
struct Interner {
    private var slots: [UInt64: Int] = [:]
    private var samples: [ArraySlice<Unicode.Scalar>] = []

    mutating func id(_ words: Words, _ index: Int) -> Int {
        let word = words.scalars[words.words[index]]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in word { hash = (hash ^ UInt64(s.value)) &* 0x0000_0100_0000_01B3 }
        while true {
            guard let id = slots[hash] else {
                slots[hash] = samples.count
                samples.append(word)
                return samples.count - 1
            }
            if samples[id].elementsEqual(word) { return id }
            hash &+= 1
        }
    }
}
