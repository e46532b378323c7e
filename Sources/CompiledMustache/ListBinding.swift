/// A list (`.list`): a section repeats for each item, pushed with its position.
struct ListKind<Root, Item>: FieldKind {
    let get: @Sendable (Root) -> [Item]
    let fields: () -> TemplateFields<Item>
    /// `get` applied to a frame's value, made where `Root` is concrete so that it does not copy the value.
    let framed: @Sendable (StackValue<Root>) -> [Item]
    let push: PushFrame<Item>

    init(get: @escaping @Sendable (Root) -> [Item], fields: @escaping () -> TemplateFields<Item>, framed: @escaping @Sendable (StackValue<Root>) -> [Item], push: @escaping PushFrame<Item>) {
        self.get = get
        self.fields = fields
        self.framed = framed
        self.push = push
    }
    func bind<S>(_ outer: @escaping @Sendable (S) -> Root) -> any Binding<S> {
        let get = self.get
        return ListBinding<S, Item>(get: { get(outer($0)) }, fields: fields, push: push)
    }
    func bindFrame<S>(_ frame: @escaping @Sendable (S) -> StackValue<Root>) -> any Binding<S> {
        let framed = self.framed
        return ListBinding<S, Item>(get: { framed(frame($0)) }, fields: fields, push: push)
    }
    func bindOptional<S>(_ outer: @escaping @Sendable (S) -> Root?) -> any Binding<S> {
        let get = self.get
        return ListBinding<S, Item>(get: { outer($0).map(get) ?? [] }, fields: fields, push: push)
    }
}

struct ListBinding<S, Item>: Binding {
    let get: @Sendable (S) -> [Item]
    let fields: () -> TemplateFields<Item>
    let push: PushFrame<Item>
    var kindName: String { "a list" }

    func interpolation(escaped: Bool) -> Render<S>? { nil }

    func section(_ body: [Node], inverted: Bool, _ compiler: Compiler, _ env: Environment<S>,
                 _ context: CompileContext) -> Render<S> {
        let get = self.get
        if inverted {
            let inner = compiler.compile(body, env, context)
            return { stack, state in if get(stack).isEmpty { inner(stack, &state) } }
        }
        let push = self.push
        let inner = compiler.compile(body, env.pushing(fields(), isList: true, key: context.sectionKey, id: compiler.nextID), context)
        return { stack, state in
            let items = get(stack)
            let count = items.count
            let rest = erased(stack)
            for index in 0..<count {
                inner(push(items[index], rest, index, count), &state)
            }
        }
    }

    func member(_ name: String) -> Member<S> { .none }
}
