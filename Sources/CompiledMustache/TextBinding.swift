/// A text field (`.text`), and what a tag over text compiles to.
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

/// Text that may be absent (`.text` returning `String?`).
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
        return { stack, state in inner(Frame(top: get(stack), rest: erased(stack), index: 0, count: -1), &state) }
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
            if let text = get(stack) { inner(Frame(top: text, rest: erased(stack), index: 0, count: -1), &state) }
        }
    }

    func member(_ name: String) -> Member<S> { .none }
}
