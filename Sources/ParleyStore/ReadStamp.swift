// What one SQLite read saw, cheap to compare: the connection it ran on and that connection's
// data version, SQLite's count of the changes to the file it has noticed (committed by any
// connection or process), taken as the read began. A connection only counts on when a later read
// finds the file changed, so two reads with equal stamps saw the same database: what was derived
// from the first still holds for the second, without reading again (ParleyWeb's kept answers).
// PostgreSQL reads have no stamp.
import Synchronization

public struct ReadStamp: Sendable, Hashable, CustomStringConvertible {
    /// The connection, numbered in this process; never reused.
    let connection: Int
    let dataVersion: UInt32

    public var description: String { "connection \(connection) at data version \(dataVersion)" }
}

extension SQLiteSession {
    /// The stamp of this connection's latest read. Only meaningful right after a read of one
    /// statement: a read of several may have seen the file change between them.
    func stamp() throws -> ReadStamp {
        ReadStamp(connection: serial, dataVersion: try dataVersion())
    }

    /// Numbers for connections, in the order they open.
    static let serials = Atomic<Int>(0)
}
