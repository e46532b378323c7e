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
