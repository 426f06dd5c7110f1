// Decoding a row's canonical JSON body is the dearest part of reading it (Foundation's
// JSONDecoder), and the same bodies are read again and again: the signed-in account on every
// request, a mechanism's structure before every decision. Decoding is a pure function of the
// bytes, so equal bodies share one decoded value; the row itself is still read fresh each time,
// so nothing here can outlive a change.
import ParleyCore
import ParleyRecord
import Synchronization

enum DecodedBodies {
    /// Bodies remembered at most; past that the memory starts again empty.
    static let limit = 4_096

    /// Keyed by the exact bytes: Swift's String equality would take canonically equivalent
    /// texts ("Å" precomposed or not) for one, and the record keeps every code point as written.
    private static let memory = Mutex<[[UInt8]: ProjectedValue]>([:])

    static func value(of body: String) throws -> ProjectedValue {
        let bytes = Array(body.utf8)
        if let known = memory.withLock({ $0[bytes] }) { return known }
        let value = try CanonicalJSON.decode(ProjectedValue.self, from: bytes)
        memory.withLock { kept in
            if kept.count >= limit { kept.removeAll(keepingCapacity: true) }
            kept[bytes] = value
        }
        return value
    }
}
