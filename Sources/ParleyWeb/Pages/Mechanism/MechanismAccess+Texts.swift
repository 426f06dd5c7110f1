// ParleyWeb: reading negotiating texts for one viewer, shared by the text pages and the texts
// API: the texts of the mechanism, one by its reference (`TXT-n`, or not found), and the text as
// it stood at an earlier revision, replayed from its entries (no snapshots are kept).

import ParleyCore
import ParleyStore

extension MechanismAccess {
    /// The mechanism's texts, oldest first.
    func texts() async throws -> [NegotiatingText] {
        try await store.items(.text, in: id, scope: scope, limit: Store.maxPageSize).rows.compactMap { row in
            if case .item(.text(let t)) = row.value { t } else { nil }
        }
    }

    /// The text `raw` names, or not found.
    func text(_ raw: String?) async throws -> NegotiatingText {
        let row = try await item(raw, kind: .text)
        guard case .item(.text(let text)) = row.value else { throw WebError.notFound }
        return text
    }

    /// The entries of `text`, in log order.
    func entries(of text: NegotiatingText) async throws -> [Entry] {
        try await store.textEntries(of: text.id, in: id, scope: scope)
    }

    /// `text` at `revision` (1…current), rebuilt from `entries`.
    func text(_ text: NegotiatingText, at revision: Int, entries: [Entry]) throws -> NegotiatingText {
        guard (1...text.revision).contains(revision) else {
            throw WebError(
                .badRequest,
                "\(text.reference) has revisions 1 to \(text.revision); choose a revision in that range."
            )
        }
        guard revision < text.revision else { return text }
        do {
            guard let earlier = try NegotiatingText.replay(entries, text: text.id, upTo: revision) else {
                throw WebError.internalError
            }
            return earlier
        } catch let error as TextFoldError {
            throw WebError(
                .internalError,
                "The record of \(text.reference) cannot be replayed: \(error.message); run `parley verify`."
            )
        }
    }
}

/// A revision number from a query parameter: absent is nil, anything but a whole number a 400.
func revisionParameter(_ raw: Substring?, name: String) throws -> Int? {
    guard let raw, !raw.isEmpty else { return nil }
    guard let value = Int(raw) else {
        throw WebError(.badRequest, "`\(name)` must be a revision number, such as 1.")
    }
    return value
}
