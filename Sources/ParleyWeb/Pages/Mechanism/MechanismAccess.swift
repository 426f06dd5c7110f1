// ParleyWeb: the first step of every mechanism page — who asks, which mechanism, and what they
// may read of it (ParleyCore's `Policy.readScope` through `Store.readScope`). A mechanism that
// does not exist, one of another party's, and any mechanism for the operator (who reads no
// content) all end in the same `WebError.notFound` (DESIGN.md "Access rules").

import Hummingbird
import ParleyCore
import ParleyStore

/// One request's view of one mechanism.
struct MechanismAccess: Sendable {
    let store: Store
    let actor: Actor
    let scope: ReadScope
    let structure: MechanismStructure
    let names: PartyNames

    var mechanism: Mechanism { structure.mechanism }
    var id: MechanismID { structure.mechanism.id }
    var sharedLog: LogID { .shared(id) }

    /// Whether the viewer may change the shared record as a side (irritants and their steps).
    var canWriteShared: Bool {
        Policy.check(.writeShared, by: actor, on: .record(mechanism, sharedLog)) == .allowed
    }

    /// Whether the viewer may read its party's private record.
    var canReadPrivate: Bool {
        guard let party = actor.party else { return false }
        return Policy.canRead(.private(id, party), in: mechanism, by: actor)
    }

    /// Whether the viewer may write its party's private record (notes).
    var canWritePrivate: Bool {
        guard let party = actor.party else { return false }
        return Policy.check(.writePrivate, by: actor, on: .record(mechanism, .private(id, party))) == .allowed
    }

    /// Whether the viewer may schedule meetings and record contacts (sides and facilitators).
    var canArrange: Bool {
        Policy.check(.arrange, by: actor, on: .record(mechanism, sharedLog)) == .allowed
    }

    /// Whether the viewer may confirm for its side.
    var canConfirmForSide: Bool {
        Policy.check(.confirmForSide, by: actor, on: .record(mechanism, sharedLog)) == .allowed
    }

    static func resolve(_ env: WebEnvironment, _ context: ParleyRequestContext) async throws -> MechanismAccess {
        guard let account = context.account else { throw WebError.signInRequired }
        guard let store = env.services.pageStore, let raw = context.parameters.get("id") else {
            throw WebError.notFound
        }
        let id = MechanismID(raw)
        let scope = try await store.readScope(for: account.actor)
        guard scope.mechanisms.contains(id), let structure = try await store.structure(of: id, in: scope) else {
            throw WebError.notFound
        }
        return MechanismAccess(
            store: store,
            actor: account.actor,
            scope: scope,
            structure: structure,
            names: PartyNames(structure.parties)
        )
    }

    /// The shared item `raw` names (`IRR-3`) of `kind`, or not found.
    func item(_ raw: String?, kind: ReferenceKind) async throws -> ProjectionRow {
        guard let raw, let reference = Reference(raw), reference.kind == kind,
            let row = try await store.item(reference, in: id, scope: scope)
        else { throw WebError.notFound }
        return row
    }
}

extension WebServices {
    /// The store behind the mechanism pages: the one given, or the one behind the store-backed
    /// mechanism directory (so `parley serve` gets the pages without naming the store twice).
    var pageStore: Store? {
        store ?? (mechanisms as? StoreMechanismDirectory)?.store
    }
}
