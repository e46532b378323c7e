/// A JSON-like value, for data whose names are not known when templates compile (the Mustache
/// specification's tests, the differential tests). Its fields are looked up by name when a page
/// renders; a missing name shows nothing.
///
/// Truthiness, as swift-mustache 2.1.1 gives it: null, false and an empty list are falsey; everything
/// else (an empty string, 0, an empty object) is truthy. A list section repeats for each item; other
/// truthy values are pushed as the context, except `true`, which pushes nothing.
public enum TemplateValue: Sendable, Equatable, TemplateModel {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The value of a name of an object; nil for a missing name or a value that is not an object.
    public subscript(name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    public static var templateFields: TemplateFields<TemplateValue> {
        TemplateFields(dynamic: { value, name in value[name] }, value: { $0 })
    }

    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        default: true
        }
    }

    /// What `{{x}}` writes: numbers without a fraction as integers, lists and objects as nothing.
    var text: String {
        switch self {
        case .null, .list, .object: ""
        case .bool(let flag): flag ? "true" : "false"
        case .string(let text): text
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { String(Int(number)) } else { String(number) }
        }
    }
}
