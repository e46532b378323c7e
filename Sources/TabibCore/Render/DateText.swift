import Foundation

/// Dates written out in a language's locale ("20 November 2026" in id-ID and en-GB).
struct DateText: Sendable {
    let style: Date.FormatStyle

    init(locale: String) {
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: locale),
                                     calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC")!)
        style.calendar.timeZone = TimeZone(identifier: "UTC")!
        self.style = style
    }

    func format(_ day: Day) -> String { day.date.formatted(style) }
}
