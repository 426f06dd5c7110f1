// `parley-bench`: the figures the issues ask for, printed for this machine. Run by
// scripts/bench in a release build; never part of the test suite.
//
// Usage: parley-bench [record|store|texts]... — with no argument every group runs.
//        parley-bench load DATABASE [WRITERS] — append until killed (the crash test's writer).
//        parley-bench append N WRITERS [DATABASE] | verify DATABASE [TIMES] — one step alone, to profile.

import Foundation
import ParleyStore

typealias Rows = [(label: String, value: String)]

/// Prints a line at once (unbuffered), so figures already measured survive an interrupted run.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "load" {
    guard arguments.count >= 2 else {
        FileHandle.standardError.write(Data("usage: parley-bench load DATABASE [WRITERS]\n".utf8))
        exit(2)
    }
    try await appendUntilKilled(database: arguments[1], writers: arguments.count > 2 ? Int(arguments[2]) ?? 8 : 8)
    exit(0)
}

if arguments.first == "append", arguments.count >= 3, let n = Int(arguments[1]), let w = Int(arguments[2]) {
    let path =
        arguments.count > 3 ? arguments[3] : NSTemporaryDirectory() + "parley-profile-\(UUID().uuidString).sqlite"
    try await profileAppend(count: n, writers: w, path: path)
    exit(0)
}
if arguments.first == "verify", arguments.count >= 2 {
    try await profileVerify(path: arguments[1], times: arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1)
    exit(0)
}

// Anything else is a group's name (or the start of one): a mistyped step or a step without its
// arguments is refused, rather than taken as "every group" and run for ten minutes.
let groupNames = ["record", "store", "texts"]
if let unknown = arguments.first(where: { argument in
    !groupNames.contains { $0.hasPrefix(argument) || argument.hasPrefix($0) }
}) {
    FileHandle.standardError.write(
        Data(
            """
            parley-bench: unknown group or incomplete step "\(unknown)"
            usage: parley-bench [record|store|texts]...
                   parley-bench load DATABASE [WRITERS]
                   parley-bench append N WRITERS [DATABASE] | verify DATABASE [TIMES]

            """.utf8
        )
    )
    exit(2)
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

var groups: [(name: String, run: () async throws -> Rows)] = [
    ("record: Merkle tree (RFC 9162)", { benchMerkle() }),
    ("record: canonical JSON (RFC 8785)", { benchCanonicalJSON() }),
    (
        "store: SQLite (WAL, synchronous=FULL) in \(scratch.path)",
        {
            try await benchStore(
                .sqlite(path: scratch.appendingPathComponent("bench.sqlite").path),
                growTo: growthEntries
            )
        }
    ),
    ("texts: 300-clause negotiating text", { benchTexts() }),
]
if let url = ProcessInfo.processInfo.environment["PARLEY_BENCH_POSTGRES_URL"], !url.isEmpty {
    groups.append(
        ("store: PostgreSQL (fsync on)", { try await benchStore(.postgres(url: url), growTo: growthEntries) })
    )
} else {
    say("(store on PostgreSQL left out: PARLEY_BENCH_POSTGRES_URL is not set; scripts/bench sets it)")
}

let wanted = Set(arguments)
for group in groups where wanted.isEmpty || wanted.contains(where: { group.name.hasPrefix($0) }) {
    say("\n\(group.name)")
    for row in try await group.run() {
        say("  \(row.label.padding(toLength: 62, withPad: " ", startingAt: 0)) \(row.value)")
    }
}
