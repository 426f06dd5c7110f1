// ParleyWeb: what every JSON API controller shares — the mechanism a request is about (the same
// `MechanismAccess` the pages use, so the same policy and read scope), list paging, running a
// command through `Store.execute`, and the answers for created and changed items. Refusals are
// not caught here: they travel to `ErrorMiddleware`, which gives the one JSON error body (a
// foreign private item and a missing one both become the same 404).

import Foundation
import Hummingbird
import ParleyCore
import ParleyStore

/// One API request's view of one mechanism.
struct APIRequest: Sendable {
    let access: MechanismAccess
    let env: WebEnvironment
    let request: Request
    let context: ParleyRequestContext

    static func resolve(_ env: WebEnvironment, _ request: Request, _ context: ParleyRequestContext) async throws
        -> APIRequest
    {
        guard context.account != nil else { throw WebError.invalidToken }
        return APIRequest(
            access: try await MechanismAccess.resolve(env, context),
            env: env,
            request: request,
            context: context
        )
    }

    var mechanism: MechanismID { access.id }

    /// `/api/v1/mechanisms/<id>`: the prefix of every item's address.
    var base: String { "/api/v1/mechanisms/" + access.id.rawValue }

    /// The JSON body as `T`; a body that is not JSON, has a wrong type or lacks a field is a 4xx.
    func body<T: Decodable>(_ type: T.Type) async throws -> T {
        try await JSONResponse.decode(T.self, from: request, limit: env.configuration.maxBodySize)
    }

    /// An optional JSON body: none, or an empty one, decodes as nil.
    func optionalBody<T: Decodable>(_ type: T.Type) async throws -> T? {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: env.configuration.maxBodySize)
        } catch {
            throw WebError(.bodyTooLarge, "The request body is larger than \(env.configuration.maxBodySize) bytes.")
        }
        if buffer.readableBytes == 0 { return nil }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw WebError(
                .unsupportedMediaType,
                "Send the request body as JSON, with `Content-Type: application/json`."
            )
        }
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// The shared or own private item the path parameter `ref` names, of `kind`; else not found.
    func item(kind: ReferenceKind) async throws -> Item {
        let row = try await access.item(context.parameters.get("ref"), kind: kind)
        guard case .item(let item) = row.value else { throw WebError.notFound }
        return item
    }

    /// Carries out `command` as the caller; a refusal is thrown as it is.
    @discardableResult
    func execute(_ command: Command) async throws -> ExecutionResult {
        try await access.store.execute(command, by: access.actor)
    }

    /// The item a create command made, read back through the caller's scope.
    func created(by result: ExecutionResult) async throws -> Item {
        for entry in result.entries {
            guard let id = entry.data.createdItem else { continue }
            if let row = try await access.store.item(id, scope: access.scope), case .item(let item) = row.value {
                return item
            }
        }
        throw WebError(.internalError, "a create command appended no item the caller can read")
    }

    /// The item with `id` as it is now, through the caller's scope.
    func current(_ id: ItemID) async throws -> Item {
        guard let row = try await access.store.item(id, scope: access.scope), case .item(let item) = row.value else {
            throw WebError.notFound
        }
        return item
    }

    /// One page of the `kind` rows the caller may read, optionally only those of `status`.
    func page(_ kind: RowKind, status: String? = nil) async throws -> (items: [Item], next: Int64?) {
        let paging = try APIPaging(request)
        let page = try await access.store.items(
            kind,
            status: status,
            in: access.id,
            scope: access.scope,
            after: paging.after,
            limit: paging.limit
        )
        let items = page.rows.compactMap { row -> Item? in if case .item(let item) = row.value { item } else { nil } }
        return (items, page.next)
    }
}

/// `?limit=N&after=CURSOR` of list routes: oldest first, a bounded page at a time, so a list
/// costs the same whatever the mechanism holds (issue 5).
struct APIPaging: Sendable {
    static let defaultLimit = 50
    static let maxLimit = 200

    var limit: Int = Self.defaultLimit
    var after: Int64?

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        if let value = query["limit"] {
            guard let n = Int(value), (1...Self.maxLimit).contains(n) else {
                throw WebError(
                    .badRequest,
                    "`limit` must be a whole number from 1 to \(Self.maxLimit).",
                    field: "limit"
                )
            }
            limit = n
        }
        if let value = query["after"] {
            guard let n = Int64(value), n >= 0 else {
                throw WebError(.badRequest, "`after` must be the `next` value of the previous page.", field: "after")
            }
            after = n
        }
    }
}

extension EntryData {
    /// The id of the item this entry brought into being, if it made one.
    var createdItem: ItemID? {
        switch self {
        case .irritantRaised(let e): return e.id
        case .stepAdded(let e): return e.id
        case .meetingScheduled(let e): return e.id
        case .meetingMinutesRecorded(let e): return e.id
        case .contactRecorded(let e): return e.id
        case .commitmentRecorded(let e): return e.id
        case .readoutPublished(let e): return e.id
        case .noteWritten(let e): return e.id
        default: return nil
        }
    }
}

extension JSONResponse {
    /// 201 Created with the new item and its address (RFC 9110 §15.3.2, §10.2.2).
    static func created(_ value: some Encodable, location: String) throws -> Response {
        var response = try make(value, status: .created)
        response.headers[.location] = location
        return response
    }
}

/// A list answer: `{"<name>": [...], "next": cursor?}`. One item is answered as itself, the
/// same object as in the list, so a client (and schemathesis) can tell they are one thing.
struct APIList<Element: Encodable>: Encodable {
    var items: [Element]
    var name: String
    var next: Int64?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(items, forKey: Key(stringValue: name))
        try c.encodeIfPresent(next, forKey: Key(stringValue: "next"))
    }
}
