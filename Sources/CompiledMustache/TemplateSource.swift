/// One template file's text and where it came from (for diagnostics).
public struct TemplateSource: Sendable {
    /// How partials and `compile` name it: "article", "partials/link".
    public var name: String
    /// Where it is, as diagnostics print it: "templates/article.mustache".
    public var path: String
    public var text: String

    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}
