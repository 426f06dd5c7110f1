// Contact cadence (DESIGN.md "Mechanism … contact cadence target"; the Riyadh parties agreed to
// "maintain regular contact"): how long since the last contact, against the agreed target.

/// Where a mechanism stands against its contact cadence target.
public struct ContactCadence: Hashable, Sendable {
    /// The agreed number of days between two contacts.
    public let targetDays: Int
    /// Whole days since the last contact or meeting; nil when there has been none.
    public let daysSinceLastContact: Int?

    /// Overdue when more days than the target have passed, or when there was never a contact.
    public var isOverdue: Bool { daysSinceLastContact.map { $0 > targetDays } ?? true }

    /// Nil when the mechanism has no target. `lastContact` is the latest contact's or held
    /// meeting's time, as the caller found it.
    public init?(of mechanism: Mechanism, lastContact: Timestamp?, now: Timestamp) {
        guard let target = mechanism.contactCadenceDays else { return nil }
        self.targetDays = target
        self.daysSinceLastContact = lastContact.map { Int(max(0, now.secondsSince1970 - $0.secondsSince1970) / 86_400) }
    }
}
