/// Every template of a site, parsed once. Parsing reports every syntax error of every file at once.
///
/// Any text is safe to give it: it returns a library or throws `TemplateErrors`, never traps.
public struct TemplateLibrary: Sendable {
    /// What `{{x}}` does to the text it writes.
    public enum Escaping: Sendable { case html, none }

    let templates: [String: ParsedTemplate]

    /// `escaping: .none` writes `{{x}}` as it is, like `{{{x}}}`: for templates of plain text such as YAML.
    public init(_ sources: [TemplateSource], escaping: Escaping = .html) throws(TemplateErrors) {
        var errors: [TemplateError] = []
        var templates: [String: ParsedTemplate] = [:]
        var nextID = 0
        for source in sources {
            var parser = TemplateParser(text: source.text, path: source.path, firstID: nextID, escapesHTML: escaping == .html)
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
        let root = TableScope<Frame<Root, Void>, Root>(fields: fields, get: { $0 })
        let env = Environment<Frame<Root, Void>>(id: compiler.nextID(), scopes: [root], position: nil, pushDynamic: nil)
        let context = CompileContext(path: template.path, indent: [], strip: [], overrides: [:], depth: 0,
                                     missingPartials: missingPartials)
        let render = compiler.include("template \(name)", label: name, template.nodes, env, context,
                                      Place(line: 1, column: 1), context)
        if !compiler.errors.isEmpty { throw TemplateErrors(compiler.errors) }
        return CompiledTemplate(body: render ?? { _, _ in })
    }
}

/// A template compiled for one root type: rendering only calls the tables' accessors and appends bytes.
public struct CompiledTemplate<Root>: Sendable {
    let body: Render<Frame<Root, Void>>

    /// Appends the rendered UTF-8 bytes. No string splitting, dictionary lookup or dynamic cast per tag
    /// (except lookups by name inside `TemplateValue`s). Templates recursing over dynamic data stop
    /// expanding 200 nesting levels deep, and after 10 000 expansions in one render.
    public func render(_ root: Root, into buffer: inout [UInt8]) {
        var state = RenderState(bytes: [])
        swap(&state.bytes, &buffer)
        body(Frame(top: root, rest: (), index: 0, count: -1), &state)
        swap(&state.bytes, &buffer)
    }

    public func render(_ root: Root) -> [UInt8] {
        var bytes: [UInt8] = []
        render(root, into: &bytes)
        return bytes
    }
}
