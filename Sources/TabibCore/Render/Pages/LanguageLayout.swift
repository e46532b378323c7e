import CompiledMustache

/// What every page of one language shows the same way, made once per language and shared by its
/// pages: the language, the site's title, the stylesheet, the navigation and the UI strings.
final class LanguageLayout: Sendable {
    /// `id`, `en`.
    let lang: String
    /// `ltr` or `rtl`.
    let dir: String
    let siteTitle: String
    let stylesheet: String
    let homeURL: String
    /// The UI strings of the language, in the order of the keys the templates were compiled with
    /// (`PageTemplates.stringKeys`).
    let t: [String]
    let nav: [NavLink]
    /// The disclaimer page in this language, or its translation; nil when the site has none.
    let disclaimerURL: String?
    /// The language's search page, when the site has search (`search: true` in site.yaml).
    let searchURL: String?

    init(lang: String, dir: String, siteTitle: String, stylesheet: String, homeURL: String, t: [String], nav: [NavLink],
         disclaimerURL: String?, searchURL: String? = nil) {
        self.lang = lang
        self.dir = dir
        self.siteTitle = siteTitle
        self.stylesheet = stylesheet
        self.homeURL = homeURL
        self.t = t
        self.nav = nav
        self.disclaimerURL = disclaimerURL
        self.searchURL = searchURL
    }

    /// One entry of the main navigation.
    struct NavLink: Sendable, TemplateModel {
        let label: String
        let url: String

        static var templateFields: TemplateFields<NavLink> {
            ["label": .text { $0.label }, "url": .text { $0.url }]
        }
    }

    /// `keys`: the UI strings' keys, which `{{t.key}}` may name.
    static func templateFields(stringKeys keys: [String]) -> TemplateFields<LanguageLayout> {
        [
            "lang": .text { $0.lang },
            "dir": .text { $0.dir },
            "siteTitle": .text { $0.siteTitle },
            "stylesheet": .text { $0.stylesheet },
            "homeURL": .text { $0.homeURL },
            "t": .record(keys: keys) { $0.t },
            "nav": .list { $0.nav },
            "disclaimerURL": .text { $0.disclaimerURL },
            "searchURL": .text { $0.searchURL },
        ]
    }
}
