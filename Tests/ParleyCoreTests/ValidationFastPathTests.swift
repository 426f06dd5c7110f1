// Validation's shortcuts give the answers of the slow ways they replace: controls compared by
// code point are exactly Unicode's general category Cc, and counting only texts longer in bytes
// than the limit counts characters as a person does.
import Testing

@testable import ParleyCore

@Suite struct ValidationFastPathTests {
    @Test func controlsAreTheScalarsOfGeneralCategoryCc() {
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            Validation.isControl(scalar) != (scalar.properties.generalCategory == .control)
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
    }

    @Test(arguments: [
        ("", 0), ("abc", 3), ("abc", 2), ("é", 1), ("e\u{301}", 1), ("e\u{301}e\u{301}", 1), ("🇸🇦🇸🇦", 1),
        ("🇸🇦🇸🇦", 2), ("a\r\nb", 3), ("a\r\nb", 2), ("می\u{200C}خواهم", 8), ("می\u{200C}خواهم", 9),
        ("я", 1), ("яя", 1),
    ])
    func countsOnlyWhatIsOverTheLimit(_ text: String, _ max: Int) {
        #expect(Validation.count(text, over: max) == (text.count > max ? text.count : nil))
    }
}
