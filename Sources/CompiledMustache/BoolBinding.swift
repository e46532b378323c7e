/// A flag (`.bool`), and what a tag over a flag compiles to.
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
