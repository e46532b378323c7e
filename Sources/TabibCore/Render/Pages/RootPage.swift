import CompiledMustache

/// The site's root (`templates/root.mustache`): pick a language, without JavaScript. The layout is
/// the default language's.
struct RootPage: Sendable {
    var layout: PageLayout
    /// Every language of the site, the default first.
    var languages: [LanguageChoice]

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<RootPage> {
        TemplateFields.embedding({ $0.layout }, PageLayout.templateFields(stringKeys: keys)).adding([
            "languages": .list { $0.languages },
        ])
    }
}
