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
                      id: () -> Int) -> Environment<Frame<Top>> {
        let key = "\(key)|\(isList)"
        if let child = children[key] as? Environment<Frame<Top>> { return child }
        let fields = fields()
        let top = TableScope<Frame<Top>, Top>(fields: fields, get: { $0 })
        let outer = scopes.map { $0.lifted { (frame: Frame<Top>) in restored(frame.rest, as: S.self) } }
        let position: (@Sendable (Frame<Top>) -> ListPosition?)?
        if isList {
            position = { ListPosition(index: $0.index, count: $0.count) }
        } else if let inner = self.position {
            position = { inner(restored($0.rest, as: S.self)) }
        } else {
            position = nil
        }
        let child = Environment<Frame<Top>>(id: id(), scopes: [top] + outer, position: position, pushDynamic: nil)
        children[key] = child
        return child
    }

    /// The stack with dynamic values pushed on it (the same environment each time it is asked for).
    func pushingDynamic(id: () -> Int) -> Environment<DynamicFrames> {
        if let child = dynamicChild as? Environment<DynamicFrames> { return child }
        let top = DynamicScope<DynamicFrames>(get: { $0 })
        let outer = scopes.map { $0.lifted { (frames: DynamicFrames) in restored(frames.rest, as: S.self) } }
        let inner = self.position
        let position: @Sendable (DynamicFrames) -> ListPosition? = { frames in
            if let entry = frames.entries.last(where: { $0.count >= 0 }) {
                return ListPosition(index: entry.index, count: entry.count)
            }
            return inner?(restored(frames.rest, as: S.self))
        }
        let child = Environment<DynamicFrames>(id: id(), scopes: [top] + outer, position: position,
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
