// ParleyWeb: whole answers of the busiest read-only routes (the dashboard, the irritant register,
// the API lists), kept while nothing they were built from has changed (issue 5's web figures:
// building the dashboard reads a dozen queries and renders ~400 template tags; a kept answer
// costs the sign-in read alone while the database is unchanged, see LogVersions). Nothing here
// decides access. An answer is kept only after it was built the normal way (MechanismAccess,
// ParleyCore's policy, the scoped store reads) and was a 200, and it is found again only under
// a key holding every input of that decision and of the page: the route and query, the account
// (id, role, party, name), the session's form token, and the version of the mechanism's shared
// log and the account's party's private log (Store.version: sizes and signed checkpoints, which
// change in the very transaction that changes any row).
// So another account, or the same one after any change, never meets a kept answer. Several
// servers over one PostgreSQL each keep their own, all keyed by the shared database's state.

import Foundation
import Hummingbird
import NIOCore
import ParleyCore
import ParleyStore
import Synchronization

/// A body to answer with, and its type.
struct CachedAnswer: Sendable {
    var body: ByteBuffer
    var contentType: String

    var response: Response {
        Response(
            status: .ok,
            headers: [.contentType: contentType, .contentLength: String(body.readableBytes)],
            body: .init(byteBuffer: body)
        )
    }
}

/// A bounded store of answers by key; the oldest go first when it is full.
final class ResponseCache: Sendable {
    private struct State {
        var answers: [String: CachedAnswer] = [:]
        var order: [String] = []
        var bytes = 0
        /// Keys being built now, with the requests waiting for them: when a key turns (a change,
        /// the minute), a hundred requests at once then build it once, not a hundred times.
        var building: [String: [CheckedContinuation<CachedAnswer?, Never>]] = [:]
    }

    private let state = Mutex(State())
    let maxEntries: Int
    let maxBytes: Int

    init(maxEntries: Int = 1024, maxBytes: Int = 32 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    func answer(_ key: String) -> CachedAnswer? {
        state.withLock { $0.answers[key] }
    }

    /// The kept answer for `key`, or the one another request is building for it, once built.
    /// Nil: the caller builds it, and must then call `finish`. A waiter whose builder failed gets
    /// nil as well and builds its own answer (without keeping it). While another request builds
    /// `key`, the answer kept as `meanwhile` (if any) is given at once instead of waiting.
    func answerOrClaim(_ key: String, meanwhile: String? = nil) async -> (answer: CachedAnswer?, claimed: Bool) {
        enum Step {
            case found(CachedAnswer)
            case build
            case wait
        }
        let step = state.withLock { s -> Step in
            if let answer = s.answers[key] { return .found(answer) }
            if s.building[key] != nil {
                if let meanwhile, let answer = s.answers[meanwhile] { return .found(answer) }
                return .wait
            }
            s.building[key] = []
            return .build
        }
        switch step {
        case .found(let answer): return (answer, false)
        case .build: return (nil, true)
        case .wait:
            let answer = await withCheckedContinuation { (waiter: CheckedContinuation<CachedAnswer?, Never>) in
                let ready: CachedAnswer?? = state.withLock { s in
                    if let answer = s.answers[key] { return .some(answer) }
                    guard s.building[key] != nil else { return .some(nil) }
                    s.building[key]!.append(waiter)
                    return .none
                }
                if case .some(let answer) = ready { waiter.resume(returning: answer) }
            }
            return (answer, false)
        }
    }

    /// Ends the claim on `key`: keeps `answer` (nil: the build failed) and hands it to the waiters.
    func finish(_ key: String, with answer: CachedAnswer?) {
        if let answer { keep(answer, as: key) }
        let waiters = state.withLock { $0.building.removeValue(forKey: key) ?? [] }
        for waiter in waiters { waiter.resume(returning: answer) }
    }

    func keep(_ answer: CachedAnswer, as key: String) {
        let size = answer.body.readableBytes + key.utf8.count
        guard size <= maxBytes / 4 else { return }
        state.withLock { s in
            if let old = s.answers.updateValue(answer, forKey: key) {
                s.bytes -= old.body.readableBytes + key.utf8.count
            } else {
                s.order.append(key)
            }
            s.bytes += size
            while s.answers.count > maxEntries || s.bytes > maxBytes, !s.order.isEmpty {
                let oldest = s.order.removeFirst()
                if let gone = s.answers.removeValue(forKey: oldest) {
                    s.bytes -= gone.body.readableBytes + oldest.utf8.count
                }
            }
        }
    }
}

extension WebEnvironment {
    /// The answer of a read-only route about mechanism `:id`: kept, or made by `make` (and kept
    /// when it is a 200). `byMinute`: the page also depends on the clock (next and past
    /// meetings), so a kept answer lasts until the minute turns, and while the next is built.
    func kept(
        _ request: Request,
        _ context: ParleyRequestContext,
        byMinute: Bool = false,
        make: () async throws -> CachedAnswer
    ) async throws -> Response {
        guard let account = context.account, let party = account.party, let store = services.pageStore,
            let raw = context.parameters.get("id")
        else { return try await make().response }
        let mechanism = MechanismID(raw)
        let version = try await logVersions.version(
            of: [.shared(mechanism), .private(mechanism, party)],
            seenAs: context.readStamp,
            in: store
        )
        // No shared log: no such mechanism; let the normal path answer.
        guard !version.isEmpty else { return try await make().response }
        var joined = [
            request.uri.path, request.uri.query ?? "", account.id.rawValue, account.role.rawValue, party.rawValue,
            account.username, context.session?.csrfToken ?? "", version,
        ].joined(separator: "\u{1F}")
        // When the minute turns, one request builds the page again; the others meanwhile get
        // the previous minute's answer, built from the very same record, rather than all wait.
        var meanwhile: String?
        if byMinute {
            let minute = Int(services.clock.now().timeIntervalSince1970 / 60)
            meanwhile = joined + "\u{1F}" + String(minute - 1)
            joined += "\u{1F}" + String(minute)
        }
        let (kept, claimed) = await responses.answerOrClaim(joined, meanwhile: meanwhile)
        if let kept { return kept.response }
        guard claimed else { return try await make().response }
        do {
            let answer = try await make()
            responses.finish(joined, with: answer)
            return answer.response
        } catch {
            responses.finish(joined, with: nil)
            throw error
        }
    }
}
