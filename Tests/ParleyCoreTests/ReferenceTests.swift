import ParleyCore
import Testing

@Suite struct ReferenceTests {
    @Test func formatsAndParses() {
        let r = Reference(kind: .irritant, number: 12)
        #expect(r.description == "IRR-12")
        #expect(Reference("IRR-12") == r)
        #expect(Reference("MTG-3")?.kind == .meeting)
    }

    @Test(arguments: ["", "IRR", "IRR-", "IRR-0", "IRR-012", "irr-1", "XYZ-1", "IRR-1-2", "IRR--1", "IRR-+1", "IRR-١"])
    func rejectsMalformed(_ text: String) {
        #expect(Reference(text) == nil)
    }
}
