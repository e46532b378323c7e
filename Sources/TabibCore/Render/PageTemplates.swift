import CompiledMustache

/// Every template a build renders, each compiled against the model of the pages it renders, before
/// any page is rendered: a name a model does not have is an error here, at its place in the template.
public struct PageTemplates: Sendable {
    let article: CompiledTemplate<ArticlePage>
    let cause: CompiledTemplate<EntityPage>
    let condition: CompiledTemplate<EntityPage>
    let page: CompiledTemplate<SimplePage>
    let list: CompiledTemplate<ListPage>
    let home: CompiledTemplate<HomePage>
    let root: CompiledTemplate<RootPage>
    let notFound: CompiledTemplate<NotFoundPage>
    let handout: CompiledTemplate<HandoutPage>
    /// `search`, when the templates have it: a site with `search: true` needs it (`SearchIndex.check`).
    let search: CompiledTemplate<SearchPage>?
    /// `partials/link`, when the templates have it.
    let link: CompiledTemplate<LinkPartial>?
    /// The UI strings' keys, which `{{t.key}}` may name: the default language's, A–Z. Each language's
    /// layout lists its strings in this order.
    let stringKeys: [String]
    /// The templates these were compiled from.
    public let templateSet: TemplateSet

    /// Each template's text as written, by name (`TemplateSet.sources`).
    public var sources: [String: String] { templateSet.sources }

    /// Compiles every template of `set` that renders pages, with the keys of the default language's UI
    /// strings; all errors of all templates at once.
    public static func compile(_ set: TemplateSet, strings: UIStrings, defaultLanguage: String) -> (PageTemplates?, [Diagnostic]) {
        let keys = strings.strings(defaultLanguage).keys.sorted()
        var found: [(error: TemplateError, template: String)] = []
        func compiled<Root>(_ name: String, _ fields: TemplateFields<Root>) -> CompiledTemplate<Root>? {
            do {
                return try set.library.compile(name, fields)
            } catch {
                found += error.errors.map { ($0, name) }
                return nil
            }
        }
        let article = compiled("article", ArticlePage.templateFields(stringKeys: keys))
        let cause = compiled("cause", EntityPage.templateFields(stringKeys: keys))
        let condition = compiled("condition", EntityPage.templateFields(stringKeys: keys))
        let page = compiled("page", SimplePage.templateFields(stringKeys: keys))
        let list = compiled("list", ListPage.templateFields(stringKeys: keys))
        let home = compiled("home", HomePage.templateFields(stringKeys: keys))
        let root = compiled("root", RootPage.templateFields(stringKeys: keys))
        let notFound = compiled("404", NotFoundPage.templateFields(stringKeys: keys))
        let handout = compiled("handout", HandoutPage.templateFields(stringKeys: keys))
        let search = set.has("search") ? compiled("search", SearchPage.templateFields(stringKeys: keys)) : nil
        let link = set.has(PageParts.linkTemplate) ? compiled(PageParts.linkTemplate, LinkPartial.templateFields(stringKeys: keys)) : nil
        let diagnostics = Self.diagnostics(found)
        guard diagnostics.isEmpty, let article, let cause, let condition, let page, let list, let home, let root, let notFound,
              let handout, link != nil || !set.has(PageParts.linkTemplate), search != nil || !set.has("search") else { return (nil, diagnostics) }
        return (PageTemplates(article: article, cause: cause, condition: condition, page: page, list: list, home: home,
                              root: root, notFound: notFound, handout: handout, search: search, link: link, stringKeys: keys, templateSet: set), [])
    }

    /// Each error once: a partial or parent shown by several templates may have the same error under
    /// each of their models. An error outside the template compiled says which templates show it there.
    static func diagnostics(_ found: [(error: TemplateError, template: String)]) -> [Diagnostic] {
        var order: [TemplateError] = []
        var shownBy: [String: [String]] = [:]
        for (error, template) in found {
            let key = error.description
            if shownBy[key] == nil {
                order.append(error)
                shownBy[key] = []
            }
            let path = "templates/\(template).mustache"
            if error.path != path, !shownBy[key]!.contains(path) { shownBy[key]!.append(path) }
        }
        return order.map { error in
            var diagnostic = TemplateSet.diagnostic(error)
            if let templates = shownBy[error.description], !templates.isEmpty {
                diagnostic.notes.append("as \(Self.list(templates.sorted())) show\(templates.count == 1 ? "s" : "") it")
            }
            return diagnostic
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
