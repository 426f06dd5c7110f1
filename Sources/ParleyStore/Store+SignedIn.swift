// The two reads behind every signed-in request, each in one statement: a page session or an API
// token together with the account it belongs to (a party's account from the projection, or an
// operator). Reading them apart cost two statements per request (issue 5's web figures). Each
// answers with its read's stamp, so that what the request goes on to derive from the database
// can be known unchanged without another read.
public import ParleyCore
import SQLKit

extension Store {
    /// The session with this id and its account (nil when the account is gone), or nil.
    public func sessionWithAccount(id: String) async throws
        -> (session: StoredSession, account: Account?, stamp: ReadStamp?)?
    {
        let (found, stamp) = try await stampedRead { db in
            try await db.raw(
                """
                SELECT s.account_id AS holder, s.csrf_token, s.created_ms, s.last_seen_ms, \(unsafeRaw: Self.accountColumns)
                FROM sessions s WHERE s.id = \(bind: id)
                """
            ).first()
        }
        guard let row = found else { return nil }
        let session = StoredSession(
            id: id,
            account: AccountID(try row.decode(column: "holder", as: String.self)),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: Self.date(try row.decode(column: "created_ms", as: Int64.self)),
            lastSeenAt: Self.date(try row.decode(column: "last_seen_ms", as: Int64.self))
        )
        return (session, try Self.joinedAccount(row, id: session.account), stamp)
    }

    /// The API token with this hash and its account (nil when the account is gone), or nil.
    public func apiTokenWithAccount(hash: String) async throws
        -> (token: StoredAPIToken, account: Account?, stamp: ReadStamp?)?
    {
        let (found, stamp) = try await stampedRead { db in
            try await db.raw(
                """
                SELECT s.account_id AS holder, s.label, s.created_ms, \(unsafeRaw: Self.accountColumns)
                FROM api_tokens s WHERE s.hash = \(bind: hash)
                """
            ).first()
        }
        guard let row = found else { return nil }
        let token = StoredAPIToken(
            hash: hash,
            account: AccountID(try row.decode(column: "holder", as: String.self)),
            label: try row.decode(column: "label", as: String.self),
            createdAt: Self.date(try row.decode(column: "created_ms", as: Int64.self))
        )
        return (token, try Self.joinedAccount(row, id: token.account), stamp)
    }

    /// The account's projected body (all of its row that is needed) and the operator's name,
    /// by `s.account_id`.
    private static let accountColumns = """
        (SELECT body FROM items WHERE kind = 'account' AND id = s.account_id) AS account_body,
        (SELECT username FROM operators WHERE id = s.account_id) AS operator_name
        """

    private static func joinedAccount(_ row: any SQLRow, id: AccountID) throws -> Account? {
        if try !row.decodeNil(column: "account_body") {
            let body = try row.decode(column: "account_body", as: String.self)
            let value: ProjectedValue
            do {
                value = try DecodedBodies.value(of: body)
            } catch {
                throw StoreError.database("the stored account row \(id) cannot be read: \(error)")
            }
            if case .account(let account) = value { return account }
            return nil
        }
        if try !row.decodeNil(column: "operator_name") {
            return Account(
                id: id,
                username: try row.decode(column: "operator_name", as: String.self),
                party: nil,
                role: .operator,
                member: nil
            )
        }
        return nil
    }
}
