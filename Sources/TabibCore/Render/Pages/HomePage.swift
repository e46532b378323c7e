import CompiledMustache

/// A language's home page (`templates/home.mustache`): the layout, with the page's own parts under `home`.
struct HomePage: Sendable {
    var layout: PageLayout
    var home: Home

    struct Home: Sendable, TemplateModel {
        /// The first articles of the language, A–Z by title (a page of the articles index); nil when there are none.
        let articles: LinkList?
        /// The articles index, when it has more articles than the home page shows.
        let more: MoreLink?
        /// The home page's introduction (the UI string `homeIntro`).
        let intro: String
        /// The conditions' and causes' index pages.
        let conditionsURL: String
        let causesURL: String

        static var templateFields: TemplateFields<Home> {
            [
                "articles": .model { $0.articles },
                "more": .model { $0.more },
                "intro": .text { $0.intro },
                "conditionsURL": .text { $0.conditionsURL },
                "causesURL": .text { $0.causesURL },
            ]
        }
    }

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<HomePage> {
        TemplateFields.embedding({ $0.layout }, PageLayout.templateFields(stringKeys: keys)).adding([
            "home": .model { $0.home },
        ])
    }
}
