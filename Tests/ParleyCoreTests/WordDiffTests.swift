import Foundation
import ParleyCore
import Testing

@Suite struct WordDiffTests {
    func marked(_ old: String, _ new: String) -> String {
        WordDiff.compare(old: old, new: new).map(\.description).joined()
    }

    @Test func identicalWordingsAreOneEqualPiece() {
        #expect(
            WordDiff.compare(old: "The sides agree.", new: "The sides agree.") == [
                DiffPiece(.equal, "The sides agree.")
            ]
        )
        #expect(WordDiff.compare(old: "", new: "") == [])
    }

    @Test func marksInsertedAndDeletedWords() {
        #expect(
            marked("The sides will meet.", "The sides will meet regularly.") == "The sides will meet{+ regularly+}."
        )
        #expect(
            marked("The sides will meet regularly.", "The sides will meet.") == "The sides will meet[- regularly-]."
        )
        #expect(marked("", "New clause.") == "{+New clause.+}")
        #expect(marked("Old clause.", "") == "[-Old clause.-]")
    }

    @Test func aChangedPhraseReadsAsOneDeletionAndOneInsertion() {
        #expect(
            marked(
                "The sides will restore embassy staffing in full.",
                "The sides will restore embassy staffing step by step."
            )
                == "The sides will restore embassy staffing [-in full-]{+step by step+}."
        )
    }

    @Test func punctuationIsItsOwnToken() {
        #expect(marked("missions, consulates", "missions; consulates") == "missions[-,-]{+;+} consulates")
        #expect(marked("the parties' views", "the parties' positions") == "the parties' [-views-]{+positions+}")
        #expect(marked("don't agree", "do not agree") == "[-don't-]{+do not+} agree")
    }

    @Test func whiteSpaceIsComparedApartFromWords() {
        #expect(marked("the  sides", "the sides") == "the[- -] sides")
        #expect(marked("the sides\nagree", "the sides agree") == "the sides[-\n-]{+ +}agree")
        #expect(marked("  indented", "indented") == "[-  -]indented")
    }

    @Test func combiningMarksAndJoinersStayInTheirWord() {
        // Persian: ZWNJ (U+200C) inside "می‌کنند"; a changed word is replaced whole.
        #expect(marked("آنها می\u{200C}کنند", "آنها نمی\u{200C}کنند") == "آنها [-می\u{200C}کنند-]{+نمی\u{200C}کنند+}")
        #expect(marked("cafe\u{301} talks", "cafe\u{301} meetings") == "cafe\u{301} [-talks-]{+meetings+}")
    }

    @Test func ideographsAreWordsOfTheirOwn() {
        #expect(marked("双方同意", "双方不同意") == "双方{+不+}同意")
    }

    @Test func piecesRebuildBothWordings() {
        var rng = SeededGenerator(state: 7)
        let vocabulary = ["the", "sides", "will", "meet", ",", ".", " ", "  ", "\n", "Стороны", "双", "é", "e\u{301}"]
        for _ in 0..<300 {
            func wording() -> String {
                (0..<Int.random(in: 0...25, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }.joined(
                    separator: Bool.random(using: &rng) ? " " : ""
                )
            }
            let old = wording()
            let new = wording()
            let pieces = WordDiff.compare(old: old, new: new)
            let rebuiltOld = pieces.filter { $0.change != .inserted }.map(\.text).joined()
            let rebuiltNew = pieces.filter { $0.change != .deleted }.map(\.text).joined()
            #expect(rebuiltOld.unicodeScalars.elementsEqual(old.unicodeScalars))
            #expect(rebuiltNew.unicodeScalars.elementsEqual(new.unicodeScalars))
            #expect(!pieces.contains { $0.text.isEmpty })
            // Neighbouring pieces never repeat a change: runs are merged.
            #expect(!zip(pieces, pieces.dropFirst()).contains { $0.change == $1.change })
        }
    }

    @Test func keepsTheLongestCommonRun() {
        // The common words are kept even when the change is in the middle of a long clause.
        let old = (1...200).map { "w\($0)" }.joined(separator: " ")
        let new = old.replacingOccurrences(of: "w100 ", with: "w100 extra ")
        #expect(WordDiff.compare(old: old, new: new).filter { $0.change != .equal } == [DiffPiece(.inserted, "extra ")])
    }
}
