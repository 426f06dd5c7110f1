// ParleyWeb: what travels with one request through middleware to the handler: who is signed
// in (by session cookie on pages, by bearer token on the API), the submitted form, and the
// client's address for throttling.

public import Hummingbird
import NIOCore
public import ParleyCore
import ParleyStore

/// The request context of every Parley route.
public struct ParleyRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The socket peer's address, without port (nil in router tests).
    public let peerAddress: String?
    /// The signed-in account, set by the session middleware (pages) or bearer middleware (API).
    public internal(set) var account: Account?
    /// The page session, when the request carries a live session cookie.
    var session: Session?
    /// What the read that found the session or API token saw (see ReadStamp), when the store
    /// can tell: lets a kept answer skip reading the log versions again (LogVersions).
    var readStamp: ReadStamp?
    /// The parsed `application/x-www-form-urlencoded` body of a page POST, set by the CSRF check.
    var form: FormFields = FormFields()

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are read explicitly, with the configured limit; this bounds any other decoding.
    public var maxUploadSize: Int { 1 << 20 }
}
