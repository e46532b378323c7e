/// How templates read a value of type `Root`: each name a template may use, with how to get it.
///
/// A table is a value, not only a static: it may depend on data known when the templates compile
/// (the UI string keys of a site). The compiler resolves every tag against these tables once, so an
/// unknown name is a compile error with a "did you mean", never an empty string at render time.
///
/// A table may also look names up at run time (`TemplateValue`'s table does, for JSON-like data): only
/// such a dynamic table costs a lookup by name when a page renders, and a missing name then shows
/// nothing, as the Mustache specification says.
public struct TemplateFields<Root>: ExpressibleByDictionaryLiteral {
    /// The names in the order they were given (for suggestions), each with its field.
    var order: [String]
    var table: [String: TemplateField<Root>]
    /// What `{{.}}` shows for a value of this type, if anything.
    var dot: TemplateField<Root>?
    /// For dynamic tables: a name's value, looked up when a page renders; nil when the value has no such name.
    var dynamic: (@Sendable (Root, String) -> TemplateValue?)?

    public init(dictionaryLiteral elements: (String, TemplateField<Root>)...) {
        self.init(elements)
    }

    public init(_ fields: [(String, TemplateField<Root>)]) {
        order = []
        table = [:]
        for (name, field) in fields {
            if table.updateValue(field, forKey: name) == nil { order.append(name) }
        }
    }

    /// What `{{.}}` shows for a value of this type (for lists of strings: `{{#keyPoints}}{{.}}{{/keyPoints}}`).
    public init(_ fields: [(String, TemplateField<Root>)], dot: TemplateField<Root>) {
        self.init(fields)
        self.dot = dot
    }

    /// A table that looks every name up when a page renders: `lookup` gives the value of a name, or nil
    /// when there is none (then the name is looked up in the enclosing contexts, as Mustache does);
    /// `value` is what `{{.}}` shows. Only for data whose names are not known in advance (JSON test data).
    public init(dynamic lookup: @escaping @Sendable (Root, String) -> TemplateValue?,
                value: @escaping @Sendable (Root) -> TemplateValue) {
        self.init([])
        dynamic = lookup
        dot = .value(value)
    }

    /// This table plus another's fields (the other's win on clashes).
    public func adding(_ other: TemplateFields<Root>) -> TemplateFields<Root> {
        var result = self
        for name in other.order {
            if result.table.updateValue(other.table[name]!, forKey: name) == nil { result.order.append(name) }
        }
        result.dot = other.dot ?? dot
        result.dynamic = other.dynamic ?? dynamic
        return result
    }

    /// All of a part's fields, read through `get`, as if they were Root's own (the shared layout on every page).
    @inlinable
    public static func embedding<Part>(_ get: @escaping @Sendable (Root) -> Part,
                                       _ fields: TemplateFields<Part>) -> TemplateFields<Root> {
        embedding(get, framed: { get($0.top) }, fields)
    }

    @usableFromInline
    static func embedding<Part>(_ get: @escaping @Sendable (Root) -> Part, framed: @escaping @Sendable (StackValue<Root>) -> Part,
                                _ fields: TemplateFields<Part>) -> TemplateFields<Root> {
        var result = TemplateFields<Root>([])
        result.order = fields.order
        for (name, field) in fields.table {
            result.table[name] = TemplateField(ThroughKind(get: get, inner: field.kind, framed: framed))
        }
        result.dot = fields.dot.map { TemplateField(ThroughKind(get: get, inner: $0.kind, framed: framed)) }
        if let lookup = fields.dynamic { result.dynamic = { root, name in lookup(get(root), name) } }
        return result
    }

    /// Every name a template may use on this type.
    public var names: [String] { order }
}

extension TemplateFields where Root == String {
    /// A string's table: no names, and `{{.}}` is the string itself.
    public static var string: TemplateFields<String> { TemplateFields([], dot: .text { $0 }) }
}

/// One name of a `TemplateFields` table: what kind of value it is, and how to get it from `Root`.
///
/// Truthiness, the same as swift-mustache 2.1.1 gives for the same data (checked by the differential tests):
/// - text is always shown by a section, even when it is empty (`{{#x}}` over `""` shows its content);
///   use the optional `.text` overload for text that may be absent: nil hides a section and shows an
///   inverted one;
/// - a flag shows a section when true (pushing nothing new), an inverted section when false;
/// - a model is always shown; an optional model when it is not nil;
/// - a list repeats a section for each item, and is falsey when empty.
public struct TemplateField<Root> {
    let kind: any FieldKind<Root>

    init(_ kind: any FieldKind<Root>) { self.kind = kind }

