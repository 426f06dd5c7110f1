// Validating Akoma Ntoso exports against the OASIS Akoma Ntoso 3.0 schema with xmllint. The
// schema lives beside the repository, at ../shared/schemas/akomantoso30.xsd from its root; a
// test that needs it is skipped, saying so, only when that file is absent.

import Foundation

enum AkomaNtosoSchema {
    /// The repository root: three levels above this file (Tests/ParleyCoreTests/…).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var schema: URL {
        repositoryRoot.appendingPathComponent("../shared/schemas/akomantoso30.xsd").standardizedFileURL
    }

    static var isPresent: Bool { FileManager.default.fileExists(atPath: schema.path) }

    static let skipMessage =
        "SKIPPED: the Akoma Ntoso 3.0 schema is not at ../shared/schemas/akomantoso30.xsd (relative to the repository root), so the export was not validated"

    /// xmllint's exit status and output for `xml` against the schema.
    static func validate(_ xml: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("akn-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--schema", schema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
