import CompiledMustache

/// How the pages of a content kind are made and listed. With its `KindDescription` (Load/: folder,
/// section, front-matter keys), this is all there is to a kind: the output that renders each of its
/// files into its page, through its template and typed model, and its index page, if it has one.
struct PageKind: Sendable {
    let kind: ContentKind
    /// Renders each file of the kind, through the template of the kind's name.
    let pages: any SiteOutput
    /// Its index page in each language, A–Z: the UI strings of its title (also the navigation's label)
    /// and of its introduction; nil: the kind has no index page.
    let index: (title: UIStrings.Key, intro: UIStrings.Key)?
    /// The schema.org type that JSON-LD gives its pages and the links to them, for causes and conditions.
    var schemaType: String? = nil

    static let all: [PageKind] = [article, cause, condition, page]
    /// The kinds with an index page, in the order the navigation lists them.
    static let listed: [PageKind] = [article, condition, cause]

    static let article = PageKind(kind: .article, pages: contentPages(.article, ArticlePage.templateFields) { $0.articlePage($1) },
                                  index: (.navArticles, .articlesIntro))
    static let cause = PageKind(kind: .cause, pages: contentPages(.cause, EntityPage.templateFields) { $0.entityPage($1) },
                                index: (.navCauses, .causesIntro), schemaType: "MedicalCause")
    static let condition = PageKind(kind: .condition, pages: contentPages(.condition, EntityPage.templateFields) { $0.entityPage($1) },
                                    index: (.navConditions, .conditionsIntro), schemaType: "MedicalCondition")
    static let page = PageKind(kind: .page, pages: contentPages(.page, SimplePage.templateFields) { $0.simplePage($1) }, index: nil)

    /// A page per file of `kind`, at its route, rendered through `templates/<kind>.mustache`.
    static func contentPages<Model>(_ kind: ContentKind, _ fields: @escaping @Sendable ([String]) -> TemplateFields<Model>,
                                    model: @escaping @Sendable (SiteRenderer, Int) -> Model) -> PageOutput<Model> {
        PageOutput(kind.rawValue, template: kind.rawValue, fields: fields, subjects: SiteOutputs.files(of: kind),
                   sitePath: { renderer, subject in
                       let file = renderer.graph.files[subject.file]
                       return renderer.routes.path(file.key, language: file.language)!
                   },
                   sitemap: .contentFile, model: { model($0, $1.file) })
    }

    /// The index page of each listed kind in each language, through `templates/list.mustache`.
    var indexPages: (any SiteOutput)? {
        guard index != nil else { return nil }
        let kind = kind
        return PageOutput("index:\(kind.folder)", template: "list", fields: ListPage.templateFields, subjects: SiteOutputs.languages,
                          sitePath: { $0.routes.index(kind.section, language: $1.language) }, sitemap: .everyLanguage,
                          model: { $0.listPage(kind, $1.language) })
    }

    static func of(_ kind: ContentKind) -> PageKind {
        switch kind {
        case .article: article
        case .cause: cause
        case .condition: condition
        case .page: page
        }
    }
}
