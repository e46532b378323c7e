import CompiledMustache

/// An article (`templates/article.mustache`): the layout, with the article under `article`.
struct ArticlePage: Sendable {
    var layout: PageLayout
    var article: Article
    /// The names (titles and aliases, in the article's language) of the conditions and causes it is about,
    /// comma-separated: a search finds the article by them (`data-pagefind-weight`). Nil when it names none.
    var searchAliases: String? = nil

    struct Article: Sendable, TemplateModel {
        let title: String
        /// Empty when the front matter has none.
        let summary: String
        /// The rendered Markdown body, HTML.
        let body: String
        /// The body's sections, when it has enough of them to need one.
        let toc: TableOfContents?
        /// The article's printable handout.
        let handoutURL: String
        let dates: ReviewDates
        /// The clinician who reviewed it; nil when none has, which the page says.
        let reviewer: ClinicalReviewer?
        /// Published before any clinician reviewed it: the page carries a notice to readers.
        let awaitingReview: Bool
        let sources: SourceList?
        let clinicalReview: ClinicalReviewNotice?
        let unreviewedTranslation: TranslationNotice?
        /// The conditions and causes the article is about; nil when it names none.
        let topics: Topics?
        /// Up to five articles sharing the most causes and conditions with this one.
        let related: LinkList?
        /// The pages whose bodies link to this article.
        let backlinks: LinkList?

        static var templateFields: TemplateFields<Article> {
            TemplateFields<Article>([
                ("title", .text { $0.title }),
                ("summary", .text { $0.summary }),
                ("body", .text { $0.body }),
                ("toc", .model { $0.toc }),
                ("handoutURL", .text { $0.handoutURL }),
                ("reviewer", .model { $0.reviewer }),
                ("awaitingReview", .bool { $0.awaitingReview }),
                // Articles say where they stand with clinical review (`partials/review-dates`); other pages do not.
                ("clinicalStatus", .bool { _ in true }),
                ("sources", .model { $0.sources }),
                ("clinicalReview", .model { $0.clinicalReview }),
                ("unreviewedTranslation", .model { $0.unreviewedTranslation }),
                ("topics", .model { $0.topics }),
                ("related", .model { $0.related }),
                ("backlinks", .model { $0.backlinks }),
            ]).adding(.embedding({ $0.dates }, ReviewDates.templateFields))
        }
    }

    /// The article's sources, shown only when there are some.
    struct SourceList: Sendable, TemplateModel {
        let items: [Source]

        init?(_ items: [Source]) {
            guard !items.isEmpty else { return nil }
            self.items = items
        }

        static var templateFields: TemplateFields<SourceList> { ["items": .list { $0.items }] }
    }

    struct Source: Sendable, TemplateModel {
        let title: String
        /// Empty when the source has no address.
        let url: String
        /// Whether it has an address.
        let linked: Bool

        static var templateFields: TemplateFields<Source> {
            ["title": .text { $0.title }, "url": .text { $0.url }, "linked": .bool { $0.linked }]
        }
    }

    /// The conditions, and the causes that are not also conditions, an article is about.
    struct Topics: Sendable, TemplateModel {
        let conditions: LinkList?
        let causes: LinkList?

        static var templateFields: TemplateFields<Topics> {
            ["conditions": .model { $0.conditions }, "causes": .model { $0.causes }]
        }
    }

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<ArticlePage> {
        TemplateFields.embedding({ $0.layout }, PageLayout.templateFields(stringKeys: keys)).adding([
            "article": .model { $0.article },
            "searchAliases": .text { $0.searchAliases },
        ])
    }
}
