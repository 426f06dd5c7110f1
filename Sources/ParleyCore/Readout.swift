// Readouts (DESIGN.md "The domain"): a side's public statement after a meeting or a contact,
// shown side by side with the other sides' readouts of the same event.

/// A side's public statement about one meeting or contact.
public struct Readout: Hashable, Codable, Sendable {
    public var id: ItemID
    public var mechanism: MechanismID
    public var reference: Reference
    public var party: PartyID
    /// The meeting (`MTG-n`) or contact (`CON-n`) it is about.
    public var event: Reference
    public var body: String
    public var publishedAt: Timestamp

    public init(
        id: ItemID,
        mechanism: MechanismID,
        reference: Reference,
        party: PartyID,
        event: Reference,
        body: String,
        publishedAt: Timestamp
    ) {
        self.id = id
        self.mechanism = mechanism
        self.reference = reference
        self.party = party
        self.event = event
        self.body = body
        self.publishedAt = publishedAt
    }
}
