/// What a context says of a name: it has it, it may have it (dynamic), or it does not.
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
struct DynamicScope<S>: Scope {
    let get: @Sendable (S) -> DynamicFrames

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
        return DynamicScope<Outer>(get: { get(outer($0)) })
    }
}
