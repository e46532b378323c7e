/// Where a list of nodes is being compiled: its file, the indentation its lines get (a standalone
/// partial's, a block's), the leading whitespace its lines lose (a block's own indentation), the
/// blocks that parents override, and how deep the nesting is.
struct CompileContext {
    var path: String
    var indent: [UInt8]
    var strip: [UInt8]
    var overrides: [String: BlockDefinition]
    var depth: Int
    var missingPartials: MissingPartials
    /// The section being compiled (name and kind), so that the same section in the same place pushes the
    /// same environment, and the partials in it compile once.
    var sectionKey = ""

    /// Identifies the overrides for the cache of compiled partials.
    var overridesKey: String {
        overrides.keys.sorted().map { "\($0)=\(overrides[$0]!.id)" }.joined(separator: ",")
    }

    /// A line's whitespace as this context writes it.
    func lineIndentation(_ whitespace: [UInt8]) -> [UInt8] {
        var common = 0
        while common < strip.count, common < whitespace.count, strip[common] == whitespace[common] { common += 1 }
        return indent + whitespace[common...]
    }
}

/// What a partial or parent that does not exist does.
public enum MissingPartials: Sendable {
    /// A compile error with a "did you mean" (what tabib wants).
    case areErrors
    /// Renders nothing (what the Mustache specification says).
    case renderNothing
}

/// Compiles templates against a root's field tables: resolves every tag once, and returns closures
/// that only call the accessors the tables gave and append bytes.
final class Compiler {
    static let maxDepth = 64
    /// How deep templates recursing over dynamic data may go when a page renders, in nesting levels
    /// (sections, partials, parents, blocks) so that the stack stays small whatever the templates.
    static let maxRenderDepth = 200
    /// How many times in all templates may recurse over dynamic data in one render (a template that
    /// includes itself twice would otherwise double its work at every level).
    static let maxRecursions = 10_000

    private let templates: [String: ParsedTemplate]
    private(set) var errors: [TemplateError] = []
    private var lastID = 0
    /// Dynamic sections (which push a data-dependent value) open at this point of the compile.
    private var openDynamicSections = 0
    /// The partials, parents and blocks being compiled, outermost first.
    private var path: [(key: String, label: String, dynamicSections: Int, depth: Int)] = []
    /// Compiled (or being compiled) includes, by key, each a `RenderBox<S>`.
    private var compiled: [String: AnyObject] = [:]
    private var reportedDepth = false

    init(templates: [String: ParsedTemplate]) {
        self.templates = templates
    }

    func nextID() -> Int {
        lastID += 1
        return lastID
    }

    func fail(_ message: String, at place: Place?, in path: String, suggestion: String? = nil) {
        errors.append(TemplateError(path: path, line: place?.line ?? 0, column: place?.column ?? 0,
                                    message: message, suggestion: suggestion))
    }

    /// The body of a section that pushes a dynamic value: recursion through it can end, depending on the data.
    func compileDynamicBody<S>(_ nodes: [Node], _ env: Environment<S>, _ context: CompileContext) -> Render<S> {
        openDynamicSections += 1
        defer { openDynamicSections -= 1 }
        return compile(nodes, env, context)
    }

    private enum Piece<T>: Sendable {
        case text([UInt8])
        case render(Render<T>)
    }

