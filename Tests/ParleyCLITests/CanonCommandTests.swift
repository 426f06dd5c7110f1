import Foundation
import Testing

@Suite struct CanonCommandTests {
    @Test func printsCanonicalForm() throws {
        let result = try CLIRunner.run(
            ["canon"],
            stdin: Data(#"{ "b": [1.0, 2e3, "\u20ac"], "a": -0, "c": "\n" }"#.utf8)
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == #"{"a":0,"b":[1,2000,"€"],"c":"\n"}"#)
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "duplicate"),
        (#"["\ud800"]"#, "surrogate"),
        ("[NaN]", "byte 1"),
        ("[1e400]", "byte 1"),
        ("{", "byte 1"),
        ("", "no JSON value"),
    ])
    func rejectsWithReason(input: String, reason: String) throws {
        let result = try CLIRunner.run(["canon"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(reason), "stderr: \(result.stderr)")
    }
}
