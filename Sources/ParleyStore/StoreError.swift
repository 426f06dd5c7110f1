// The store's errors, each with a message that says what to do about it.

public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The database was made by an older Parley; `parley migrate` brings it up to date.
    case needsMigration(pending: [String])
    /// The database was made by a newer Parley than this one.
    case newerSchema(unknown: [String])
    /// The server key file is missing, unreadable or holds no valid key.
    case serverKey(String)
    /// A log that does not exist (or that the caller may not see).
    case unknownLog(String)
    /// A request for entries, proofs or checkpoints outside the log's current size.
    case outOfRange(String)
    /// The database refused or failed an operation.
    case database(String)
    /// No account has this id.
    case unknownAccount(String)
    /// A backup could not be made.
    case backup(String)
    /// The logs could not be replayed into the projection.
    case rebuild(String)

    public var description: String {
        switch self {
        case .needsMigration(let pending):
            return "the database schema is older than this version of Parley (pending: "
                + pending.joined(separator: ", ") + "); back it up, then run `parley migrate`"
        case .newerSchema(let unknown):
            return "the database was written by a newer version of Parley (unknown migrations: "
                + unknown.joined(separator: ", ") + "); run that version or a newer one"
        case .serverKey(let why): return "server key: \(why)"
        case .unknownLog(let log): return "no log \(log)"
        case .outOfRange(let why): return why
        case .database(let why): return "database error: \(why)"
        case .unknownAccount(let id): return "no account \(id)"
        case .backup(let why): return "backup: \(why)"
        case .rebuild(let why): return "rebuild: \(why); run `parley verify` to find the damaged entry"
        }
    }
}
