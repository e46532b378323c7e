/// A place in a file of the site, relative to the site root. Lines and columns count from 1;
/// an unknown line or column is nil and is left out when printed, never shown as 0.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line.flatMap { $0 > 0 ? $0 : nil }
        self.column = self.line == nil ? nil : column.flatMap { $0 > 0 ? $0 : nil }
    }

    public var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// The same file, `lines` further down: used to map a position in a body or front matter to the file.
    public func shifted(lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line.map { $0 + lines }, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