    // Made by the inlinable factories below with `framed` closures specialized where `Root` is concrete.
    @usableFromInline static func makeText(_ get: @escaping @Sendable (Root) -> String,
                                           _ framed: @escaping @Sendable (StackValue<Root>) -> String) -> Self {
        Self(TextKind(get: get, framed: framed))
    }
    @usableFromInline static func makeOptionalText(_ get: @escaping @Sendable (Root) -> String?,
                                                   _ framed: @escaping @Sendable (StackValue<Root>) -> String?) -> Self {
        Self(OptionalTextKind(get: get, framed: framed))
    }
    @usableFromInline static func makeBool(_ get: @escaping @Sendable (Root) -> Bool,
                                           _ framed: @escaping @Sendable (StackValue<Root>) -> Bool) -> Self {
        Self(BoolKind(get: get, framed: framed))
    }
    @usableFromInline static func makeModel<Part>(_ get: @escaping @Sendable (Root) -> Part,
                                                  _ framed: @escaping @Sendable (StackValue<Root>) -> Part,
                                                  _ fields: @escaping () -> TemplateFields<Part>) -> Self {
        Self(ModelKind(get: get, fields: fields, framed: framed))
    }
    @usableFromInline static func makeOptionalModel<Part>(_ get: @escaping @Sendable (Root) -> Part?,
                                                          _ framed: @escaping @Sendable (StackValue<Root>) -> Part?,
                                                          _ fields: @escaping () -> TemplateFields<Part>) -> Self {
        Self(OptionalModelKind(get: get, fields: fields, framed: framed))
    }
    @usableFromInline static func makeList<Item>(_ get: @escaping @Sendable (Root) -> [Item],
                                                 _ framed: @escaping @Sendable (StackValue<Root>) -> [Item],
                                                 _ fields: @escaping () -> TemplateFields<Item>) -> Self {
        Self(ListKind(get: get, fields: fields, framed: framed))
    }
    @usableFromInline static func makeRecord(_ keys: [String], _ get: @escaping @Sendable (Root) -> [String],
                                             _ framed: @escaping @Sendable (StackValue<Root>) -> [String]) -> Self {
        let fields = TemplateFields<[String]>(keys.enumerated().map { index, key in
            (key, TemplateField<[String]>.text { values in index < values.count ? values[index] : "" })
        })
        return Self(ModelKind(get: get, fields: { fields }, framed: framed))
    }
    @usableFromInline static func makeValue(_ get: @escaping @Sendable (Root) -> TemplateValue,
                                            _ framed: @escaping @Sendable (StackValue<Root>) -> TemplateValue) -> Self {
        Self(ValueKind(get: get, framed: framed))
    }

    /// Text. `{{x}}` writes it HTML-escaped (& < > " ' as &amp; &lt; &gt; &quot; &#39;), `{{{x}}}` and `{{& x}}` as it is.
    /// As a section: shown whatever the text (an empty string too, as swift-mustache does), with the text
    /// pushed as the context (`{{.}}`).
    @inlinable
    public static func text(_ get: @escaping @Sendable (Root) -> String) -> Self {
        makeText(get, { get($0.top) })
    }

    /// Text that may be absent: nil is falsey (an inverted section shows), and interpolates as nothing.
    @inlinable
    public static func text(_ get: @escaping @Sendable (Root) -> String?) -> Self {
        makeOptionalText(get, { get($0.top) })
    }

    /// A flag: a section shows when true (pushing nothing new), an inverted section when false.
    /// `{{x}}` writes `true` or `false`.
    @inlinable
    public static func bool(_ get: @escaping @Sendable (Root) -> Bool) -> Self {
        makeBool(get, { get($0.top) })
    }

    /// A nested model: `{{#article}}…{{/article}}` pushes it; `{{article.title}}` reads through it.
    @inlinable
    public static func model<Part>(_ get: @escaping @Sendable (Root) -> Part,
                                   _ fields: @escaping @autoclosure () -> TemplateFields<Part>) -> Self {
        makeModel(get, { get($0.top) }, fields)
    }

    /// An optional nested model: nil is falsey.
    @inlinable
    public static func model<Part>(_ get: @escaping @Sendable (Root) -> Part?,
                                   _ fields: @escaping @autoclosure () -> TemplateFields<Part>) -> Self {
        makeOptionalModel(get, { get($0.top) }, fields)
    }

    /// A list: a section repeats for each item (empty = falsey). Inside, `first()`, `last()` and
    /// `index()` (as swift-mustache offers them, e.g. `{{^last()}}, {{/last()}}`) refer to the innermost list.
    @inlinable
    public static func list<Item>(_ get: @escaping @Sendable (Root) -> [Item],
                                  _ fields: @escaping @autoclosure () -> TemplateFields<Item>) -> Self {
        makeList(get, { get($0.top) }, fields)
    }

    /// A record whose names are known when the templates compile (the UI strings: `{{t.navLabel}}`):
    /// `keys[i]` names `values[i]`. A name not in `keys` is a compile error with a "did you mean";
    /// a value missing from a too-short array shows as nothing.
    @inlinable
    public static func record(keys: [String], _ get: @escaping @Sendable (Root) -> [String]) -> Self {
        makeRecord(keys, get, { get($0.top) })
    }

    /// A JSON-like value whose names are looked up when a page renders (see `TemplateValue`).
    @inlinable
    public static func value(_ get: @escaping @Sendable (Root) -> TemplateValue) -> Self {
        makeValue(get, { get($0.top) })
    }

}

/// Conformance gives `.model(get)` / `.list(get)` overloads without the fields argument.
public protocol TemplateModel {
    static var templateFields: TemplateFields<Self> { get }
}

extension TemplateField {
    @inlinable
    public static func model<Part: TemplateModel>(_ get: @escaping @Sendable (Root) -> Part) -> Self {
        model(get, Part.templateFields)
    }

    @inlinable
    public static func model<Part: TemplateModel>(_ get: @escaping @Sendable (Root) -> Part?) -> Self {
        model(get, Part.templateFields)
    }

    @inlinable
    public static func list<Item: TemplateModel>(_ get: @escaping @Sendable (Root) -> [Item]) -> Self {
        list(get, Item.templateFields)
    }
}
