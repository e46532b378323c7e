/// What the compiler knows of the context stack `S` at a tag: the tables of its contexts, innermost
/// first, each with an accessor composed from the stack's type. Used only while compiling.
final class Environment<S> {
    let id: Int
    let scopes: [any Scope<S>]
    /// The innermost list's position, when a list section encloses this point.
    let position: (@Sendable (S) -> ListPosition?)?
    /// When `S` is `DynamicFrames`: how to push one more dynamic value without changing the type.
    let pushDynamic: (@Sendable (S, DynamicEntry) -> S)?
    /// The environment for dynamic values pushed on this one, made once so that templates recursing
    /// over dynamic data meet the same environment again.
    private var dynamicChild: AnyObject?
    /// The environments pushed by sections here, by section, made once each.
    private var children: [String: AnyObject] = [:]

    init(id: Int, scopes: [any Scope<S>], position: (@Sendable (S) -> ListPosition?)?,
         pushDynamic: (@Sendable (S, DynamicEntry) -> S)?) {
        self.id = id
        self.scopes = scopes
        self.position = position
        self.pushDynamic = pushDynamic
    }

    /// The stack with a value of type `Top` pushed, read through `fields`.
    func pushing<Top>(_ fields: @autoclosure () -> TemplateFields<Top>, isList: Bool, key: String,
                      id: () -> Int) -> Environment<Frame<Top, S>> {
        let key = "\(key)|\(isList)"
        if let child = children[key] as? Environment<Frame<Top, S>> { return child }
        let fields = fields()
        let top = TableScope<Frame<Top, S>, Top>(fields: fields, get: { $0 })
        let outer = scopes.map { $0.lifted { (frame: Frame<Top, S>) in frame.rest } }
        let position: (@Sendable (Frame<Top, S>) -> ListPosition?)?
        if isList {
            position = { ListPosition(index: $0.index, count: $0.count) }
        } else if let inner = self.position {
            position = { inner($0.rest) }
        } else {
            position = nil
        }
        let child = Environment<Frame<Top, S>>(id: id(), scopes: [top] + outer, position: position, pushDynamic: nil)
        children[key] = child
        return child
    }

    /// The stack with dynamic values pushed on it (the same environment each time it is asked for).
    func pushingDynamic(id: () -> Int) -> Environment<DynamicFrames<S>> {
        if let child = dynamicChild as? Environment<DynamicFrames<S>> { return child }
        let top = DynamicScope<DynamicFrames<S>, S>(get: { $0 })
        let outer = scopes.map { $0.lifted { (frames: DynamicFrames<S>) in frames.rest } }
        let inner = self.position
        let position: @Sendable (DynamicFrames<S>) -> ListPosition? = { frames in
            if let entry = frames.entries.last(where: { $0.count >= 0 }) {
                return ListPosition(index: entry.index, count: entry.count)
            }
            return inner?(frames.rest)
        }
        let child = Environment<DynamicFrames<S>>(id: id(), scopes: [top] + outer, position: position,
                                                  pushDynamic: { $0.pushing($1) })
        dynamicChild = child
        return child
    }

    /// What the first component of a name refers to: the innermost context that has it (Mustache's
    /// stack lookup). Dynamic contexts before it are asked first when the page renders.
    func resolve(_ name: String) -> (any Binding<S>)? {
        var candidates: [@Sendable (S) -> TemplateValue?] = []
        for scope in scopes {
            switch scope.lookup(name) {
            case .found(let binding):
                return candidates.isEmpty ? binding : DynamicBinding(candidates: candidates, fallback: binding)
            case .maybe(let lookup):
                candidates.append(lookup)
            case .missing:
                continue
            }
        }
        return candidates.isEmpty ? nil : DynamicBinding(candidates: candidates, fallback: nil)
    }

    /// What `{{.}}` refers to: the innermost context.
    func dot() -> (any Binding<S>)? {
        var outer: (any Binding<S>)? = nil
        for scope in scopes.reversed() { outer = scope.dot(outer: outer) }
        return outer
    }

    /// Every name visible here, innermost first (for suggestions).
    var visibleNames: [String] { scopes.flatMap(\.names) }
}

enum ScopeLookup<S> {
    case found(any Binding<S>)
    /// A dynamic context: the value when it has the name, nil to look further out.
    case maybe(@Sendable (S) -> TemplateValue?)
    case missing
}

/// One context of the stack, as the compiler sees it.
protocol Scope<S> {
    associatedtype S
    func lookup(_ name: String) -> ScopeLookup<S>
    var names: [String] { get }
    /// What `{{.}}` is when this is the innermost context; `outer` is the next context's.
    func dot(outer: (any Binding<S>)?) -> (any Binding<S>)?
    func lifted<Outer>(_ get: @escaping @Sendable (Outer) -> S) -> any Scope<Outer>
}

/// A context of type `Value`, whose frame `get` finds on the stack, and whose names are in `fields`.
struct TableScope<S, Value>: Scope {
    let fields: TemplateFields<Value>
    let get: @Sendable (S) -> StackValue<Value>

    func lookup(_ name: String) -> ScopeLookup<S> {
        if let field = fields.table[name] { return .found(field.kind.bindFrame(get)) }
        if let dynamic = fields.dynamic {
            let get = self.get
            return .maybe { dynamic(get($0).top, name) }
        }
        return .missing
    }

    var names: [String] { fields.order }

    func dot(outer: (any Binding<S>)?) -> (any Binding<S>)? {
        fields.dot?.kind.bindFrame(get)
    }

    func lifted<Outer>(_ outer: @escaping @Sendable (Outer) -> S) -> any Scope<Outer> {
        let get = self.get
        return TableScope<Outer, Value>(fields: fields, get: { get(outer($0)) })
    }
}

/// The dynamic values pushed on a typed stack `Rest`, looked up innermost first when a page renders.
struct DynamicScope<S, Rest>: Scope {
    let get: @Sendable (S) -> DynamicFrames<Rest>

    func lookup(_ name: String) -> ScopeLookup<S> {
        let get = self.get
        return .maybe { stack in
            let entries = get(stack).entries
            var index = entries.count
            while index > 0 {
                index -= 1
                if let value = entries[index].value[name] { return value }
            }
            return nil
        }
    }

    var names: [String] { [] }

    func dot(outer: (any Binding<S>)?) -> (any Binding<S>)? {
        let get = self.get
        return DynamicBinding(candidates: [{ get($0).entries.last?.value }], fallback: outer)
    }

    func lifted<Outer>(_ outer: @escaping @Sendable (Outer) -> S) -> any Scope<Outer> {
        let get = self.get
        return DynamicScope<Outer, Rest>(get: { get(outer($0)) })
    }
}
