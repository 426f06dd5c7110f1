// Instants and calendar days as they appear in entries.
// RFC 3339 §5.6: `date-time` restricted to UTC ("Z") and whole seconds, e.g.
// `2025-02-18T09:00:00Z`; `full-date` for due dates, e.g. `2025-03-01`. The text form is fixed by
// the types themselves, not by encoder settings, so an entry's bytes never depend on who encoded it.

public import Foundation

/// An instant in UTC with whole-second precision; encodes as `2025-02-18T09:00:00Z`.
public struct Timestamp: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Int64

    /// Truncates to the whole second, towards the past.
    public init(_ date: Date) {
        self.secondsSince1970 = Int64((date.timeIntervalSince1970).rounded(.down))
    }

    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    /// The UTC calendar day this instant falls on.
    public var day: CalendarDay {
        CalendarDay(daysSince1970: Int64(floorDiv(secondsSince1970, 86_400)))
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SSZ` (years 0001–9999); nothing looser is a record's time.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
            b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z"),
            let day = CalendarDay(bytes: b[0..<10]),
            let h = digits(b, 11, 2), let m = digits(b, 14, 2), let s = digits(b, 17, 2),
            h < 24, m < 60, s < 60  // RFC 3339 §5.7 allows a leap second 60; UTC records never need it
        else { return nil }
        self.secondsSince1970 = day.daysSince1970 * 86_400 + Int64(h * 3600 + m * 60 + s)
    }

    public var description: String {
        let day = self.day
        let secondsOfDay = Int(secondsSince1970 - day.daysSince1970 * 86_400)
        // Every entry and projection row holds a few of these: written byte by byte into one
        // string, not joined from a dozen small ones.
        guard (1...9999).contains(day.year) else {
            return day.description + "T" + pad(secondsOfDay / 3600) + ":" + pad(secondsOfDay / 60 % 60) + ":"
                + pad(secondsOfDay % 60) + "Z"
        }
        return String(unsafeUninitializedCapacity: 20) { out in
            day.write(into: out)
            out[10] = UInt8(ascii: "T")
            writeTwoDigits(secondsOfDay / 3600, into: out, at: 11)
            out[13] = UInt8(ascii: ":")
            writeTwoDigits(secondsOfDay / 60 % 60, into: out, at: 14)
            out[16] = UInt8(ascii: ":")
            writeTwoDigits(secondsOfDay % 60, into: out, at: 17)
            out[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    public func adding(seconds: Int64) -> Timestamp { Timestamp(secondsSince1970: secondsSince1970 + seconds) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = Timestamp(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not an RFC 3339 UTC time like 2025-02-18T09:00:00Z: \(text)"
                )
            )
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A day of the proleptic Gregorian calendar without a time zone; encodes as `2025-03-01`.
public struct CalendarDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    LosslessStringConvertible
{
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for a day that does not exist (2025-02-29) or a year outside 1–9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, let parsed = CalendarDay(bytes: b[0..<10]) else { return nil }
        self = parsed
    }

    init?(bytes slice: ArraySlice<UInt8>) {
        let b = Array(slice)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Civil-from-days (the algorithm of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
    init(daysSince1970: Int64) {
        let z = daysSince1970 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
        self.month = Int(m)
        self.day = Int(d)
    }

    /// Days-from-civil, the inverse of `init(daysSince1970:)`.
    public var daysSince1970: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var description: String {
        guard (1...9999).contains(year) else {
            let y = String(year)
            return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + pad(month) + "-" + pad(day)
        }
        return String(unsafeUninitializedCapacity: 10) { out in
            write(into: out)
            return 10
        }
    }

    /// Writes `YYYY-MM-DD` into the first ten bytes of `out`; the year must be 1–9999.
    func write(into out: UnsafeMutableBufferPointer<UInt8>) {
        writeTwoDigits(year / 100, into: out, at: 0)
        writeTwoDigits(year % 100, into: out, at: 2)
        out[4] = UInt8(ascii: "-")
        writeTwoDigits(month, into: out, at: 5)
        out[7] = UInt8(ascii: "-")
        writeTwoDigits(day, into: out, at: 8)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = CalendarDay(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an RFC 3339 date like 2025-03-01: \(text)")
            )
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }

private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// Writes `n` (0–99) as two ASCII digits at `offset`.
private func writeTwoDigits(_ n: Int, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
    out[offset] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n / 10)
    out[offset + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n % 10)
}

/// Reads `count` ASCII digits at `offset`, or nil if any byte is not a digit.
private func digits(_ b: [UInt8], _ offset: Int, _ count: Int) -> Int? {
    var value = 0
    for i in offset..<(offset + count) {
        let c = b[i]
        guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(c - UInt8(ascii: "0"))
    }
    return value
}
