import CompiledMustache

/// The notice on a page that a clinician has flagged for review (`review:` in the front matter).
struct ClinicalReviewNotice: Sendable, TemplateModel {
    /// The reviewer's note; empty when there is none.
    let note: String

    static var templateFields: TemplateFields<ClinicalReviewNotice> {
        ["note": .text { $0.note }]
    }
}
