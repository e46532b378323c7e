import CompiledMustache

/// A cause or a condition (`templates/cause.mustache`, `templates/condition.mustache`): the layout,
/// with the entity under `entity`.
struct EntityPage: Sendable {
    var layout: PageLayout
    var entity: Entity
    /// A condition rather than a cause.
    var isCondition: Bool

    struct Entity: Sendable, TemplateModel {
        let title: String
        /// Empty when the front matter has none.
        let summary: String
        /// The rendered Markdown body, HTML.
        let body: String
        /// The kind (disease, symptom, …) in the page's language; nil when the front matter gives none.
        let kind: String?
        /// The other names it is known by, comma-separated; nil when it has none besides its title.
        let aliases: String?
        /// What can cause it, and what it can lead to: each link with the articles that state it (`evidence`).
        let causes: LinkList?
        let effects: LinkList?
        /// The articles about it.
        let articles: LinkList?
        /// Each list's pages, when the list is longer than a page: this page shows its first page.
        let moreCauses: MoreLink?
        let moreEffects: MoreLink?
        let moreArticles: MoreLink?
        let unreviewedTranslation: TranslationNotice?
        /// Never set on causes and conditions; there so that `partials/notices` reads the same on every page.
        let clinicalReview: ClinicalReviewNotice?

        static var templateFields: TemplateFields<Entity> {
            [
                "title": .text { $0.title },
                "summary": .text { $0.summary },
                "body": .text { $0.body },
                "kind": .text { $0.kind },
                "aliases": .text { $0.aliases },
                "causes": .model { $0.causes },
                "effects": .model { $0.effects },
                "articles": .model { $0.articles },
                "moreCauses": .model { $0.moreCauses },
                "moreEffects": .model { $0.moreEffects },
                "moreArticles": .model { $0.moreArticles },
                "unreviewedTranslation": .model { $0.unreviewedTranslation },
                // Causes and conditions are not articles (`partials/notices`).
                "awaitingReview": .bool { _ in false },
                "clinicalReview": .model { $0.clinicalReview },
            ]
        }
    }

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<EntityPage> {
        TemplateFields.embedding({ $0.layout }, PageLayout.templateFields(stringKeys: keys)).adding([
            "entity": .model { $0.entity },
            "isCondition": .bool { $0.isCondition },
        ])
    }
}
