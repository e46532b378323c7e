import Foundation

/// Dates written out in a language's locale ("20 November 2026" in id-ID and en-GB). The days a site's
/// front matter names are written out once, when the renderer is made: Foundation's formatter costs
/// microseconds a call, and thousands of pages show the same few hundred days.
struct DateText: Sendable {
    let style: Date.FormatStyle
    let known: [Day: String]

    init(locale: String, days: Set<Day> = []) {
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: locale),
                                     calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC")!)
        style.calendar.timeZone = TimeZone(identifier: "UTC")!
        self.style = style
        self.known = Dictionary(uniqueKeysWithValues: days.map { ($0, $0.date.formatted(style)) })
    }

    func format(_ day: Day) -> String { known[day] ?? day.date.formatted(style) }

    /// `Day.iso` (`2026-11-20`) without `String(format:)`, which goes through Foundation's NSString.
    static func iso(_ day: Day) -> String {
        guard (0...9999).contains(day.year), (0...99).contains(day.month), (0...99).contains(day.day) else { return day.iso }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var i = 0
            func put(_ value: Int, digits: Int) {
                var divisor = 1
                for _ in 1..<digits { divisor *= 10 }
                while divisor > 0 {
                    buffer[i] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    i += 1
                    divisor /= 10
                }
            }
            put(day.year, digits: 4)
            buffer[i] = UInt8(ascii: "-"); i += 1
            put(day.month, digits: 2)
            buffer[i] = UInt8(ascii: "-"); i += 1
            put(day.day, digits: 2)
            return i
        }
    }
}
