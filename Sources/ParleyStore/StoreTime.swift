// RFC 3339 UTC timestamps with second precision, the one time format of entries and rows.
import Foundation

enum StoreTime {
    static func now() -> String { format(Date()) }

    static func format(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
                .timeSeparator(.colon).timeZone(separator: .omitted)
        )
    }
}
