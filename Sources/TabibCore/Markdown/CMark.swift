// The only file that imports cmark-gfm. Nothing C-typed leaves it: the rest of tabib sees
// `MarkdownTree` and `MarkdownNode`, with Swift strings and optionals.
import CCmarkGFM
import Foundation

/// A parsed Markdown document with the GitHub extensions (table, strikethrough, autolink, tagfilter,
/// tasklist) and footnotes. It owns the cmark parser and document and frees both when released;
/// `MarkdownNode`s taken from it are valid only while it lives.
final class MarkdownTree {
    private let parser: OpaquePointer
    private let document: OpaquePointer
    /// The source, to turn cmark's byte columns into character columns.
    private let source: String
    /// Where each line of `source` starts, in bytes; worked out when a column is first asked for.
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        let scanned: Void? = source.utf8.withContiguousStorageIfAvailable { bytes in
            for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") { starts.append(i + 1) }
        }
        precondition(scanned != nil, "the source was made contiguous in init")
        return starts
    }()

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// The version of the cmark-gfm library tabib runs with, such as `0.29.0.gfm.13`.
    static var libraryVersion: String { String(cString: cmark_version_string()) }

    private static let registered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    init(markdown: String) {
        _ = Self.registered
        let options = CMARK_OPT_FOOTNOTES
        let parser = cmark_parser_new(options)!
        for name in Self.extensionNames {
            // Each name is registered by cmark_gfm_core_extensions_ensure_registered above.
            guard let syntax = cmark_find_syntax_extension(name) else { preconditionFailure("cmark-gfm lacks the \(name) extension") }
            cmark_parser_attach_syntax_extension(parser, syntax)
        }
        var markdown = markdown
        markdown.makeContiguousUTF8()
        let fed: Void? = markdown.utf8.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        precondition(fed != nil, "a contiguous UTF-8 string gave no contiguous storage")
        self.parser = parser
        document = cmark_parser_finish(parser)
        source = markdown
    }

    deinit {
        cmark_node_free(document)
        cmark_parser_free(parser)
    }

    var root: MarkdownNode { MarkdownNode(document) }

    /// The first node, in document order, that lies more than `limit` levels below the document (its
    /// children are level 1), or nil. Walked without recursion, so any depth cmark parsed is safe here.
    func firstNode(deeperThan limit: Int) -> MarkdownNode? {
        var node = cmark_node_first_child(document)
        var depth = 1
        while let current = node {
            if depth > limit { return MarkdownNode(current) }
            if let child = cmark_node_first_child(current) {
                node = child
                depth += 1
                continue
            }
            // The next sibling of the node or of its nearest ancestor that has one.
            var climbing: OpaquePointer? = current
            node = nil
            while let up = climbing, up != document {
                if let sibling = cmark_node_next(up) {
                    node = sibling
                    break
                }
                climbing = cmark_node_parent(up)
                depth -= 1
            }
        }
        return nil
    }

    /// HTML of the whole document. Without `allowRawHTML`, raw HTML is replaced by a comment and
    /// unsafe link schemes (`javascript:`, `vbscript:`, `file:`, `data:`) are emptied: cmark's safe mode.
    func renderHTML(allowRawHTML: Bool) -> String {
        render(document, allowRawHTML: allowRawHTML)
    }

    /// HTML of one node and its descendants.
    func renderHTML(_ node: MarkdownNode, allowRawHTML: Bool) -> String {
        render(node.raw, allowRawHTML: allowRawHTML)
    }

    private func render(_ node: OpaquePointer, allowRawHTML: Bool) -> String {
        let options = CMARK_OPT_FOOTNOTES | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        guard let html = cmark_render_html(node, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Converts cmark's 1-based byte column on a 1-based line into a 1-based character column.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        let starts = lineStarts
        guard line >= 1, line <= starts.count, byteColumn >= 1 else { return byteColumn }
        let utf8 = source.utf8
        let lineEnd = line < starts.count ? starts[line] - 1 : utf8.count
        let start = starts[line - 1]
        let end = min(lineEnd, start + byteColumn - 1)
        let prefix = utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    }

    // MARK: New nodes. A node made here must be put into the tree (or freed with `free()`).

    func makeText(_ literal: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_TEXT))
        cmark_node_set_literal(node.raw, literal)
        return node
    }

    func makeLink(url: String, title: String? = nil) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_LINK))
        cmark_node_set_url(node.raw, url)
        if let title { cmark_node_set_title(node.raw, title) }
        return node
    }

    /// A block written out as `enter`, its children, then `exit`: HTML that tabib itself generates.
    func makeCustomBlock(enter: String, exit: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_CUSTOM_BLOCK))
        cmark_node_set_on_enter(node.raw, enter)
        cmark_node_set_on_exit(node.raw, exit)
        return node
    }

    func makeCustomInline(enter: String, exit: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_CUSTOM_INLINE))
        cmark_node_set_on_enter(node.raw, enter)
        cmark_node_set_on_exit(node.raw, exit)
        return node
    }
}

