import CompiledMustache

/// Every template a build renders, each compiled against the model of the pages it renders, before
/// any page is rendered: a name a model does not have is an error here, at its place in the template.
public struct PageTemplates: Sendable {
    /// Every output of the site (`SiteOutputs`), each with its template compiled against its model.
    let outputs: [any SiteOutput]
    /// `partials/link`, when the templates have it.
    let link: CompiledTemplate<LinkPartial>?
    /// The UI strings' keys, which `{{t.key}}` may name: the default language's, A–Z. Each language's
    /// layout lists its strings in this order.
    let stringKeys: [String]
    /// The templates these were compiled from.
    public let templateSet: TemplateSet

    /// Each template's text as written, by name (`TemplateSet.sources`).
    public var sources: [String: String] { templateSet.sources }

    /// Compiles the template of every output (`SiteOutputs.standard` unless given), with the keys of the
    /// default language's UI strings; all errors of all templates at once.
    public static func compile(_ set: TemplateSet, strings: UIStrings, defaultLanguage: String) -> (PageTemplates?, [Diagnostic]) {
        compile(set, strings: strings, defaultLanguage: defaultLanguage, outputs: SiteOutputs.standard)
    }

    static func compile(_ set: TemplateSet, strings: UIStrings, defaultLanguage: String,
                        outputs: [any SiteOutput]) -> (PageTemplates?, [Diagnostic]) {
        var compiler = TemplateCompiler(set: set, stringKeys: strings.strings(defaultLanguage).keys.sorted())
        let compiled = outputs.filter { !$0.templateIsOptional || set.has($0.templateName!) }.map { $0.compiled(&compiler) }
        let link = set.has(PageParts.linkTemplate) ? compiler.compile(PageParts.linkTemplate, LinkPartial.templateFields(stringKeys: compiler.stringKeys)) : nil
        let diagnostics = Self.diagnostics(compiler.found)
        guard diagnostics.isEmpty, link != nil || !set.has(PageParts.linkTemplate) else { return (nil, diagnostics) }
        return (PageTemplates(outputs: compiled.map { $0! }, link: link, stringKeys: compiler.stringKeys, templateSet: set), [])
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
