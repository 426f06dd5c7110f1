// ParleyWeb: the log API for auditors and mirrors (DESIGN.md "Interfaces"): the server's
// verifier key, and for each mechanism's shared log and the caller's own party's private log the
// latest signed checkpoint (C2SP tlog-checkpoint), entries by range (exact RFC 8785 bytes), and
// RFC 9162 §2.1.3 inclusion and §2.1.4 consistency proofs. A log the caller may not read answers
// exactly as one that does not exist (`WebError.notFound`).

import Foundation
import Hummingbird
import ParleyCore

struct LogAPIController: Sendable {
    let env: WebEnvironment

    var logs: any LogDirectory { env.services.logs }

    /// The most entries one call returns.
    static let maxEntries: Int64 = 1000

    /// Routes that need no token: the verifier key is public (it is what auditors pin).
    func addPublicRoutes(to group: RouterGroup<ParleyRequestContext>) {
        group.get("/log/key", use: key)
    }

    /// Routes behind `BearerMiddleware`.
    func addRoutes(to group: RouterGroup<ParleyRequestContext>) {
        for (segment, isPrivate) in [("log", false), ("private-log", true)] {
            let base = "/mechanisms/:id/\(segment)"
            group.get(RouterPath("\(base)/checkpoint")) { request, context in
                try await checkpoint(request, context, isPrivate)
            }
            group.get(RouterPath("\(base)/entries")) { request, context in
                try await entries(request, context, isPrivate)
            }
            group.get(RouterPath("\(base)/proof/inclusion")) { request, context in
                try await inclusion(request, context, isPrivate)
            }
            group.get(RouterPath("\(base)/proof/consistency")) { request, context in
                try await consistency(request, context, isPrivate)
            }
        }
    }

    @Sendable func key(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        Self.text(try await logs.verifierKey() + "\n")
    }

    func checkpoint(_ request: Request, _ context: ParleyRequestContext, _ isPrivate: Bool) async throws -> Response {
        let (log, account) = try Self.log(context, isPrivate)
        guard let note = try await logs.checkpoint(of: log, visibleTo: account) else { throw WebError.notFound }
        return Self.text(note)
    }

    struct EntryItem: Encodable {
        var index: Int64
        /// The entry's canonical JSON, as text: its UTF-8 bytes are the leaf.
        var entry: String
    }

    func entries(_ request: Request, _ context: ParleyRequestContext, _ isPrivate: Bool) async throws -> Response {
        let (log, account) = try Self.log(context, isPrivate)
        guard let size = try await logs.size(of: log, visibleTo: account) else { throw WebError.notFound }
        let start = try Self.number(request, "start")
        let end = try Self.number(request, "end")
        guard start <= end, end <= size else {
            throw WebError(
                .badRequest,
                "Ask for entries with 0 ≤ start ≤ end ≤ \(size), the log's size (start \(start), end \(end)).",
                field: end > size ? "end" : "start"
            )
        }
        // At most `maxEntries` per call; a client pages on from the last index it got.
        let capped = min(end, start + Self.maxEntries)
        guard let found = try await logs.entries(of: log, start: start, end: capped, visibleTo: account) else {
            throw WebError.notFound
        }
        return try JSONResponse.make(
            found.map { EntryItem(index: $0.index, entry: String(decoding: $0.bytes, as: UTF8.self)) }
        )
    }

    struct ProofBody: Encodable {
        /// Base64 (RFC 4648 §4) of each 32-byte hash, in RFC 9162 order.
        var hashes: [String]
    }

    func inclusion(_ request: Request, _ context: ParleyRequestContext, _ isPrivate: Bool) async throws -> Response {
        let (log, account) = try Self.log(context, isPrivate)
        guard let current = try await logs.size(of: log, visibleTo: account) else { throw WebError.notFound }
        let index = try Self.number(request, "index")
        let size = try Self.number(request, "size")
        guard size >= 1, size <= current else {
            throw WebError(.badRequest, "Ask for a tree size from 1 to \(current), the log's size.", field: "size")
        }
        guard index < size else {
            throw WebError(.badRequest, "The index must be below the tree size \(size).", field: "index")
        }
        guard let hashes = try await logs.inclusionProof(of: log, index: index, size: size, visibleTo: account) else {
            throw WebError.notFound
        }
        return try JSONResponse.make(ProofBody(hashes: hashes.map { Data($0).base64EncodedString() }))
    }

    func consistency(_ request: Request, _ context: ParleyRequestContext, _ isPrivate: Bool) async throws -> Response {
        let (log, account) = try Self.log(context, isPrivate)
        guard let current = try await logs.size(of: log, visibleTo: account) else { throw WebError.notFound }
        let from = try Self.number(request, "from")
        let to = try Self.number(request, "to")
        guard from >= 1, from <= to, to <= current else {
            throw WebError(
                .badRequest,
                "Ask for a consistency proof with 1 ≤ from ≤ to ≤ \(current), the log's size (from \(from), to \(to)).",
                field: from < 1 || from > to ? "from" : "to"
            )
        }
        guard let hashes = try await logs.consistencyProof(of: log, from: from, to: to, visibleTo: account) else {
            throw WebError.notFound
        }
        return try JSONResponse.make(ProofBody(hashes: hashes.map { Data($0).base64EncodedString() }))
    }

    // MARK: Helpers

    /// The log the path names for the caller: the mechanism's shared log, or the private log of
    /// the caller's own party — there is no way to name another party's.
    static func log(_ context: ParleyRequestContext, _ isPrivate: Bool) throws -> (LogID, Account) {
        guard let account = context.account else { throw WebError.invalidToken }
        guard let id = context.parameters.get("id"), !id.isEmpty, !id.contains("/") else { throw WebError.notFound }
        let mechanism = MechanismID(id)
        if isPrivate {
            guard let party = account.party else { throw WebError.notFound }
            return (.private(mechanism, party), account)
        }
        return (.shared(mechanism), account)
    }

    /// A required non-negative decimal query parameter.
    static func number(_ request: Request, _ name: String) throws -> Int64 {
        guard let text = request.uri.queryParameters[name[...]] else {
            throw WebError(.badRequest, "Give the query parameter `\(name)`, a whole number.", field: name)
        }
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let value = Int64(text)
        else {
            throw WebError(
                .badRequest,
                "The query parameter `\(name)` must be a whole number of 0 or more.",
                field: name
            )
        }
        return value
    }

    static func text(_ body: String) -> Response {
        let bytes = Array(body.utf8)
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; charset=utf-8", .contentLength: String(bytes.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
