import CompiledMustache

/// A page such as the disclaimer or "about" (`templates/page.mustache`): the layout, with the page
/// under `page`. The layout's `isDisclaimer` says whether it is the disclaimer.
struct SimplePage: Sendable {
    var layout: PageLayout
    var page: Page

    struct Page: Sendable, TemplateModel {
        let title: String
        /// Empty when the front matter has none.
        let summary: String
        /// The rendered Markdown body, HTML.
        let body: String
        let dates: ReviewDates
        /// The page's date, as `dates.published` writes it.
        let updated: String?
        let unreviewedTranslation: TranslationNotice?
        /// Never set on pages; there so that `partials/notices` reads the same on every page.
        let clinicalReview: ClinicalReviewNotice?
        /// On the disclaimer: the emergency number from site.yaml, which its printed copy must give.
        let emergencyNumber: String?

        static var templateFields: TemplateFields<Page> {
            TemplateFields<Page>([
                ("title", .text { $0.title }),
                ("summary", .text { $0.summary }),
                ("body", .text { $0.body }),
                ("updated", .text { $0.updated }),
                ("unreviewedTranslation", .model { $0.unreviewedTranslation }),
                ("clinicalReview", .model { $0.clinicalReview }),
                // Pages are not articles: never published before a clinical review (`partials/notices`).
                ("awaitingReview", .bool { _ in false }),
                ("emergencyNumber", .text { $0.emergencyNumber }),
            ]).adding(.embedding({ $0.dates }, ReviewDates.templateFields))
        }
    }

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<SimplePage> {
        TemplateFields.embedding({ $0.layout }, PageLayout.templateFields(stringKeys: keys)).adding([
            "page": .model { $0.page },
        ])
    }
}
