/// Every template of a site, parsed once. Parsing reports every syntax error of every file at once.
///
/// Any text is safe to give it: it returns a library or throws `TemplateErrors`, never traps.
public struct TemplateLibrary: Sendable {
    let templates: [String: ParsedTemplate]

    public init(_ sources: [TemplateSource]) throws(TemplateErrors) {
        var errors: [TemplateError] = []
        var templates: [String: ParsedTemplate] = [:]
        var nextID = 0
        for source in sources {
            var parser = TemplateParser(text: source.text, path: source.path, firstID: nextID)
            let (nodes, next) = parser.parse()
            nextID = next
            errors += parser.errors
            templates[source.name] = ParsedTemplate(name: source.name, path: source.path, nodes: nodes)
        }
        if !errors.isEmpty { throw TemplateErrors(errors) }
        self.templates = templates
    }

    public var names: Set<String> { Set(templates.keys) }

    /// Resolves every tag of `name` (and of the partials/parents it uses, each for the model it is shown
    /// under) against `fields`, before anything renders. Unknown names, names that cannot be shown as
    /// text, missing partials (unless `missingPartials` is `.renderNothing`, as the Mustache spec has it),
    /// partials that include themselves endlessly: errors with place and a "did you mean".
    public func compile<Root>(_ name: String, _ fields: TemplateFields<Root>,
                              missingPartials: MissingPartials = .areErrors) throws(TemplateErrors) -> CompiledTemplate<Root> {
        guard let template = templates[name] else {
            throw TemplateErrors([TemplateError(
                path: name, line: 0, column: 0,
                message: "there is no template '\(name)'; fix the name, or add the template.",
                suggestion: Suggestion.closest(to: name, in: templates.keys.sorted()).map { "did you mean '\($0)'?" })])
        }
        let compiler = Compiler(templates: templates)
        let root = TableScope<Frame<Root>, Root>(fields: fields, get: { $0 })
        let env = Environment<Frame<Root>>(id: compiler.nextID(), scopes: [root], position: nil, pushDynamic: nil)
        let context = CompileContext(path: template.path, indent: [], strip: [], overrides: [:], depth: 0,
                                     missingPartials: missingPartials)
        let render = compiler.include("template \(name)", label: name, template.nodes, env, context,
                                      Place(line: 1, column: 1), context)
        if !compiler.errors.isEmpty { throw TemplateErrors(compiler.errors) }
        return CompiledTemplate(body: render ?? { _, _ in })
    }
}
