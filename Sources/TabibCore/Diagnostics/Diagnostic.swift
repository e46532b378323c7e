/// One finding about the site's content or templates, printed as
/// `path:line:col: error: message` followed by indented notes.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    /// A stable, machine-readable name for the kind of finding, such as `unknown-key`.
    public var code: String
    /// A full sentence: what is wrong and what to do about it.
    public var message: String
    public var location: SourceLocation?
    /// Further lines, such as "did you mean 'dehidrasi' (content/id/causes/dehidrasi.md)?".
    public var notes: [String]
    /// The text of the line `location` points at, as written (without its line break), shown under the
    /// message with a caret at the column; nil when unknown. Filled at load or by `SourceLines.attach`.
    public var sourceLine: String?

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation? = nil, notes: [String] = [],
                sourceLine: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
        self.sourceLine = sourceLine
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation? = nil, notes: [String] = [],
                             sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, notes: notes, sourceLine: sourceLine)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation? = nil, notes: [String] = [],
                               sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, notes: notes, sourceLine: sourceLine)
    }

    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        for note in notes { text += "\n  note: \(note)" }
        return text
    }

    /// Sorted by file and position; diagnostics without a location come first.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, nil): return (lhs.code, lhs.message) < (rhs.code, rhs.message)
        case (nil, _): return true
        case (_, nil): return false
        case let (l?, r?):
            if l != r { return l < r }
            return (lhs.code, lhs.message) < (rhs.code, rhs.message)
        }
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}

/// A stage failed: every error it found, sorted by location.
public struct BuildFailure: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]
    /// What the failed build changed in its output folder, as the end of a sentence that starts with
    /// the folder ("was partly updated: …"); nil when it left the output as it was.
    public var outputChange: String?
    public init(_ diagnostics: [Diagnostic], outputChange: String? = nil) {
        self.diagnostics = diagnostics.sorted()
        self.outputChange = outputChange
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
