/// A problem in a template, at a 1-based line and column of its file; `message` is a full sentence
/// saying what is wrong and what to do; `suggestion` e.g. "did you mean 'article.title'?".
/// Line and column are 0 when the problem has no place in a file (a template name that does not exist).
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    public var suggestion: String?

    public init(path: String, line: Int, column: Int, message: String, suggestion: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    /// `path:line:col: error: message`, and the suggestion as a note on its own line.
    public var description: String {
        let place = line > 0 ? "\(path):\(line):\(column)" : path
        var text = "\(place): error: \(message)"
        if let suggestion { text += "\n  note: \(suggestion)" }
        return text
    }
}

/// Every error of a stage, sorted by place.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]

    public init(_ errors: [TemplateError]) {
        var seen = Set<String>()
        self.errors = errors
            .filter { seen.insert($0.description).inserted }
            .sorted { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) }
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
