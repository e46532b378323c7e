/// What a name refers to at one point of a template, with how to read it from the stack `S`:
/// the compiler asks it for the code of a tag. Used only while compiling; what it returns runs per page.
protocol Binding<S> {
    associatedtype S
    /// "text", "a list", … for error messages.
    var kindName: String { get }
    /// `{{x}}` or `{{{x}}}`; nil when this kind cannot be shown as text.
    func interpolation(escaped: Bool) -> Render<S>?
    /// `{{#x}}…{{/x}}` or `{{^x}}…{{/x}}`.
    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S>
    /// The `b` of `{{a.b}}`.
    func member(_ name: String) -> Member<S>
}

enum Member<S> {
    case found(any Binding<S>)
    /// No such name; the names there are.
    case unknown([String])
    /// This kind has no names.
    case none
}

/// Read by one field of a table: how to bind it to a stack, directly or through an optional parent.
protocol FieldKind<Root> {
    associatedtype Root
    func bind<S>(_ get: @escaping @Sendable (S) -> Root) -> any Binding<S>
    /// A context's own field: read from the frame on the stack, without copying the context's value.
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S>
    /// Through an optional model: a nil parent reads as absent (falsey, shows nothing).
    func bindOptional<S>(_ get: @escaping @Sendable (S) -> Root?) -> any Binding<S>
}

// MARK: Text

struct TextKind<Root>: FieldKind {
    let get: @Sendable (Root) -> String
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> String

    init(get: @escaping @Sendable (Root) -> String, framed: @escaping @Sendable (StackValue<Root>) -> String) {
        self.get = get
        self.framed = framed
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return TextBinding<S>(get: { get(outer($0)) })
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return TextBinding<S>(get: { framed(frame($0)) })
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return OptionalTextBinding<S>(get: { outer($0).map(get) })
    }
}

struct OptionalTextKind<Root>: FieldKind {
    let get: @Sendable (Root) -> String?
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> String?

    init(get: @escaping @Sendable (Root) -> String?, framed: @escaping @Sendable (StackValue<Root>) -> String?) {
        self.get = get
        self.framed = framed
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return OptionalTextBinding<S>(get: { get(outer($0)) })
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return OptionalTextBinding<S>(get: { framed(frame($0)) })
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return OptionalTextBinding<S>(get: { outer($0).flatMap(get) })
    }
}

struct TextBinding<S>: Binding {
    let get: @Sendable (S) -> String
    var kindName: String { "text" }

    func interpolation(escaped: Bool) -> Render<S>? {
        let get = self.get
        if escaped { return { $1.writeEscaped(get($0)) } }
        return { $1.write(get($0)) }
    }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        let get = self.get
        if inverted {
            // Text is always truthy (an empty string too, as in swift-mustache): never shown.
            _ = compiler.compile(body, env, context)
            return { _, _ in }
        }
        let inner = compiler.compile(body, env.pushing(TemplateFields<String>.string, isList: false, key: context.sectionKey, id: compiler.nextID), context)
        return { stack, state in inner(Frame(top: get(stack), rest: stack, index: 0, count: -1), &state) }
    }

    func member(_ name: String) -> Member<S> { .none }
}

struct OptionalTextBinding<S>: Binding {
    let get: @Sendable (S) -> String?
    var kindName: String { "text" }

    func interpolation(escaped: Bool) -> Render<S>? {
        let get = self.get
        if escaped { return { stack, state in if let text = get(stack) { state.writeEscaped(text) } } }
        return { stack, state in if let text = get(stack) { state.write(text) } }
    }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        let get = self.get
        if inverted {
            let inner = compiler.compile(body, env, context)
            return { stack, state in if get(stack) == nil { inner(stack, &state) } }
        }
        let inner = compiler.compile(body, env.pushing(TemplateFields<String>.string, isList: false, key: context.sectionKey, id: compiler.nextID), context)
        return { stack, state in
            if let text = get(stack) { inner(Frame(top: text, rest: stack, index: 0, count: -1), &state) }
        }
    }

    func member(_ name: String) -> Member<S> { .none }
}

