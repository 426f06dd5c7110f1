// ParleyStore: persistence of the logs and their projections.
//
// Where the store lives: an SQLite file (the embedded default) or a PostgreSQL URL. Parsed once
// from `--database` / `PARLEY_DATABASE_URL`, so nothing below the tool reads the environment.

import Foundation

public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultSQLitePath = "parley.sqlite"

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// `postgres://…` or `postgresql://…` is PostgreSQL; `sqlite://PATH`, `sqlite:PATH` or a plain
    /// path is an SQLite file; `nil` or empty means `parley.sqlite` in the working directory.
    public init(parsing text: String?) throws(Invalid) {
        guard let text, !text.isEmpty else {
            self = .sqlite(path: Self.defaultSQLitePath)
            return
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if text.hasPrefix("sqlite://") {
            self = try Self.sqlitePath(String(text.dropFirst("sqlite://".count)), from: text)
        } else if text.hasPrefix("sqlite:") {
            self = try Self.sqlitePath(String(text.dropFirst("sqlite:".count)), from: text)
        } else if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy(\.isLetter),
            text[colon...].hasPrefix("://")
        {
            throw Invalid(
                description:
                    "unsupported database URL scheme '\(text[..<colon])': use a file path, sqlite://PATH or postgres://USER@HOST:PORT/DB"
            )
        } else {
            self = .sqlite(path: text)
        }
    }

    private static func sqlitePath(_ path: String, from text: String) throws(Invalid) -> DatabaseLocation {
        guard !path.isEmpty else { throw Invalid(description: "'\(text)' names no file: write sqlite://PATH") }
        return .sqlite(path: path)
    }

    /// Safe to print: a PostgreSQL password is masked.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite file \(path)"
        case .postgres(let url):
            guard let at = url.firstIndex(of: "@"), let scheme = url.range(of: "://"),
                let colon = url[scheme.upperBound..<at].firstIndex(of: ":")
            else { return "PostgreSQL \(url)" }
            return "PostgreSQL \(url[..<colon]):***\(url[at...])"
        }
    }
}
