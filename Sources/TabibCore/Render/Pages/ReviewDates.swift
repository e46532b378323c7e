import CompiledMustache

/// When a page was published, last reviewed and is due for its next review, written out in the
/// page's language and as ISO dates (`partials/review-dates`). Each is nil when the front matter
/// does not say; the next review is `next_review`, else the last review plus the site's interval.
struct ReviewDates: Sendable {
    var published: String?
    var publishedISO: String?
    var reviewed: String?
    var reviewedISO: String?
    var nextReview: String?
    var nextReviewISO: String?

    static var templateFields: TemplateFields<ReviewDates> {
        [
            "published": .text { $0.published },
            "publishedISO": .text { $0.publishedISO },
            "reviewed": .text { $0.reviewed },
            "reviewedISO": .text { $0.reviewedISO },
            "nextReview": .text { $0.nextReview },
            "nextReviewISO": .text { $0.nextReviewISO },
        ]
    }
}
