// ParleyWeb: what the log API (DESIGN.md "Interfaces": checkpoint, entries by range, inclusion
// and consistency proofs, the server's verifier key) reads. Visibility is decided by the
// implementation with ParleyCore's policy; a log the account may not read and a log that does
// not exist are both nil, so the API answers them alike.

public import ParleyCore

/// One entry as served: its index and its exact canonical JSON bytes (RFC 8785).
public struct LogEntryBytes: Sendable, Hashable {
    public var index: Int64
    public var bytes: [UInt8]

    public init(index: Int64, bytes: [UInt8]) {
        self.index = index
        self.bytes = bytes
    }
}

/// The logs as one account may read them.
public protocol LogDirectory: Sendable {
    /// The C2SP verifier key of the server's checkpoint signatures, as text (`name+id+key`).
    func verifierKey() async throws -> String
    /// The log's current size, or nil when it does not exist or `account` may not read it.
    func size(of log: LogID, visibleTo account: Account) async throws -> Int64?
    /// The newest signed checkpoint (a C2SP signed note), or nil as for `size`.
    func checkpoint(of log: LogID, visibleTo account: Account) async throws -> String?
    /// Entries `start..<end` (the caller bounds the range by the size); nil as for `size`.
    func entries(of log: LogID, start: Int64, end: Int64, visibleTo account: Account) async throws -> [LogEntryBytes]?
    /// RFC 9162 §2.1.3.1 inclusion proof; nil as for `size`.
    func inclusionProof(of log: LogID, index: Int64, size: Int64, visibleTo account: Account) async throws -> [[UInt8]]?
    /// RFC 9162 §2.1.4.1 consistency proof; nil as for `size`.
    func consistencyProof(of log: LogID, from: Int64, to: Int64, visibleTo account: Account) async throws
        -> [[UInt8]]?
}

/// No logs at all: the default for a web layer built without a record (tests of other routes).
public struct NoLogs: LogDirectory {
    public init() {}
    public func verifierKey() async throws -> String { "" }
    public func size(of log: LogID, visibleTo account: Account) async throws -> Int64? { nil }
    public func checkpoint(of log: LogID, visibleTo account: Account) async throws -> String? { nil }
    public func entries(of log: LogID, start: Int64, end: Int64, visibleTo account: Account) async throws
        -> [LogEntryBytes]?
    { nil }
    public func inclusionProof(of log: LogID, index: Int64, size: Int64, visibleTo account: Account) async throws
        -> [[UInt8]]?
    { nil }
    public func consistencyProof(of log: LogID, from: Int64, to: Int64, visibleTo account: Account) async throws
        -> [[UInt8]]?
    { nil }
}
