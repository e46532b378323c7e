import CompiledMustache

/// The clinician who reviewed an article, and when (`clinicalReview:` of the article or of its source).
struct ClinicalReviewer: Sendable, TemplateModel {
    let name: String
    /// Empty when the front matter gives none.
    let credential: String
    /// The day of the review, in the page's language and as an ISO date.
    let date: String
    let dateISO: String

    static var templateFields: TemplateFields<ClinicalReviewer> {
        ["name": .text { $0.name }, "credential": .text { $0.credential }, "date": .text { $0.date }, "dateISO": .text { $0.dateISO }]
    }
}
