// The operators who sign in to run the server (DESIGN.md "Who uses it": the operator manages
// mechanisms, parties and accounts and reads no content). They belong to no party, so they are
// not ParleyCore accounts made by CreateAccount: a small table outside every log.
public import Foundation
public import ParleyCore
import SQLKit

extension Store {
    /// Adds an operator account named `username` (lower case, unique); returns its id.
    public func addOperator(
        username: String,
        id: AccountID = AccountID(RandomID.make()),
        now: Date = Date()
    )
        async throws -> AccountID
    {
        let at = Timestamp(now).description
        try await write { writer in
            let taken =
                try await writer.db.raw("SELECT 1 AS found FROM operators WHERE username = \(bind: username)").first()
                != nil
            if taken { throw StoreError.database("an operator named \(username) already exists; choose another name") }
            try await writer.db.insert(into: "operators").columns("id", "username", "created_at")
                .values(SQLBind(id.rawValue), SQLBind(username), SQLBind(at)).run()
        }
        return id
    }

    /// The operator with this id, as an `Account` of role `operator` and no party; nil when none.
    public func operatorAccount(_ id: AccountID) async throws -> Account? {
        try await operatorAccount(where: "id = \(bind: id.rawValue)")
    }

    /// The operator named `username`, or nil.
    public func operatorAccount(username: String) async throws -> Account? {
        try await operatorAccount(where: "username = \(bind: username)")
    }

    private func operatorAccount(where condition: SQLQueryString) async throws -> Account? {
        guard
            let row = try await read({ db in
                try await db.raw("SELECT id, username FROM operators WHERE \(condition)").first()
            })
        else { return nil }
        return Account(
            id: AccountID(try row.decode(column: "id", as: String.self)),
            username: try row.decode(column: "username", as: String.self),
            party: nil,
            role: .operator,
            member: nil
        )
    }
}
