/// The `b` of `{{a.b}}` on a model: its field table's binding, read through `get`.
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
    let push: PushFrame<Part>

    init(get: @escaping @Sendable (Root) -> Part, fields: @escaping () -> TemplateFields<Part>, framed: @escaping @Sendable (StackValue<Root>) -> Part, push: @escaping PushFrame<Part>) {
        self.get = get
        self.fields = fields
        self.framed = framed
        self.push = push
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return ModelBinding<S, Part>(get: { get(outer($0)) }, fields: fields, push: push)
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return ModelBinding<S, Part>(get: { framed(frame($0)) }, fields: fields, push: push)
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return OptionalModelBinding<S, Part>(get: { outer($0).map(get) }, fields: fields, push: push)
    }
}

struct OptionalModelKind<Root, Part>: FieldKind {
    let get: @Sendable (Root) -> Part?
    let fields: () -> TemplateFields<Part>
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> Part?
    let push: PushFrame<Part>

    init(get: @escaping @Sendable (Root) -> Part?, fields: @escaping () -> TemplateFields<Part>, framed: @escaping @Sendable (StackValue<Root>) -> Part?, push: @escaping PushFrame<Part>) {
        self.get = get
        self.fields = fields
        self.framed = framed
        self.push = push
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return OptionalModelBinding<S, Part>(get: { get(outer($0)) }, fields: fields, push: push)
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return OptionalModelBinding<S, Part>(get: { framed(frame($0)) }, fields: fields, push: push)
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return OptionalModelBinding<S, Part>(get: { outer($0).flatMap(get) }, fields: fields, push: push)
    }
}

struct ModelBinding<S, Part>: Binding {
    let get: @Sendable (S) -> Part
    let fields: () -> TemplateFields<Part>
    let push: PushFrame<Part>
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
        let push = self.push
        let inner = compiler.compile(body, env.pushing(fields(), isList: false, key: context.sectionKey, id: compiler.nextID), context)
        return { stack, state in inner(push(get(stack), erased(stack), 0, -1), &state) }
    }

    func member(_ name: String) -> Member<S> { CompiledMustache.member(name, of: fields(), get) }
}

struct OptionalModelBinding<S, Part>: Binding {
    let get: @Sendable (S) -> Part?
    let fields: () -> TemplateFields<Part>
    let push: PushFrame<Part>
    var kindName: String { "a model" }

    func interpolation(escaped: Bool) -> Render<S>? { nil }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        let get = self.get
        if inverted {
            let inner = compiler.compile(body, env, context)
            return { stack, state in if get(stack) == nil { inner(stack, &state) } }
        }
        let push = self.push
        let inner = compiler.compile(body, env.pushing(fields(), isList: false, key: context.sectionKey, id: compiler.nextID), context)
        return { stack, state in
            if let part = get(stack) { inner(push(part, erased(stack), 0, -1), &state) }
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
