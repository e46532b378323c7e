/// Reads one template file into nodes, collecting every syntax error it can find: Mustache's tags,
/// standalone lines (a line with only a section, comment, partial or delimiter tag and whitespace
/// disappears), set delimiters, and the inheritance tags' standalone and indentation rules.
struct TemplateParser {
    static let maxDepth = 64

    private let bytes: [UInt8]
    private let path: String
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private(set) var errors: [TemplateError] = []
    private var nextID: Int
    /// Offsets where lines start.
    private let lineOffsets: [Int]

    /// Only whitespace (`pending`) since the start of the line, or since a point that counts as one.
    private var atLineStart = true
    private var pending: [UInt8] = []

    private enum Kind {
        case root
        case section(TagName, inverted: Bool)
        case parent(indentation: [UInt8]?)
        case blockDefinition(startsOnNewLine: Bool)
        case blockSite(indentation: [UInt8]?, standalone: Bool)
    }

    private struct Container {
        let kind: Kind
        let name: String
        let place: Place
        var nodes: [Node] = []
        var blocks: [BlockDefinition] = []
    }

    private var stack: [Container]

    /// Whether `{{x}}` escapes HTML (else it writes the text as it is).
    let escapesHTML: Bool

    init(text: String, path: String, firstID: Int, escapesHTML: Bool = true) {
        self.escapesHTML = escapesHTML
        bytes = Array(text.utf8)
        self.path = path
        nextID = firstID
        var offsets = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { offsets.append(index + 1) }
        lineOffsets = offsets
        stack = [Container(kind: .root, name: "", place: Place(line: 1, column: 1))]
    }

    /// The nodes of the file (meaningful only without errors) and the next free block id.
    mutating func parse() -> (nodes: [Node], nextID: Int) {
        var fatal = false
        while position < bytes.count {
            let next = find(open, from: position)
            emitText(position..<(next ?? bytes.count))
            guard let next else {
                position = bytes.count
                break
            }
            position = next
            if !parseTag() {
                fatal = true
                break
            }
        }
        if !fatal {
            if atLineStart, !pending.isEmpty { append(.lineStart(pending)) }
            while stack.count > 1 {
                let container = stack.removeLast()
                let opener: String
                switch container.kind {
                case .section(_, let inverted): opener = inverted ? "^" : "#"
                case .parent: opener = "<"
                case .blockDefinition, .blockSite: opener = "$"
                case .root: opener = ""
                }
                fail("'{{\(opener)\(container.name)}}' is never closed; add {{/\(container.name)}} where it should end.",
                     at: container.place)
            }
        }
        return (stack[0].nodes, nextID)
    }

    // MARK: Text and lines

