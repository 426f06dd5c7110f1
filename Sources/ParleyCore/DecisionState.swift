// What decide may read (STYLE.md 2: pure algorithms take their reads as a parameter). The store
// implements it over its projection tables inside the transaction that appends the decision;
// MemoryState implements it in memory for tests and replays.

/// Reads of the current projection that decisions and projections need.
public protocol DecisionState {
    func mechanism(_ id: MechanismID) -> Mechanism?
    func party(_ id: PartyID) -> Party?
    func track(_ id: TrackID) -> Track?
    func member(_ id: MemberID) -> Member?
    func team(_ id: TeamID) -> Team?
    func account(_ id: AccountID) -> Account?
    /// Usernames are unique across the server, compared as stored (they are lower case).
    func account(username: String) -> Account?
    /// Any item by id, shared or private: decide itself hides other parties' private items.
    func item(_ id: ItemID) -> Item?
    /// The item with `reference` in `log`'s sequence: shared references in the shared log,
    /// a party's notes in its private log.
    func item(_ reference: Reference, in log: LogID) -> Item?
    /// One party's minutes of one meeting, if it recorded any.
    func minutes(of meeting: ItemID, by party: PartyID) -> Minutes?
    /// The highest reference number of `kind` issued in `log`'s sequence, 0 when none.
    func lastNumber(of kind: ReferenceKind, in log: LogID) -> Int
    /// The lower-case hex SHA-256 of the RFC 8785 canonical JSON of `text`, which is what every
    /// side signs. ParleyCore has no hash function (Foundation only): the store computes it with
    /// ParleyRecord's canonical JSON and swift-crypto. Nil when the state cannot hash; adoption
    /// is then refused.
    func canonicalHash(of text: CanonicalText) -> String?
}