    func compile<S>(_ nodes: [Node], _ env: Environment<S>, _ context: CompileContext) -> Render<S> {
        var pieces: [Piece<S>] = []
        func write(_ bytes: [UInt8]) {
            guard !bytes.isEmpty else { return }
            if case .text(let previous)? = pieces.last {
                pieces[pieces.count - 1] = .text(previous + bytes)
            } else {
                pieces.append(.text(bytes))
            }
        }
        func add(_ render: Render<S>?) {
            if let render { pieces.append(.render(render)) }
        }
        var inner = context
        inner.depth += 1

        for node in nodes {
            switch node {
            case .text(let bytes):
                write(bytes)
            case .lineStart(let whitespace):
                write(context.lineIndentation(whitespace))
            case .variable(let name, let escaped, let place):
                guard let binding = bind(name, env, context, place) else { continue }
                if let render = binding.interpolation(escaped: escaped) {
                    add(render)
                } else {
                    fail("'\(name.text)' is \(binding.kindName), which cannot be shown as text; show one of its fields, or open it as a section ({{#\(name.text)}}…{{/\(name.text)}}).",
                         at: place, in: context.path)
                }
            case .section(let name, let inverted, let body, let place):
                guard checkDepth(context, place) else { continue }
                guard let binding = bind(name, env, context, place) else {
                    _ = compile(body, env, inner)  // still report what is wrong inside
                    continue
                }
                var section = inner
                section.sectionKey = "\(inverted ? "^" : "#")\(name.text)"
                add(binding.section(body, inverted: inverted, self, env, section))
            case .partial(let name, let indentation, let place):
                guard checkDepth(context, place), let template = template(name, kind: "partial", context, place) else { continue }
                var partial = inner
                partial.path = template.path
                if let indentation { partial.indent = context.lineIndentation(indentation) }
                partial.strip = []
                add(include("template \(name)", label: name, template.nodes, env, partial, place, context))
            case .parent(let name, let indentation, let blocks, let place):
                guard checkDepth(context, place), let template = template(name, kind: "parent", context, place) else { continue }
                var parent = inner
                parent.path = template.path
                if let indentation { parent.indent = context.lineIndentation(indentation) }
                parent.strip = []
                for block in blocks where context.overrides[block.name] == nil {
                    parent.overrides[block.name] = block  // the outermost override wins
                }
                add(include("template \(name)", label: name, template.nodes, env, parent, place, context))
            case .block(let site):
                guard checkDepth(context, site.place) else { continue }
                let chosen = context.overrides[site.name]
                let nodes = chosen?.nodes ?? site.nodes
                var block = inner
                block.path = chosen?.path ?? site.path
                if let indentation = site.indentation {
                    var own = indentation
                    if site.standalone, case .lineStart(let first)? = site.nodes.first { own = first }
                    block.indent = context.lineIndentation(own)
                    // The line's whitespace went into the indentation: write it where the content starts mid-line.
                    if !site.standalone, !(chosen?.startsOnNewLine ?? false) { write(block.indent) }
                }
                block.strip = nodes.firstLineIndentation
                add(include("block \(chosen?.id ?? site.id)", label: "$\(site.name)", nodes, env, block, site.place, context))
            }
        }

        if pieces.isEmpty { return { _, _ in } }
        return Self.sequence(pieces[...])
    }

    /// Pieces rendered one after the other, as a balanced tree of closures: a closure calls the ones it
    /// captured without retaining them, where looping over an array of pieces would copy (retain and
    /// release) each piece on every render.
    private static func sequence<S>(_ pieces: ArraySlice<Piece<S>>) -> Render<S> {
        if pieces.count == 1 {
            switch pieces.first! {
            case .text(let bytes):
                return { _, state in bytes.withUnsafeBufferPointer { state.bytes.append(contentsOf: $0) } }
            case .render(let render):
                return render
            }
        }
        if pieces.count == 2, case .text(let bytes) = pieces.first!, case .render(let render) = pieces.last! {
            return { stack, state in
                bytes.withUnsafeBufferPointer { state.bytes.append(contentsOf: $0) }
                render(stack, &state)
            }
        }
        if pieces.count == 2, case .render(let render) = pieces.first!, case .text(let bytes) = pieces.last! {
            return { stack, state in
                render(stack, &state)
                bytes.withUnsafeBufferPointer { state.bytes.append(contentsOf: $0) }
            }
        }
        let middle = pieces.startIndex + pieces.count / 2
        let first = sequence(pieces[..<middle]), second = sequence(pieces[middle...])
        return { stack, state in
            first(stack, &state)
            second(stack, &state)
        }
    }

