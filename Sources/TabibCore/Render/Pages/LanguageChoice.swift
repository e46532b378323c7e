import CompiledMustache

/// One language of the site, as the root page and the 404 page offer it.
struct LanguageChoice: Sendable, TemplateModel {
    let code: String
    let name: String
    /// The language's home page.
    let url: String
    /// The site's title in that language.
    let title: String

    static var templateFields: TemplateFields<LanguageChoice> {
        ["code": .text { $0.code }, "name": .text { $0.name }, "url": .text { $0.url }, "title": .text { $0.title }]
    }
}
