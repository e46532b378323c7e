import CompiledMustache

/// A language's search page (`templates/search.mustache`), written when site.yaml says `search: true`:
/// the layout, with what the search box needs under `search`. The results come from the Pagefind index
/// that the build writes under `pagefind/` (`SearchIndex`); `assets/search.js` asks it and lists them.
struct SearchPage: Sendable {
    var layout: PageLayout
    var search: Search

    struct Search: Sendable, TemplateModel {
        let heading: String
        let intro: String
        /// Pagefind's script, `/base/pagefind/pagefind.js`.
        let pagefindURL: String
        /// The site's base path (`/` or `/kesehatan/`), which Pagefind puts before every result's address.
        let basePath: String
        /// The script that runs the search box, `/base/assets/search.js`.
        let scriptURL: String
        /// The A–Z lists a reader without JavaScript is pointed to.
        let conditionsURL: String
        let causesURL: String
        let articlesURL: String

        static var templateFields: TemplateFields<Search> {
            [
                "heading": .text { $0.heading },
                "intro": .text { $0.intro },
                "pagefindURL": .text { $0.pagefindURL },
                "basePath": .text { $0.basePath },
                "scriptURL": .text { $0.scriptURL },
                "conditionsURL": .text { $0.conditionsURL },
                "causesURL": .text { $0.causesURL },
                "articlesURL": .text { $0.articlesURL },
            ]
        }
    }

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<SearchPage> {
        TemplateFields.embedding({ $0.layout }, PageLayout.templateFields(stringKeys: keys)).adding([
            "search": .model { $0.search },
        ])
    }
}
