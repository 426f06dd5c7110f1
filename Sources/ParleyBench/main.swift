// `parley-bench`: the figures the issues ask for, printed for this machine. Run by
// scripts/bench in a release build; never part of the test suite.
//
// Usage: parley-bench [record] — with no argument every group runs.

import Foundation

let groups: [(name: String, run: () -> [(label: String, value: String)])] = [
    ("record: Merkle tree (RFC 9162)", benchMerkle),
    ("record: canonical JSON (RFC 8785)", benchCanonicalJSON),
    ("texts: 300-clause negotiating text", benchTexts),
]

let wanted = Set(CommandLine.arguments.dropFirst())
for group in groups where wanted.isEmpty || wanted.contains(where: { group.name.hasPrefix($0) }) {
    print("\n\(group.name)")
    for row in group.run() {
        print("  \(row.label.padding(toLength: 62, withPad: " ", startingAt: 0)) \(row.value)")
    }
}
