// Errors the tool reports to a person: one line that says what was wrong and what to do.
// ArgumentParser prints `Error: <description>` and exits with status 1.

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
