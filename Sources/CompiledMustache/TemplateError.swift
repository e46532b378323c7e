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

/// "Did you mean": the closest name by edit distance, when it is close enough to be a likely typo.
enum Suggestion {
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.unicodeScalars)
        var best: (String, Int)? = nil
        for candidate in candidates where candidate != name {
            let distance = editDistance(target, Array(candidate.unicodeScalars))
            if distance <= max(2, target.count / 3), best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
