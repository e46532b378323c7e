import CompiledMustache

/// The clinician who reviewed an article.
struct ClinicalReviewer: Sendable, TemplateModel {
    let name: String
    /// Empty when the front matter gives none.
    let credential: String

    static var templateFields: TemplateFields<ClinicalReviewer> {
        ["name": .text { $0.name }, "credential": .text { $0.credential }]
    }
}
