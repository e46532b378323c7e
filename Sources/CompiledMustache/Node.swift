/// A 1-based line and column in a template file.
struct Place: Sendable, Hashable, Comparable {
    let line: Int
    let column: Int
    static func < (a: Place, b: Place) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// A tag's name as written, split once when parsing: `a.b.c`, `.`, or a sequence helper `last()`.
struct TagName: Sendable, Hashable {
    let text: String
    /// Empty for `.` and for helpers.
    let components: [String]
    let helper: SequenceHelper?
}

/// swift-mustache's helpers inside a list section, about the innermost list's current item.
enum SequenceHelper: String, Sendable, CaseIterable {
    case first, last, index, even, odd
}

/// One piece of a parsed template.
indirect enum Node: Sendable {
    case text([UInt8])
    /// The start of a line that has content, with the line's leading whitespace: where a standalone
    /// partial's indentation goes, and what a block's reindentation rewrites.
    case lineStart([UInt8])
    case variable(TagName, escaped: Bool, Place)
    case section(TagName, inverted: Bool, [Node], Place)
    /// `{{> name}}`; the indentation is the whitespace before a standalone tag.
    case partial(String, indentation: [UInt8]?, Place)
    /// `{{< name}}…{{/name}}` with the blocks it overrides; the indentation is the whitespace before the tag
    /// when only whitespace precedes it on its line.
    case parent(String, indentation: [UInt8]?, [BlockDefinition], Place)
    /// `{{$ name}}default{{/name}}` outside a parent tag: where an override goes.
    case block(BlockSite)
}

/// A block given inside a parent tag: the content that replaces the parent's block of the same name.
struct BlockDefinition: Sendable {
    let id: Int
    let name: String
    let nodes: [Node]
    /// The opening tag is alone on its line, so the content starts on a line of its own.
    let startsOnNewLine: Bool
    /// The file it is written in (for errors in its tags).
    let path: String
    let place: Place
}

/// A block in a template: its default content, and how it sits on its line.
struct BlockSite: Sendable {
    let id: Int
    let name: String
    let nodes: [Node]
    /// The whitespace before the tag when only whitespace precedes it on its line.
    let indentation: [UInt8]?
    /// The opening tag is alone on its line.
    let standalone: Bool
    let path: String
    let place: Place
}

extension Array where Element == Node {
    /// The leading whitespace of the first line, when the nodes start with a line.
    var firstLineIndentation: [UInt8] {
        if case .lineStart(let whitespace)? = first { return whitespace }
        return []
    }
}

/// One template file, parsed.
struct ParsedTemplate: Sendable {
    let name: String
    let path: String
    let nodes: [Node]
}
