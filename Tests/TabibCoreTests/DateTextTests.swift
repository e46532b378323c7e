import Foundation
import Testing
@testable import TabibCore

/// Dates as pages show them: ISO dates without Foundation's formatter, written-out dates once per day.
@Suite struct DateTextTests {
    @Test func isoIsWhatDayWrites() {
        let days = [Day(year: 1, month: 1, day: 1)!, Day(year: 999, month: 12, day: 31)!, Day(year: 2026, month: 2, day: 9)!,
                    Day(year: 2028, month: 2, day: 29)!, Day(year: 9999, month: 10, day: 10)!]
        #expect(days.map(DateText.iso) == days.map(\.iso))
        #expect(days.map(DateText.iso) == ["0001-01-01", "0999-12-31", "2026-02-09", "2028-02-29", "9999-10-10"])
    }

    @Test func knownAndUnknownDaysAreWrittenAlike() {
        let known = Day(year: 2026, month: 11, day: 20)!, other = Day(year: 2025, month: 1, day: 2)!
        let text = DateText(locale: "id-ID", days: [known])
        #expect(text.known.count == 1)
        #expect(text.format(known) == DateText(locale: "id-ID").format(known))
        #expect(text.format(other) == DateText(locale: "id-ID").format(other))
        #expect(text.format(known) == "20 November 2026")
    }
}
