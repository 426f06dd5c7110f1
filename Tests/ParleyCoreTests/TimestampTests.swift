import Foundation
import ParleyCore
import Testing

@Suite struct TimestampTests {
    @Test func formatsUTCWithWholeSeconds() {
        let t = Timestamp(Date(timeIntervalSince1970: 1_739_869_200.75))
        #expect(t.description == "2025-02-18T09:00:00Z")
        #expect(Timestamp(secondsSince1970: 0).description == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSince1970: -1).description == "1969-12-31T23:59:59Z")
        #expect(Timestamp(secondsSince1970: 951_782_400).description == "2000-02-29T00:00:00Z")
        // The ends of the years a record's time may have, each field padded to its width.
        for text in ["0001-01-01T00:00:00Z", "0987-06-05T04:03:02Z", "9999-12-31T23:59:59Z"] {
            #expect(Timestamp(text)?.description == text)
        }
        #expect(CalendarDay(year: 987, month: 6, day: 5)?.description == "0987-06-05")
        // Beyond year 9999 the text is longer than the record form, and not read back.
        let later = Timestamp("9999-12-31T23:59:59Z")!.adding(seconds: 1)
        #expect(later.description == "10000-01-01T00:00:00Z")
        #expect(Timestamp(later.description) == nil)
    }

    @Test func agreesWithFoundationOverManyDays() throws {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var seconds: Int64 = -2_208_988_800  // 1900-01-01
        while seconds < 4_102_444_800 {  // 2100-01-01
            let t = Timestamp(secondsSince1970: seconds)
            #expect(t.description == formatter.string(from: t.date))
            #expect(Timestamp(t.description) == t)
            seconds += 86_400 * 37 + 3_601
        }
    }

    @Test(arguments: [
        "", "2025-02-18", "2025-02-18T09:00:00", "2025-02-18T09:00:00+00:00", "2025-02-18t09:00:00Z",
        "2025-02-18T09:00:00.5Z", "2025-02-29T09:00:00Z", "2025-13-01T09:00:00Z", "2025-02-18T24:00:00Z",
        "2025-02-18T09:60:00Z", "0000-01-01T00:00:00Z", "+025-02-18T09:00:00Z",
    ])
    func rejectsAnythingButTheRecordForm(_ text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func calendarDaysKnowLeapYears() {
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2025-02-29") == nil)
        #expect(CalendarDay("1900-02-29") == nil)
        #expect(CalendarDay("2000-02-29") != nil)
        #expect(CalendarDay("2025-04-31") == nil)
        #expect(Timestamp("2025-03-01T23:59:59Z")?.day.description == "2025-03-01")
        #expect(CalendarDay("2025-03-01")! < CalendarDay("2025-03-02")!)
    }
}

@Suite struct CountryCodeTests {
    @Test func knowsTheOfficiallyAssignedCodes() {
        #expect(CountryCode.assigned.count == 249)
        for code in ["USA", "RUS", "SAU", "UKR", "TUR", "SSD", "BES"] { #expect(CountryCode(code) != nil, "\(code)") }
    }

    @Test(arguments: ["usa", "US", "USAA", "XKX", "SUN", "ZZZ", "AAA", ""])
    func rejectsWhatIsNotAssigned(_ text: String) {
        #expect(CountryCode(text) == nil)
    }

    @Test func languageTagsAreWellFormed() {
        for tag in ["en", "ru", "ar-SA", "zh-Hans-CN", "es-419", "de-CH-1996"] {
            #expect(LanguageTag(tag) != nil, "\(tag)")
        }
        for tag in ["", "e", "en_US", "en-", "-en", "123", "toolongtag"] { #expect(LanguageTag(tag) == nil, "\(tag)") }
        #expect(LanguageTag("EN") == LanguageTag("en"))
    }
}
