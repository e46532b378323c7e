import CompiledMustache

/// The page a server shows for an address the site does not have (`templates/404.mustache`), in the
/// default language, with a way to every language's home page.
struct NotFoundPage: Sendable {
    var layout: PageLayout
    /// Every language of the site, the default first.
    var languages: [LanguageChoice]

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<NotFoundPage> {
        TemplateFields.embedding({ $0.layout }, PageLayout.templateFields(stringKeys: keys)).adding([
            "languages": .list { $0.languages },
        ])
    }
}