// MARK: Flags

struct BoolKind<Root>: FieldKind {
    let get: @Sendable (Root) -> Bool
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> Bool

    init(get: @escaping @Sendable (Root) -> Bool, framed: @escaping @Sendable (StackValue<Root>) -> Bool) {
        self.get = get
        self.framed = framed
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return BoolBinding<S>(get: { get(outer($0)) })
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return BoolBinding<S>(get: { framed(frame($0)) })
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return BoolBinding<S>(get: { outer($0).map(get) ?? false })
    }
}

struct BoolBinding<S>: Binding {
    let get: @Sendable (S) -> Bool
    var kindName: String { "a flag" }

    func interpolation(escaped: Bool) -> Render<S>? {
        let get = self.get
        return { stack, state in state.write(get(stack) ? "true" : "false") }
    }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        let get = self.get
        let inner = compiler.compile(body, env, context)
        if inverted { return { stack, state in if !get(stack) { inner(stack, &state) } } }
        return { stack, state in if get(stack) { inner(stack, &state) } }
    }

    func member(_ name: String) -> Member<S> { .none }
}

/// The position helpers `index()` as text.
struct IndexBinding<S>: Binding {
    let get: @Sendable (S) -> Int?
    var kindName: String { "a number" }

    func interpolation(escaped: Bool) -> Render<S>? {
        let get = self.get
        return { stack, state in if let index = get(stack) { state.write(String(index)) } }
    }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        // A number is truthy, as in swift-mustache; pushed values of numbers have no names.
        let get = self.get
        let inner = compiler.compile(body, env, context)
        if inverted { return { stack, state in if get(stack) == nil { inner(stack, &state) } } }
        return { stack, state in if get(stack) != nil { inner(stack, &state) } }
    }

    func member(_ name: String) -> Member<S> { .none }
}

// MARK: Models

func member<S, Part>(_ name: String, of fields: TemplateFields<Part>, _ get: @escaping @Sendable (S) -> Part) -> Member<S> {
    if let field = fields.table[name] { return .found(field.kind.bind(get)) }
    if let dynamic = fields.dynamic {
        return .found(DynamicBinding(candidates: [{ dynamic(get($0), name) }], fallback: nil))
    }
    return .unknown(fields.order)
}

struct ModelKind<Root, Part>: FieldKind {
    let get: @Sendable (Root) -> Part
    let fields: () -> TemplateFields<Part>
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> Part

    init(get: @escaping @Sendable (Root) -> Part, fields: @escaping () -> TemplateFields<Part>, framed: @escaping @Sendable (StackValue<Root>) -> Part) {
        self.get = get
        self.fields = fields
        self.framed = framed
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return ModelBinding<S, Part>(get: { get(outer($0)) }, fields: fields)
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return ModelBinding<S, Part>(get: { framed(frame($0)) }, fields: fields)
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return OptionalModelBinding<S, Part>(get: { outer($0).map(get) }, fields: fields)
    }
}

struct OptionalModelKind<Root, Part>: FieldKind {
    let get: @Sendable (Root) -> Part?
    let fields: () -> TemplateFields<Part>
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> Part?

    init(get: @escaping @Sendable (Root) -> Part?, fields: @escaping () -> TemplateFields<Part>, framed: @escaping @Sendable (StackValue<Root>) -> Part?) {
        self.get = get
        self.fields = fields
        self.framed = framed
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return OptionalModelBinding<S, Part>(get: { get(outer($0)) }, fields: fields)
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return OptionalModelBinding<S, Part>(get: { framed(frame($0)) }, fields: fields)
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return OptionalModelBinding<S, Part>(get: { outer($0).flatMap(get) }, fields: fields)
    }
}

struct ModelBinding<S, Part>: Binding {
    let get: @Sendable (S) -> Part
    let fields: () -> TemplateFields<Part>
    var kindName: String { "a model" }

