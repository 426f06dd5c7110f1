// The Foundation-free trimming used by validation trims exactly what Foundation's
// whitespacesAndNewlines does, and leaves format characters (ZWNJ in Persian) alone.
import Foundation
import Testing

@testable import ParleyCore

@Suite struct TrimmingTests {
    @Test(arguments: [
        "", " ", "\t\n\r", "plain", "  two sides  ", "\u{00A0}non-breaking\u{00A0}", "\u{3000}全角\u{3000}",
        "\u{2028}line\u{2029}", "\u{0085}next line\u{0085}", "\u{200C}می\u{200C}خواهم\u{200C}", "x\u{200B}",
        "🇸🇦 Riyadh ", " \u{1680}ogham", "inner  space kept", "\u{202F}\u{205F}narrow",
    ])
    func trimsWhatFoundationTrims(_ text: String) {
        #expect(text.trimmedOfWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func agreesOnEveryScalarOfTheBasicPlane() {
        let differing = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            let text = "\(Character(scalar))a\(Character(scalar))"
            return text.trimmedOfWhitespace != text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
    }
}
