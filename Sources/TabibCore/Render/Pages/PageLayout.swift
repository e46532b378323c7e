import CompiledMustache

/// What every page shows around its own content (`templates/layout.mustache` and its partials):
/// the language's layout, the page's titles and description, its canonical address, its
/// translations as alternates and in the language switcher, and its JSON-LD.
///
/// A class: every page embeds it, and the templates read each of its fields through the page, so a
/// struct would be copied (every field retained and released) for each field a page shows. Its fields
/// are set only while the page's model is made (`SiteRenderer.layout` makes a new one for each page),
/// never once the model is rendered, which is what makes it safe to send.
final class PageLayout: @unchecked Sendable {
    let language: LanguageLayout
    /// The page's own title.
    var title: String
    /// `title — site title`, or the site title alone on pages titled with it.
    var pageTitle: String
    var description: String?
    /// The page's absolute URL; nil on pages that have no address of their own (404).
    var canonical: String?
    /// Every language the page exists in, with its absolute URL; empty unless there are two or more.
    var alternates: [Alternate] = []
    /// The default language's alternate (else the first), when there are alternates.
    var xDefault: String?
    var switcher: [SwitcherEntry]
    /// The page's structured data, a JSON object (articles, causes and conditions).
    var jsonLD: String?
    /// On a page of a long list: the pages before and after it, for `<link rel="prev">` and `rel="next"`.
    var previousURL: String?
    var nextURL: String?
    /// Whether the page is the disclaimer itself, which the footer then does not link to.
    var isDisclaimer = false
    /// Where the page sits in the site, on articles, causes, conditions and pages.
    var breadcrumbs: Breadcrumbs?

    init(language: LanguageLayout, title: String, pageTitle: String, description: String?, canonical: String?,
         switcher: [SwitcherEntry]) {
        self.language = language
        self.title = title
        self.pageTitle = pageTitle
        self.description = description
        self.canonical = canonical
        self.switcher = switcher
    }

    /// The page in one language, for search engines.
    struct Alternate: Sendable, TemplateModel {
        let hreflang: String
        let url: String

        static var templateFields: TemplateFields<Alternate> {
            ["hreflang": .text { $0.hreflang }, "url": .text { $0.url }]
        }
    }

    /// One language of the language switcher.
    struct SwitcherEntry: Sendable, TemplateModel {
        let code: String
        let name: String
        /// The page in that language, or that language's home page when it has no such page.
        let url: String
        /// The language the page is in.
        let current: Bool
        /// The page has no translation in that language.
        let missing: Bool
        /// What the switcher says of a language the page is not written in ("not translated yet").
        let missingLabel: String

        static var templateFields: TemplateFields<SwitcherEntry> {
            [
                "code": .text { $0.code },
                "name": .text { $0.name },
                "url": .text { $0.url },
                "current": .bool { $0.current },
                "missing": .bool { $0.missing },
                "missingLabel": .text { $0.missingLabel },
            ]
        }
    }

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<PageLayout> {
        TemplateFields.embedding({ $0.language }, LanguageLayout.templateFields(stringKeys: keys)).adding([
            "title": .text { $0.title },
            "pageTitle": .text { $0.pageTitle },
            "description": .text { $0.description },
            "canonical": .text { $0.canonical },
            "alternates": .list { $0.alternates },
            "xDefault": .text { $0.xDefault },
            "switcher": .list { $0.switcher },
            "jsonLD": .text { $0.jsonLD },
            "isDisclaimer": .bool { $0.isDisclaimer },
            "breadcrumbs": .model { $0.breadcrumbs },
            "previousURL": .text { $0.previousURL },
            "nextURL": .text { $0.nextURL },
        ])
    }
}
