/// The dates of one file must tell a true story: nothing published or reviewed on a day still to come,
/// no review before publication, and a next review after the last one and at most three years on
/// (NHS.uk re-reviews at least that often).
enum DateRules {
    /// The longest a reviewed page may wait for its next review.
    static let maximumMonthsBetweenReviews = 36

    static func check(_ meta: FrontMatter, today: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func error(_ key: String, _ message: String) {
            diagnostics.append(.error("bad-date", message, at: meta.dateLocations[key] ?? meta.keyLocations[key]))
        }
        let done: [(key: String, day: Day?, what: String)] = [
            ("date", meta.date, "the day the page was first published"),
            ("reviewed", meta.reviewed, "the day the last review was actually done"),
            ("clinicalReview.date", meta.clinicalReview?.date, "the day the clinician actually checked the article"),
            ("translation.date", meta.translation?.date, "the day the translation was actually made"),
        ]
        for (key, day, what) in done {
            if let day, today < day {
                error(key, "'\(key)' is \(day.iso), a day still to come; write \(what).")
            }
        }
        if let date = meta.date {
            if let reviewed = meta.reviewed, reviewed < date {
                error("reviewed", "'reviewed' is \(reviewed.iso), before the page was published ('date' is \(date.iso)); a review comes after publication, so correct one of the two dates.")
            }
            if let clinical = meta.clinicalReview?.date, clinical < date {
                error("clinicalReview.date", "'clinicalReview.date' is \(clinical.iso), before the article was published ('date' is \(date.iso)); correct one of the two dates.")
            }
        }
        if let reviewed = meta.reviewed, let next = meta.nextReview {
            let latest = reviewed.adding(months: maximumMonthsBetweenReviews)
            if next < reviewed {
                error("nextReview", "'nextReview' is \(next.iso), before the last review ('reviewed' is \(reviewed.iso)); set it to a day after the review, no later than \(latest.iso).")
            } else if latest < next {
                error("nextReview", "'nextReview' is \(next.iso), more than 3 years after the last review ('reviewed' is \(reviewed.iso)); health information must be reviewed at least every 3 years, so set it to \(latest.iso) or earlier.")
            }
        }
        return diagnostics
    }
}
