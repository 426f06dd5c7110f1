// A side's detached signature of an adopted text (`parley text sign`): Ed25519 (RFC 8032) over
// the RFC 8785 bytes of the text's canonical form, made with the party's own key on its own
// machine. ParleyCore records it but cannot check it (no crypto); the store checks it before
// appending, so the shared log never holds a signature that does not verify.
import Foundation
import ParleyCore
import ParleyRecord

enum TextSignatureCheck {
    /// Whether `detached` verifies over the canonical JSON of `text`.
    static func isValid(_ detached: DetachedSignature, over text: CanonicalText) -> Bool {
        guard let key = Data(base64Encoded: detached.publicKey),
            let signature = Data(base64Encoded: detached.signature),
            let bytes = try? CanonicalJSON.encode(text)
        else { return false }
        return DetachedEd25519.verify(signature: signature, publicKey: key, message: bytes)
    }

    /// Refuses a decision that records a detached signature which does not verify over the
    /// adopted text's canonical form as `read` finds it.
    static func check(_ drafts: [EntryDraft], reading read: (ItemID) -> Item?) throws(Refusal) {
        for draft in drafts {
            guard case .textSignatureRecorded(let recorded) = draft.data, let detached = recorded.detached else {
                continue
            }
            guard case .text(let text)? = read(recorded.id), let canonical = text.canonicalForm(),
                isValid(detached, over: canonical)
            else {
                throw Refusal.invalid(
                    "detached.signature",
                    "The detached signature does not verify with that public key over the canonical form of "
                        + "\(recorded.reference); sign the canonical form again with `parley text sign`"
                )
            }
        }
    }
}