    private mutating func emitText(_ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            let newline = bytes[index..<range.upperBound].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline.map { $0 + 1 } ?? range.upperBound
            var start = index
            if atLineStart {
                var scan = start
                while scan < end, bytes[scan] == UInt8(ascii: " ") || bytes[scan] == UInt8(ascii: "\t") { scan += 1 }
                pending += bytes[start..<scan]
                start = scan
                if start == end {
                    index = end
                    continue
                }
                let emptyLine = bytes[start] == UInt8(ascii: "\n")
                    || (bytes[start] == UInt8(ascii: "\r") && start + 1 < end && bytes[start + 1] == UInt8(ascii: "\n"))
                if !(emptyLine && pending.isEmpty) { append(.lineStart(pending)) }
                pending = []
                atLineStart = false
            }
            append(.text(Array(bytes[start..<end])))
            if newline != nil {
                atLineStart = true
                pending = []
            }
            index = end
        }
    }

    /// A tag that is not standalone: the line's whitespace so far is content.
    private mutating func flushLine() {
        if atLineStart {
            append(.lineStart(pending))
            pending = []
            atLineStart = false
        }
    }

    /// Where the line ends after a tag ending at `end`, when the tag is alone on its line.
    private func standaloneEnd(after end: Int) -> Int? {
        guard atLineStart else { return nil }
        var index = end
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { return index + 2 }
        return nil
    }

    /// Continues after a tag: past its line when standalone, else after the tag, mid-line.
    private mutating func advance(standalone: Int?, tagEnd: Int) {
        if let standalone {
            position = standalone
            atLineStart = true
        } else {
            position = tagEnd
            atLineStart = false
        }
        pending = []
    }

    private mutating func append(_ node: Node) {
        if case .parent = stack[stack.count - 1].kind {
            switch node {
            case .text, .lineStart: return  // text inside a parent tag is ignored
            default:
                fail("inside a parent tag only blocks count; move this tag into a {{$block}}…{{/block}}, or out of the parent tag.",
                     at: node.place ?? stack[stack.count - 1].place)
                return
            }
        }
        stack[stack.count - 1].nodes.append(node)
    }

    // MARK: Tags

    /// Parses the tag at `position`; false when the rest of the file cannot be read (an unclosed tag).
    private mutating func parseTag() -> Bool {
        let tagStart = position
        let place = self.place(of: tagStart)
        let contentStart = tagStart + open.count
        let sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
        let closing: [UInt8]
        switch sigil {
        case UInt8(ascii: "{"): closing = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "="): closing = [UInt8(ascii: "=")] + close
        default: closing = close
        }
        let sigils = Array("!=#^/><$&{%".utf8)
        let searchFrom = sigil.map { sigils.contains($0) } == true ? contentStart + 1 : contentStart
        guard let closeAt = find(closing, from: min(searchFrom, bytes.count)) else {
            let expected = String(decoding: closing, as: UTF8.self)
            fail("this tag is never closed with '\(expected)'; close it, or write the text without '\(String(decoding: open, as: UTF8.self))'.",
                 at: place)
            return false
        }
        let tagEnd = closeAt + closing.count
        let inner = bytes[min(searchFrom, closeAt)..<closeAt]
        switch sigil {
        case UInt8(ascii: "!"):
            let standalone = standaloneEnd(after: tagEnd)
            if standalone == nil { flushLine() }
            advance(standalone: standalone, tagEnd: tagEnd)
        case UInt8(ascii: "="):
            let standalone = standaloneEnd(after: tagEnd)
            if standalone == nil { flushLine() }
            setDelimiters(inner, at: place)
            advance(standalone: standalone, tagEnd: tagEnd)
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            let name = tagName(inner, at: place)
            let standalone = standaloneEnd(after: tagEnd)
            if standalone == nil { flushLine() }
            advance(standalone: standalone, tagEnd: tagEnd)
            return push(Container(kind: .section(name, inverted: sigil == UInt8(ascii: "^")), name: name.text, place: place))
        case UInt8(ascii: "/"):
            closeTag(trimmed(inner), at: place, tagEnd: tagEnd)
        case UInt8(ascii: ">"):
            let name = plainName(inner, at: place)
            let standalone = standaloneEnd(after: tagEnd)
            if standalone == nil { flushLine() }
            append(.partial(name, indentation: standalone == nil ? nil : pending, place))
            advance(standalone: standalone, tagEnd: tagEnd)
        case UInt8(ascii: "<"):
            let name = plainName(inner, at: place)
            let indentation = atLineStart ? pending : nil
            position = tagEnd
            pending = []
            // A parent's content starts as if on a new line when the tag starts its line.
            atLineStart = indentation != nil
            return push(Container(kind: .parent(indentation: indentation), name: name, place: place))
        case UInt8(ascii: "$"):
            let name = plainName(inner, at: place)
            if case .parent = stack[stack.count - 1].kind {
                let standalone = standaloneEnd(after: tagEnd)
                advance(standalone: standalone, tagEnd: tagEnd)
                return push(Container(kind: .blockDefinition(startsOnNewLine: standalone != nil), name: name, place: place))
            }
            let indentation = atLineStart ? pending : nil
            let standalone = standaloneEnd(after: tagEnd)
            advance(standalone: standalone, tagEnd: tagEnd)
            return push(Container(kind: .blockSite(indentation: indentation, standalone: standalone != nil), name: name, place: place))
        case UInt8(ascii: "&"), UInt8(ascii: "{"):
            flushLine()
            append(.variable(tagName(inner, at: place), escaped: false, place))
            position = tagEnd
        case UInt8(ascii: "%"):
            flushLine()
            fail("pragmas ('{{%…}}') are not supported; remove the tag.", at: place)
            position = tagEnd
        default:
            flushLine()
            append(.variable(tagName(bytes[contentStart..<closeAt], at: place), escaped: escapesHTML, place))
            position = tagEnd
        }
        return true
    }

    private mutating func push(_ container: Container) -> Bool {
        guard stack.count <= Self.maxDepth else {
            fail("sections, parents and blocks nest more than \(Self.maxDepth) levels deep here; flatten the template.",
                 at: container.place)
            return false
        }
        stack.append(container)
        return true
    }

    private mutating func closeTag(_ name: String, at place: Place, tagEnd: Int) {
        let standalone = standaloneEnd(after: tagEnd)
        if standalone == nil, !isParentOrDefinitionTop {
            // A line that has only a closing tag so far has no content to indent.
            if pending.isEmpty { atLineStart = false } else { flushLine() }
        }
        guard stack.count > 1 else {
            fail("'{{/\(name)}}' closes a section that is not open; remove it, or open the section before it.", at: place)
            advance(standalone: standalone, tagEnd: tagEnd)
            return
        }
        let top = stack[stack.count - 1]
        if top.name != name {
            fail("'{{/\(name)}}' does not close '\(top.name)', opened at line \(top.place.line), column \(top.place.column); close '\(top.name)' first.",
                 at: place)
            guard stack.dropFirst().contains(where: { $0.name == name }) else {
                advance(standalone: standalone, tagEnd: tagEnd)
                return
            }
            while stack[stack.count - 1].name != name { finish(stack.removeLast()) }
        }
        let container = stack.removeLast()
        finish(container)
        advance(standalone: standalone, tagEnd: tagEnd)
        if standalone == nil, case .blockDefinition = container.kind, case .parent(let indentation) = stack[stack.count - 1].kind {
            // What follows a block inside a parent tag starts as if on a new line, when the parent tag starts its line.
            atLineStart = indentation != nil
        }
    }

    private var isParentOrDefinitionTop: Bool {
        if case .parent = stack[stack.count - 1].kind { return true }
        return false
    }

    /// Adds a closed container's node to the one around it.
    private mutating func finish(_ container: Container) {
        switch container.kind {
        case .root:
            break
        case .section(let name, let inverted):
            append(.section(name, inverted: inverted, container.nodes, container.place))
        case .parent(let indentation):
            append(.parent(container.name, indentation: indentation, container.blocks, container.place))
        case .blockDefinition(let startsOnNewLine):
            nextID += 1
            let definition = BlockDefinition(id: nextID, name: container.name, nodes: container.nodes,
                                             startsOnNewLine: startsOnNewLine, path: path, place: container.place)
            stack[stack.count - 1].blocks.append(definition)
        case .blockSite(let indentation, let standalone):
            nextID += 1
            append(.block(BlockSite(id: nextID, name: container.name, nodes: container.nodes, indentation: indentation,
                                    standalone: standalone, path: path, place: container.place)))
        }
    }

    private mutating func setDelimiters(_ inner: ArraySlice<UInt8>, at place: Place) {
        let parts = inner.split(whereSeparator: isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            fail("the set-delimiter tag needs two delimiters separated by a space, neither containing '=' (e.g. '{{=<% %>=}}'); fix it.",
                 at: place)
            return
        }
        open = Array(parts[0])
        close = Array(parts[1])
    }

    // MARK: Names

    private func trimmed(_ inner: ArraySlice<UInt8>) -> String {
        var slice = inner
        while let first = slice.first, isWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isWhitespace(last) { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }

    private mutating func plainName(_ inner: ArraySlice<UInt8>, at place: Place) -> String {
        let name = trimmed(inner)
        if name.isEmpty { fail("this tag has no name; write the template's name in it.", at: place) }
        return name
    }

    private mutating func tagName(_ inner: ArraySlice<UInt8>, at place: Place) -> TagName {
        let text = trimmed(inner)
        if text.isEmpty {
            fail("this tag has no name; write a name in it, or remove it.", at: place)
            return TagName(text: text, components: [], helper: nil)
        }
        if text == "." { return TagName(text: text, components: [], helper: nil) }
        if text.utf8.contains(where: isWhitespace) {
            fail("the name '\(text)' contains a space; names are one word, with dots between parts.", at: place)
            return TagName(text: text, components: [], helper: nil)
        }
        if text.hasSuffix("()") {
            let helperName = String(text.dropLast(2))
            guard let helper = SequenceHelper(rawValue: helperName) else {
                let known = SequenceHelper.allCases.map { "\($0.rawValue)()" }
                fail("there is no function '\(text)'; the functions are \(known.joined(separator: ", ")).", at: place,
                     suggestion: Suggestion.closest(to: text, in: known).map { "did you mean '\($0)'?" })
                return TagName(text: text, components: [], helper: nil)
            }
            return TagName(text: text, components: [], helper: helper)
        }
        let components = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if components.contains(where: \.isEmpty) {
            fail("the name '\(text)' has an empty part; write names like 'article.title'.", at: place)
        }
        return TagName(text: text, components: components, helper: nil)
    }

    // MARK: Helpers

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    func place(of offset: Int) -> Place {
        var low = 0, high = lineOffsets.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineOffsets[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let column = bytes[lineOffsets[low]..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return Place(line: low + 1, column: column + 1)
    }

    private mutating func fail(_ message: String, at place: Place, suggestion: String? = nil) {
        errors.append(TemplateError(path: path, line: place.line, column: place.column, message: message, suggestion: suggestion))
    }
}

extension Node {
    var place: Place? {
        switch self {
        case .text, .lineStart: nil
        case .variable(_, _, let place), .section(_, _, _, let place), .partial(_, _, let place), .parent(_, _, _, let place): place
        case .block(let site): site.place
        }
    }
}
