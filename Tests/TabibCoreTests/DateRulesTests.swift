import Foundation
import Testing
@testable import TabibCore

/// Dates tell a true story: nothing on a day still to come, no review before publication, a next
/// review after the last one and at most 3 years on, and days that exist.
@Suite struct DateRulesTests {
    @Test func futureDatesAndReviewsInTheWrongOrderAreErrors() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2062-11-25
        reviewed: 2026-11-20
        nextReview: 2026-11-01
        clinicalReview: {name: dr. Sari, date: 2062-01-01}
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:4:7: error: 'date' is 2062-11-25, a day still to come; write the day the page was first published.
        content/id/articles/a.md:5:11: error: 'reviewed' is 2026-11-20, before the page was published ('date' is 2062-11-25); a review comes after publication, so correct one of the two dates.
        content/id/articles/a.md:6:13: error: 'nextReview' is 2026-11-01, before the last review ('reviewed' is 2026-11-20); set it to a day after the review, no later than 2029-11-20.
        content/id/articles/a.md:7:40: error: 'clinicalReview.date' is 2062-01-01, a day still to come; write the day the clinician actually checked the article.
        content/id/articles/a.md:7:40: error: 'clinicalReview.date' is 2062-01-01, before the article was published ('date' is 2062-11-25); correct one of the two dates.
        """)
    }

    @Test func nextReviewMoreThanThreeYearsOnIsAnError() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        nextReview: 2030-01-01
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:6:13: error: 'nextReview' is 2030-01-01, more than 3 years after the last review ('reviewed' is 2026-11-20); health information must be reviewed at least every 3 years, so set it to 2029-11-20 or earlier.
        """)
    }

    @Test func aDayThatDoesNotExistSaysHowLongItsMonthIs() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-31
        reviewed: 2027-02-29
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:4:7: error: 'date' is 2026-11-31, but November has 30 days; correct the day.
        content/id/articles/a.md:5:11: error: 'reviewed' is 2027-02-29, but February 2027 has 28 days; correct the day.
        """)
    }

    @Test func theOldReviewerKeySaysWhatReplacedIt() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        reviewer: {name: dr. Sari}
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:6:1: error: 'reviewer' no longer exists: a clinical review is recorded with its day, as 'clinicalReview: {name: …, credential: …, date: YYYY-MM-DD}'; write it only once a clinician has checked the article.
        """)
    }
}