/// A node of a `MarkdownTree`; valid while its tree lives.
struct MarkdownNode: Equatable {
    fileprivate let raw: OpaquePointer
    fileprivate init(_ raw: OpaquePointer) { self.raw = raw }

    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading,
             thematicBreak, footnoteDefinition, text, softBreak, lineBreak, code, htmlInline, customInline,
             emphasis, strong, link, image, footnoteReference
        /// An extension's node (`table`, `table_cell`, `strikethrough`, …).
        case other
    }

    var kind: Kind {
        switch cmark_node_get_type(raw) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: .footnoteDefinition
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: .footnoteReference
        default: .other
        }
    }

    var parent: MarkdownNode? { cmark_node_parent(raw).map(MarkdownNode.init) }
    var firstChild: MarkdownNode? { cmark_node_first_child(raw).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(raw).map(MarkdownNode.init) }
    var previous: MarkdownNode? { cmark_node_previous(raw).map(MarkdownNode.init) }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// The text of a text, code, code block or HTML node.
    var literal: String? {
        get { cmark_node_get_literal(raw).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(raw, newValue) }
    }

    /// Calls `body` with the UTF-8 bytes of the node's literal (as `literal` has them), without copying
    /// them into a String; nil for a node without one. The bytes are valid only inside `body`.
    func withLiteralBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let literal = cmark_node_get_literal(raw) else { return nil }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            body(UnsafeBufferPointer(start: bytes, count: strlen(literal)))
        }
    }

    var url: String? {
        get { cmark_node_get_url(raw).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_url(raw, newValue) }
    }

    /// The title of a link or image (`![alt](file.png "title")`), or nil when it has none.
    var title: String? {
        guard let title = cmark_node_get_title(raw) else { return nil }
        let text = String(cString: title)
        return text.isEmpty ? nil : text
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(raw)) }

    /// Where the node starts in the Markdown source, or nil where cmark does not know (it says 0).
    var startLine: Int? { let v = Int(cmark_node_get_start_line(raw)); return v > 0 ? v : nil }
    var startByteColumn: Int? { let v = Int(cmark_node_get_start_column(raw)); return v > 0 ? v : nil }

    func insertBefore(_ node: MarkdownNode) { cmark_node_insert_before(raw, node.raw) }
    func insertAfter(_ node: MarkdownNode) { cmark_node_insert_after(raw, node.raw) }
    func appendChild(_ node: MarkdownNode) { cmark_node_append_child(raw, node.raw) }

    /// Takes the node out of its tree and frees it with its descendants.
    func remove() {
        cmark_node_unlink(raw)
        cmark_node_free(raw)
    }

    /// Moves every child of `self` to the end of `other`.
    func moveChildren(to other: MarkdownNode) {
        while let child = firstChild { other.appendChild(child) }
    }

    static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool { lhs.raw == rhs.raw }
}
