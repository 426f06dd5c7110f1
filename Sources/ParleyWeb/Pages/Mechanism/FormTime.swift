// ParleyWeb: times typed into forms. A date (`2025-02-18`) and a time (`09:00`) are read in the
// zone the person chose — UTC or the venue's IANA zone — and stored as a UTC `Timestamp`
// (DESIGN.md "Look and feel": times always labelled with their zone).

import Foundation
import ParleyCore

enum FormTime {
    /// The instant that `date` and `time` name in `zone`, or nil when either is malformed or the
    /// zone is unknown. Digits are checked one by one: Foundation's parsers accept looser forms.
    static func instant(date: String, time: String, zone: String) -> Timestamp? {
        guard let day = CalendarDay(date.trimmingWhitespace()), let tz = TimeZone(identifier: zone) else { return nil }
        let t = Array(time.trimmingWhitespace().utf8)
        guard t.count == 5, t[2] == UInt8(ascii: ":"),
            t.enumerated().allSatisfy({ $0.offset == 2 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }
            )
        else { return nil }
        let hour = Int(t[0] - 48) * 10 + Int(t[1] - 48)
        let minute = Int(t[3] - 48) * 10 + Int(t[4] - 48)
        guard hour < 24, minute < 60 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tz
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: components).map(Timestamp.init)
    }

    /// A positive whole number of minutes, or nil.
    static func minutes(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 6,
            trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(trimmed)
    }
}