    func interpolation(escaped: Bool) -> Render<S>? { nil }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        let get = self.get
        if inverted {
            // A model is always truthy: never shown.
            _ = compiler.compile(body, env, context)
            return { _, _ in }
        }
        let inner = compiler.compile(body, env.pushing(fields(), isList: false, key: context.sectionKey, id: compiler.nextID), context)
        return { stack, state in inner(Frame(top: get(stack), rest: stack, index: 0, count: -1), &state) }
    }

    func member(_ name: String) -> Member<S> { CompiledMustache.member(name, of: fields(), get) }
}

struct OptionalModelBinding<S, Part>: Binding {
    let get: @Sendable (S) -> Part?
    let fields: () -> TemplateFields<Part>
    var kindName: String { "a model" }

    func interpolation(escaped: Bool) -> Render<S>? { nil }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        let get = self.get
        if inverted {
            let inner = compiler.compile(body, env, context)
            return { stack, state in if get(stack) == nil { inner(stack, &state) } }
        }
        let inner = compiler.compile(body, env.pushing(fields(), isList: false, key: context.sectionKey, id: compiler.nextID), context)
        return { stack, state in
            if let part = get(stack) { inner(Frame(top: part, rest: stack, index: 0, count: -1), &state) }
        }
    }

    func member(_ name: String) -> Member<S> {
        let fields = fields()
        if let field = fields.table[name] { return .found(field.kind.bindOptional(get)) }
        if let dynamic = fields.dynamic {
            let get = self.get
            return .found(DynamicBinding(candidates: [{ get($0).flatMap { dynamic($0, name) } ?? .null }], fallback: nil))
        }
        return .unknown(fields.order)
    }
}

// MARK: Lists

struct ListKind<Root, Item>: FieldKind {
    let get: @Sendable (Root) -> [Item]
    let fields: () -> TemplateFields<Item>
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> [Item]

    init(get: @escaping @Sendable (Root) -> [Item], fields: @escaping () -> TemplateFields<Item>, framed: @escaping @Sendable (StackValue<Root>) -> [Item]) {
        self.get = get
        self.fields = fields
        self.framed = framed
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return ListBinding<S, Item>(get: { get(outer($0)) }, fields: fields)
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return ListBinding<S, Item>(get: { framed(frame($0)) }, fields: fields)
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return ListBinding<S, Item>(get: { outer($0).map(get) ?? [] }, fields: fields)
    }
}

struct ListBinding<S, Item>: Binding {
    let get: @Sendable (S) -> [Item]
    let fields: () -> TemplateFields<Item>
    var kindName: String { "a list" }

    func interpolation(escaped: Bool) -> Render<S>? { nil }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        let get = self.get
        if inverted {
            let inner = compiler.compile(body, env, context)
            return { stack, state in if get(stack).isEmpty { inner(stack, &state) } }
        }
        let inner = compiler.compile(body, env.pushing(fields(), isList: true, key: context.sectionKey, id: compiler.nextID), context)
        return { stack, state in
            let items = get(stack)
            let count = items.count
            for index in 0..<count {
                inner(Frame(top: items[index], rest: stack, index: index, count: count), &state)
            }
        }
    }

    func member(_ name: String) -> Member<S> { .none }
}

// MARK: Fields read through another type

struct ThroughKind<Root, Inner>: FieldKind {
    let get: @Sendable (Root) -> Inner
    let inner: any FieldKind<Inner>
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> Inner

    init(get: @escaping @Sendable (Root) -> Inner, inner: any FieldKind<Inner>,
         framed: @escaping @Sendable (StackValue<Root>) -> Inner) {
        self.get = get
        self.inner = inner
        self.framed = framed
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return inner.bind { get(outer($0)) }
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return inner.bind { framed(frame($0)) }
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return inner.bindOptional { outer($0).map(get) }
    }
}

// MARK: Dynamic values

