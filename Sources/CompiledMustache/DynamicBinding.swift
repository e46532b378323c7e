/// A `TemplateValue` field (`.value`): read through names looked up when a page renders.
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
            case .bool(true): inner(DynamicFrames(entries: [], rest: erased(stack)), &state)
            case .list(let items):
                for index in items.indices {
                    let entry = DynamicEntry(value: items[index], index: index, count: items.count)
                    inner(DynamicFrames(entries: [entry], rest: erased(stack)), &state)
                }
            default: inner(DynamicFrames(entries: [DynamicEntry(value: value, index: 0, count: -1)], rest: erased(stack)), &state)
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