    /// Compiles a template (or block) once per stack, indentation and overrides; an include of itself
    /// through a dynamic section recurses at render time, any other an error naming the chain.
    func include<S>(_ key: String, label: String, _ nodes: [Node], _ env: Environment<S>, _ context: CompileContext,
                    _ place: Place, _ outer: CompileContext) -> Render<S>? {
        let fullKey = "\(key)|\(env.id)|\(context.indent)|\(context.strip)|\(context.overridesKey)"
        if let start = path.firstIndex(where: { $0.key == fullKey }) {
            if openDynamicSections > path[start].dynamicSections, let box = compiled[fullKey] as? RenderBox<S> {
                let levels = max(1, context.depth - path[start].depth)
                return { stack, state in
                    guard state.depth + levels <= Compiler.maxRenderDepth, state.recursions < Compiler.maxRecursions else { return }
                    state.depth += levels
                    state.recursions += 1
                    box.render?(stack, &state)
                    state.depth -= levels
                }
            }
            let chain = (path[start...].map(\.label) + [label]).joined(separator: " → ")
            fail("'\(label)' includes itself endlessly (\(chain)), with nothing in between that could end it; remove the include, or put it in a section over a list or an optional value.",
                 at: place, in: outer.path)
            return nil
        }
        if let box = compiled[fullKey] as? RenderBox<S>, let render = box.render { return render }
        let box = RenderBox<S>()
        compiled[fullKey] = box
        path.append((fullKey, label, openDynamicSections, context.depth))
        let render = compile(nodes, env, context)
        path.removeLast()
        box.render = render
        return render
    }

    private func checkDepth(_ context: CompileContext, _ place: Place) -> Bool {
        guard context.depth >= Compiler.maxDepth else { return true }
        if !reportedDepth {
            reportedDepth = true
            let through = path.suffix(4).map(\.label).joined(separator: " → ")
            fail("templates nest more than \(Compiler.maxDepth) levels deep here (sections, partials, parents and blocks\(through.isEmpty ? "" : ", through \(through)")); a partial that includes itself over typed models cannot end, so remove the recursion.",
                 at: place, in: context.path)
        }
        return false
    }

    private func template(_ name: String, kind: String, _ context: CompileContext, _ place: Place) -> ParsedTemplate? {
        if let template = templates[name] { return template }
        if context.missingPartials == .areErrors {
            fail("the \(kind) '\(name)' does not exist; fix its name, or add the template.", at: place, in: context.path,
                 suggestion: Suggestion.closest(to: name, in: templates.keys.sorted()).map { "did you mean '\($0)'?" })
        }
        return nil
    }

    // MARK: Names

    /// What a tag's name refers to here, or nil after reporting why it refers to nothing.
    func bind<S>(_ name: TagName, _ env: Environment<S>, _ context: CompileContext, _ place: Place) -> (any Binding<S>)? {
        if let helper = name.helper {
            guard let position = env.position else {
                fail("'\(name.text)' tells about the current item of a list, but no list section encloses it here; move it into one.",
                     at: place, in: context.path)
                return nil
            }
            switch helper {
            case .first: return BoolBinding { position($0).map { $0.index == 0 } ?? false }
            case .last: return BoolBinding { position($0).map { $0.index == $0.count - 1 } ?? false }
            case .even: return BoolBinding { position($0).map { $0.index % 2 == 0 } ?? false }
            case .odd: return BoolBinding { position($0).map { $0.index % 2 == 1 } ?? false }
            case .index: return IndexBinding { position($0)?.index }
            }
        }
        guard let first = name.components.first else {
            guard name.text == "." else { return nil }  // the parser reported it
            if let dot = env.dot() { return dot }
            fail("'{{.}}' shows the current value, but here that is a model with named fields; write one of its fields instead.",
                 at: place, in: context.path)
            return nil
        }
        guard var binding = env.resolve(first) else {
            let names = env.visibleNames
            var suggestion = Suggestion.closest(to: first, in: names)
            if name.components.count > 1, let guess = suggestion {
                suggestion = ([guess] + name.components.dropFirst()).joined(separator: ".")
            }
            fail("unknown name '\(name.text)': nothing here has a field '\(first)'; fix the name, or add the field to the model.",
                 at: place, in: context.path, suggestion: suggestion.map { "did you mean '\($0)'?" })
            return nil
        }
        for index in name.components.indices.dropFirst() {
            let component = name.components[index]
            let prefix = name.components[..<index].joined(separator: ".")
            switch binding.member(component) {
            case .found(let member):
                binding = member
            case .unknown(let names):
                fail("unknown name '\(name.text)': '\(prefix)' has no field '\(component)'; fix the name, or add the field to the model.",
                     at: place, in: context.path,
                     suggestion: Suggestion.closest(to: component, in: names).map { "did you mean '\(prefix).\($0)'?" })
                return nil
            case .none:
                fail("unknown name '\(name.text)': '\(prefix)' is \(binding.kindName), which has no fields; fix the name.",
                     at: place, in: context.path)
                return nil
            }
        }
        return binding
    }
}