struct ValueKind<Root>: FieldKind {
    let get: @Sendable (Root) -> TemplateValue
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> TemplateValue

    init(get: @escaping @Sendable (Root) -> TemplateValue, framed: @escaping @Sendable (StackValue<Root>) -> TemplateValue) {
        self.get = get
        self.framed = framed
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return DynamicBinding<S>(candidates: [{ get(outer($0)) }], fallback: nil)
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return DynamicBinding<S>(candidates: [{ framed(frame($0)) }], fallback: nil)
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return DynamicBinding<S>(candidates: [{ outer($0).map(get) ?? .null }], fallback: nil)
    }
}

/// A value looked up when a page renders: the first of `candidates` that has it (dynamic contexts,
/// innermost first), else `fallback` (the typed context further out that has the name), else nothing.
struct DynamicBinding<S>: Binding {
    let candidates: [@Sendable (S) -> TemplateValue?]
    let fallback: (any Binding<S>)?
    var kindName: String { "a value" }

    /// The value, or nil when no dynamic context has the name.
    var lookup: @Sendable (S) -> TemplateValue? {
        let candidates = self.candidates
        if candidates.count == 1 { return candidates[0] }
        return { stack in
            for candidate in candidates {
                if let value = candidate(stack) { return value }
            }
            return nil
        }
    }

    func interpolation(escaped: Bool) -> Render<S>? {
        let lookup = self.lookup
        let fallback = self.fallback?.interpolation(escaped: escaped)
        return { stack, state in
            if let value = lookup(stack) {
                state.write(value.text, escaped: escaped)
            } else {
                fallback?(stack, &state)
            }
        }
    }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        let lookup = self.lookup
        let fallback = self.fallback?.section(body, inverted: inverted, compiler, env, context)
        if inverted {
            let inner = compiler.compile(body, env, context)
            return { stack, state in
                if let value = lookup(stack) {
                    if !value.isTruthy { inner(stack, &state) }
                } else if let fallback {
                    fallback(stack, &state)
                } else {
                    inner(stack, &state)
                }
            }
        }
        if let push = env.pushDynamic {
            // Already on dynamic frames: push without changing the stack's type.
            let inner = compiler.compileDynamicBody(body, env, context)
            return { stack, state in
                guard let value = lookup(stack) else {
                    fallback?(stack, &state)
                    return
                }
                switch value {
                case .null, .bool(false): return
                case .bool(true): inner(stack, &state)
                case .list(let items):
                    for index in items.indices {
                        inner(push(stack, DynamicEntry(value: items[index], index: index, count: items.count)), &state)
                    }
                default: inner(push(stack, DynamicEntry(value: value, index: 0, count: -1)), &state)
                }
            }
        }
        let dynamicEnv = env.pushingDynamic(id: compiler.nextID)
        let inner = compiler.compileDynamicBody(body, dynamicEnv, context)
        return { stack, state in
            guard let value = lookup(stack) else {
                fallback?(stack, &state)
                return
            }
            switch value {
            case .null, .bool(false): return
            case .bool(true): inner(DynamicFrames(entries: [], rest: stack), &state)
            case .list(let items):
                for index in items.indices {
                    let entry = DynamicEntry(value: items[index], index: index, count: items.count)
                    inner(DynamicFrames(entries: [entry], rest: stack), &state)
                }
            default: inner(DynamicFrames(entries: [DynamicEntry(value: value, index: 0, count: -1)], rest: stack), &state)
            }
        }
    }

    func member(_ name: String) -> Member<S> {
        let lookup = self.lookup
        var fallbackMember: (any Binding<S>)? = nil
        if let fallback, case .found(let binding) = fallback.member(name) { fallbackMember = binding }
        if fallback != nil {
            return .found(DynamicBinding(candidates: [{ lookup($0).map { $0[name] ?? .null } }], fallback: fallbackMember))
        }
        return .found(DynamicBinding(candidates: [{ lookup($0).map { $0[name] ?? .null } ?? .null }], fallback: nil))
    }
}
