import Foundation

/// A link written by id (`@/articles/x.md#anchor`) after resolution: kept to check its anchor once
/// every page is rendered, and to list "what links here".
public struct PageLink: Sendable, Hashable {
    public var target: ContentKey
    public var targetLanguage: String
    public var anchor: String?
    public var location: SourceLocation
}

/// Where `@/` links and auto-links lead: answered by the site's routes.
public protocol LinkTargets: Sendable {
    /// The site path of `key` in `language`, or in the source language when it has no such translation.
    func resolve(_ key: ContentKey, language: String) -> (path: String, language: String)?
    /// Every id of a kind, for "did you mean" suggestions.
    func ids(of kind: ContentKind) -> [String]
    /// Whether `key` is a page this build leaves out (not yet clinically reviewed, or flagged as a
    /// whole): links to it are unlinked, not broken.
    func isWithheld(_ key: ContentKey) -> Bool
    /// What a hand-written path to one of the site's own pages (`/id/artikel/x/`) leads to.
    func page(atSitePath path: String) -> SitePathTarget?
}

/// A passage marked `[!REVIEW] note`: awaiting clinical review, left out of public builds.
public struct ReviewPassage: Sendable, Hashable {
    public var note: String
    public var location: SourceLocation
}

/// Turns one file's Markdown into HTML on the cmark-gfm tree: resolves `@/` links, drops unsafe links,
/// auto-links entity mentions, renders callouts and gives headings their anchors.
import Foundation

struct BodyRenderer {
    var file: ContentFile
    var targets: any LinkTargets
    var aliases: AliasIndex?
    var calloutTitles: [CalloutKind: String]
    var allowRawHTML: Bool
    /// The images of `content/images/` that `![alt](file)` may show.
    var images = ImageCatalog()
    /// A preview shows passages awaiting clinical review, highlighted with their note; a public build drops them.
    var preview = false

    private static let unsafeSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// How deep Markdown may nest (lists, block quotes, emphasis, links inside one another, counted as
    /// cmark's nodes: a list item inside a list is two levels). Far beyond what a page needs; the walks
    /// below recurse once per level, so deeper input is reported instead of overflowing the stack.
    static let maximumDepth = 100

    func render() -> RenderedBody {
        let tree = MarkdownTree(markdown: file.body)
        if let deep = tree.firstNode(deeperThan: Self.maximumDepth) {
            let problem = Diagnostic.error("markdown-too-deep",
                "the Markdown here is nested more than \(Self.maximumDepth) levels deep (lists, block quotes, emphasis or links inside one another); no reader can follow that: flatten it into fewer levels.",
                at: location(tree, deep))
            return RenderedBody(html: "", anchors: [], links: [], redFlags: [], mentions: [], diagnostics: [problem])
        }
        var state = State()
        markReviewPassages(tree, state: &state)
        resolveLinks(tree, node: tree.root, state: &state)
        let emergency = calloutBlockQuotes(tree, state: &state)
        if let aliases, !aliases.isEmpty {
            // By target number: the targets linked so far, this page itself first.
            var linked = [Bool](repeating: false, count: aliases.targetCount)
            if let own = aliases.targetNumber(of: file.key) { linked[own] = true }
            autolink(tree, node: tree.root, aliases: aliases, linked: &linked, skip: emergency, state: &state)
        }
        renderImages(tree, state: &state)
        renderBlocks(tree, state: &state)
        return RenderedBody(html: tree.renderHTML(allowRawHTML: allowRawHTML), anchors: state.anchors, links: state.links,
                            redFlags: state.redFlags, mentions: state.mentions, diagnostics: state.diagnostics,
                            reviewPassages: state.reviewPassages, linkedAliases: state.linkedAliases,
                            images: state.images, printedFigures: state.printedFigures, headings: state.headings)
    }

    struct State {
        var anchors: Set<String> = []
        var links: [PageLink] = []
        var redFlags: [String] = []
        var mentions: [ContentKey] = []
        var linkedAliases: [String] = []
        var reviewPassages: [ReviewPassage] = []
        var diagnostics: [Diagnostic] = []
        /// Block quotes found to be callouts, with their kind, in document order.
        var callouts: [(node: MarkdownNode, kind: CalloutKind)] = []
        var images: [ImageUse] = []
        var printedFigures: [String] = []
        var headings: [BodyHeading] = []
    }

    func location(_ tree: MarkdownTree, _ node: MarkdownNode) -> SourceLocation {
        var current: MarkdownNode? = node
        while let n = current {
            if let line = n.startLine {
                let column = n.startByteColumn.map { tree.characterColumn(line: line, byteColumn: $0) }
                return SourceLocation(path: file.path, line: line + file.bodyStartLine - 1, column: column)
            }
            current = n.parent
        }
        return SourceLocation(path: file.path, line: file.bodyStartLine)
    }

    // MARK: Links

    /// Whether a link (or image) to `url` must be dropped: `javascript:` and the like, in any case and
    /// after leading whitespace; images may show `data:image/`.
    static func hasUnsafeScheme(_ url: String, isImage: Bool) -> Bool {
        // A site reference, path or fragment (most links) starts with no scheme: no need to lowercase it.
        if let first = url.utf8.first, first == UInt8(ascii: "@") || first == UInt8(ascii: "/") || first == UInt8(ascii: "#") { return false }
        let lowered = url.lowercased().trimmedOfWhitespace()
        return unsafeSchemes.contains { lowered.hasPrefix($0) } && !(isImage && lowered.hasPrefix("data:image/"))
    }

    private func resolveLinks(_ tree: MarkdownTree, node: MarkdownNode, state: inout State) {
        var child = node.firstChild
        while let current = child {
            child = current.next
            if current.kind == .link || current.kind == .image, let url = current.url {
                if Self.hasUnsafeScheme(url, isImage: current.kind == .image) {
                    state.diagnostics.append(.warning("unsafe-link",
                        "the link to '\(url.prefix(40))' uses an unsafe scheme and was dropped; link to an https:// address instead.",
                        at: location(tree, current)))
                    if current.kind == .link {
                        while let inner = current.firstChild { current.insertBefore(inner) }
                        child = current.next
                        current.remove()
                        continue
                    } else {
                        current.url = ""
                    }
                } else if url.hasPrefix("@/") {
                    // Unwrapped (a link to a page this build leaves out): nothing inside it to look at.
                    if !resolve(tree, link: current, url: url, state: &state) { continue }
                } else if current.kind == .link, Self.isSitePath(url) {
                    if !resolveSitePath(tree, link: current, url: url, state: &state) { continue }
                }
            }
            resolveLinks(tree, node: current, state: &state)
        }
    }

    /// Whether a link's URL is a path on this site written by hand (`/id/artikel/x/`, `../x/`), rather
    /// than an address with a scheme, a fragment of the page itself or a page reference by id.
    static func isSitePath(_ url: String) -> Bool {
        guard let first = url.first, first != "#", first != "@", !url.hasPrefix("//") else { return false }
        let beforePath = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !beforePath.contains(":")
    }

    /// Replaces a link by its text, for a link to a page this build leaves out.
    private func unwrap(_ link: MarkdownNode) {
        while let inner = link.firstChild { link.insertBefore(inner) }
        link.remove()
    }

    /// Checks a hand-written link to one of the site's own pages and writes it out with the base path.
    /// Returns false when it took the link out of the tree.
    private func resolveSitePath(_ tree: MarkdownTree, link: MarkdownNode, url: String, state: inout State) -> Bool {
        let here = location(tree, link)
        let cut = url.firstIndex { $0 == "#" || $0 == "?" } ?? url.endIndex
        var path = String(url[..<cut])
        let rest = String(url[cut...])
        if !path.hasPrefix("/") {
            // Relative to this page, as a browser reads it.
            let own = targets.resolve(file.key, language: file.language)?.path ?? "/"
            path = URL(string: path, relativeTo: URL(string: "https://site" + own))?.path ?? path
            if url[..<cut].hasSuffix("/"), !path.hasSuffix("/") { path += "/" }
        }
        switch targets.page(atSitePath: path) {
        case let .page(key, language, target)?:
            link.url = target + rest
            let anchor = rest.hasPrefix("#") ? String(rest.dropFirst()) : nil
            state.links.append(PageLink(target: key, targetLanguage: language, anchor: anchor, location: here))
            return true
        case let .generated(target)?:
            link.url = target + rest
            return true
        case .withheld?:
            unwrap(link)
            return false
        case nil:
            var notes = ["a link by id, such as '[teks](@/articles/kejang-otot-di-kaki.md)', is checked by every build and keeps working under any base URL."]
            let last = path.split(separator: "/").last.map(String.init) ?? ""
            for kind in [ContentKind.article, .condition, .cause, .page] {
                if !last.isEmpty, let guess = Suggestion.closest(to: last, in: targets.ids(of: kind)) {
                    notes.insert("did you mean '@/\(kind.folder)/\(guess).md'?", at: 0)
                    break
                }
            }
            state.diagnostics.append(.error("broken-link",
                "the link '\(url)' leads to no page this build writes; link to the page by id with '@/' instead.",
                at: here, notes: notes))
            return true
        }
    }

    /// Returns false when it took the link out of the tree.
    @discardableResult
    private func resolve(_ tree: MarkdownTree, link: MarkdownNode, url: String, state: inout State) -> Bool {
        let here = location(tree, link)
        let reference = url.dropFirst(2)
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0])
        let anchor = parts.count > 1 ? String(parts[1]) : nil
        let pieces = pathPart.split(separator: "/")
        let folders = ContentKind.allCases.map(\.folder)
        guard pieces.count == 2, let kind = ContentKind(folder: String(pieces[0])), pieces[1].hasSuffix(".md") else {
            var notes = ["write it as @/<folder>/<id>.md, with folder one of \(folders.joined(separator: ", ")), such as @/causes/dehidrasi.md."]
            if pieces.count == 2, ContentKind(folder: String(pieces[0])) == nil, let guess = Suggestion.closest(to: String(pieces[0]), in: folders) {
                notes.insert("did you mean '@/\(guess)/\(pieces[1])'?", at: 0)
            }
            state.diagnostics.append(.error("bad-link", "the link '\(url)' is not a page reference tabib understands.", at: here, notes: notes))
            return true
        }
        let id = String(pieces[1].dropLast(3))
        let key = ContentKey(kind: kind, id: id)
        guard let target = targets.resolve(key, language: file.language) else {
            if targets.isWithheld(key) {
                unwrap(link)
                return false
            }
            var notes: [String] = []
            if let guess = Suggestion.closest(to: id, in: targets.ids(of: kind)) {
                notes.append("did you mean '@/\(kind.folder)/\(guess).md'?")
            }
            state.diagnostics.append(.error("broken-link",
                "the link '\(url)' leads to no page: there is no content/<lang>/\(kind.folder)/\(id).md; fix the id or write that page.",
                at: here, notes: notes))
            return true
        }
        link.url = target.path + (anchor.map { "#\($0)" } ?? "")
        state.links.append(PageLink(target: key, targetLanguage: target.language, anchor: anchor, location: here))
        return true
    }

    // MARK: Passages awaiting clinical review

    static let reviewMarker = "[!REVIEW]"

    /// Finds block quotes and list items whose first line is `[!REVIEW] note`: the rest of the quote
    /// or item is a passage awaiting clinical review. A public build drops it; a preview shows it
    /// highlighted, with the note.
    private func markReviewPassages(_ tree: MarkdownTree, state: inout State) {
        func visit(_ node: MarkdownNode) {
            for child in node.children {
                if child.kind == .blockQuote || child.kind == .item, let note = reviewNote(tree, child, state: &state) {
                    let here = location(tree, child)
                    guard !note.isEmpty else {
                        state.diagnostics.append(.error("review-without-note",
                            "this passage is marked \(Self.reviewMarker) without a note; say on the same line what the clinician should check, as '\(Self.reviewMarker) no source for this claim'.",
                            at: here))
                        continue
                    }
                    guard child.firstChild != nil else {
                        state.diagnostics.append(.error("review-without-passage",
                            "the \(Self.reviewMarker) marker here holds a note but no passage; put the passage on the lines after the note, in the same \(child.kind == .item ? "list item" : "block quote").",
                            at: here))
                        continue
                    }
                    state.reviewPassages.append(ReviewPassage(note: note, location: here))
                    if preview {
                        let label = calloutTitles[.review] ?? "Awaiting clinical review"
                        let box = tree.makeCustomBlock(
                            enter: "<div class=\"review-passage\" role=\"note\">\n<p class=\"review-passage-note\"><strong>\(HTML.escape(label)):</strong> \(HTML.escape(note))</p>",
                            exit: "</div>")
                        child.moveChildren(to: box)
                        if child.kind == .item {
                            child.appendChild(box)
                        } else {
                            child.insertBefore(box)
                            child.remove()
                        }
                        visit(box)
                    } else {
                        let list = child.kind == .item ? child.parent : nil
                        child.remove()
                        if let list, list.firstChild == nil { list.remove() }
                    }
                    continue
                }
                if child.kind != .codeBlock { visit(child) }
            }
        }
        visit(tree.root)
    }

    /// When `node`'s first paragraph starts with `[!REVIEW]`: removes the marker and the rest of its
    /// line, and returns that rest (the note, possibly empty).
    private func reviewNote(_ tree: MarkdownTree, _ node: MarkdownNode, state: inout State) -> String? {
        guard let paragraph = node.firstChild, paragraph.kind == .paragraph,
              let first = paragraph.firstChild, first.kind == .text, let literal = first.literal,
              literal.uppercased().hasPrefix(Self.reviewMarker) else { return nil }
        var line: [MarkdownNode] = []
        var current: MarkdownNode? = first
        while let n = current, n.kind != .softBreak, n.kind != .lineBreak {
            line.append(n)
            current = n.next
        }
        var note = line.map { plainText($0, self: true) }.joined()
        note.removeFirst(Self.reviewMarker.count)
        for n in line { n.remove() }
        if let lineBreak = paragraph.firstChild, lineBreak.kind == .softBreak || lineBreak.kind == .lineBreak { lineBreak.remove() }
        if paragraph.firstChild == nil { paragraph.remove() }
        return note.trimmedOfWhitespaceAndNewlines()
    }

    // MARK: Callouts

    /// Finds block quotes that start with `[!KIND]`, removes the marker, and returns the emergency ones.
    private func calloutBlockQuotes(_ tree: MarkdownTree, state: inout State) -> [MarkdownNode] {
        var emergency: [MarkdownNode] = []
        func visit(_ node: MarkdownNode) {
            for child in node.children {
                if child.kind == .blockQuote, let kind = calloutMarker(tree, child, state: &state) {
                    state.callouts.append((child, kind))
                    if kind == .emergency {
                        emergency.append(child)
                        forbidLinks(tree, in: child, state: &state)
                    }
                }
                if child.kind != .codeBlock { visit(child) }
            }
        }
        visit(tree.root)
        return emergency
    }

    /// Reads and removes the `[!KIND]` marker at the start of a block quote's first paragraph.
    private func calloutMarker(_ tree: MarkdownTree, _ quote: MarkdownNode, state: inout State) -> CalloutKind? {
        guard let paragraph = quote.firstChild, paragraph.kind == .paragraph else { return nil }
        var leading: [MarkdownNode] = []
        var text = ""
        var node = paragraph.firstChild
        while let n = node, n.kind == .text, let literal = n.literal {
            leading.append(n)
            text += literal
            if text.contains("]") { break }
            node = n.next
        }
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let name = String(text[text.index(text.startIndex, offsetBy: 2)..<close])
        guard let kind = CalloutKind(rawValue: name.uppercased()), kind != .review else {
            let callouts = CalloutKind.allCases.filter { $0 != .review }
            var notes = ["known callouts: \(callouts.map { "[!\($0.rawValue)]" }.joined(separator: ", "))."]
            if let guess = Suggestion.closest(to: name.uppercased(), in: callouts.map(\.rawValue)) {
                notes.insert("did you mean '[!\(guess)]'?", at: 0)
            }
            state.diagnostics.append(.error("unknown-callout", "unknown callout '[!\(name)]'; use one of the known kinds.",
                                            at: location(tree, quote), notes: notes))
            return nil
        }
        var rest = String(text[text.index(after: close)...])
        while rest.first == " " { rest.removeFirst() }
        for n in leading { n.remove() }
        if !rest.isEmpty {
            paragraph.firstChild.map { $0.insertBefore(tree.makeText(rest)) } ?? paragraph.appendChild(tree.makeText(rest))
        } else if let first = paragraph.firstChild, first.kind == .softBreak || first.kind == .lineBreak {
            first.remove()
        }
        if paragraph.firstChild == nil { paragraph.remove() }
        return kind
    }

    private func forbidLinks(_ tree: MarkdownTree, in node: MarkdownNode, state: inout State) {
        for child in node.children {
            if child.kind == .link {
                state.diagnostics.append(.error("link-in-emergency",
                    "an emergency callout must not hold links: a reader in an emergency should act, not click away; write the text without the link.",
                    at: location(tree, child)))
            }
            forbidLinks(tree, in: child, state: &state)
        }
    }

    // MARK: Auto-links

    private func autolink(_ tree: MarkdownTree, node: MarkdownNode, aliases: AliasIndex, linked: inout [Bool],
                          skip: [MarkdownNode], state: inout State) {
        var child = node.firstChild
        while let current = child {
            child = current.next
            switch current.kind {
            case .heading, .link, .image, .code, .codeBlock, .htmlBlock, .htmlInline, .customBlock, .customInline, .footnoteReference:
                continue
            case .text:
                // Scanned as the node's own UTF-8 bytes: a String is made only for the pieces of a text
                // that mentions something not linked yet. Match ranges are Character boundaries.
                let pieces: [MarkdownNode]? = current.withLiteralBytes { bytes in
                    var cursor = 0
                    var pieces: [MarkdownNode] = []
                    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
                    for match in aliases.matches(inUTF8: bytes) where !linked[match.targetNumber] {
                        let key = aliases.target(match.targetNumber)
                        guard let target = targets.resolve(key, language: file.language) else { continue }
                        linked[match.targetNumber] = true
                        state.mentions.append(key)
                        state.linkedAliases.append(text(match.range).lowercased())
                        if match.range.lowerBound > cursor { pieces.append(tree.makeText(text(cursor..<match.range.lowerBound))) }
                        let link = tree.makeLink(url: target.path)
                        link.appendChild(tree.makeText(text(match.range)))
                        pieces.append(link)
                        cursor = match.range.upperBound
                    }
                    if !pieces.isEmpty, cursor < bytes.count { pieces.append(tree.makeText(text(cursor..<bytes.count))) }
                    return pieces
                }
                guard let pieces, !pieces.isEmpty else { continue }
                for piece in pieces { current.insertBefore(piece) }
                current.remove()
            default:
                if skip.contains(current) { continue }
                autolink(tree, node: current, aliases: aliases, linked: &linked, skip: skip, state: &state)
            }
        }
    }

    // MARK: Headings and callout boxes

    /// Gives headings their anchors (body headings start at h2) and turns callout block quotes into
    /// `<aside>` boxes whose heading sits one level below the section they are in.
    private func renderBlocks(_ tree: MarkdownTree, state: inout State) {
        var headings: [MarkdownNode] = []
        func collect(_ node: MarkdownNode) {
            for child in node.children {
                if child.kind == .heading { headings.append(child) } else if child.kind != .codeBlock { collect(child) }
            }
        }
        collect(tree.root)
        let shift = headings.contains { $0.headingLevel == 1 } ? 1 : 0
        var levelAfter: [(line: Int, level: Int)] = []
        var used: [String: Int] = [:]
        for heading in headings {
            let level = min(6, heading.headingLevel + shift)
            let inner = innerHTML(tree, heading)
            var anchor = Anchor.slug(plainText(heading))
            if let count = used[anchor] {
                used[anchor] = count + 1
                anchor += "-\(count + 1)"
            } else {
                used[anchor] = 1
            }
            state.anchors.insert(anchor)
            state.headings.append(BodyHeading(level: level, anchor: anchor, text: plainText(heading)))
            levelAfter.append((heading.startLine ?? 0, level))
            let block = tree.makeCustomBlock(enter: "<h\(level) id=\"\(HTML.escape(anchor))\">\(inner)</h\(level)>", exit: "")
            heading.insertBefore(block)
            heading.remove()
        }
        var number = 0
        for (quote, kind) in state.callouts {
            number += 1
            let line = quote.startLine ?? 0
            let sectionLevel = levelAfter.last { $0.line <= line }?.level ?? 1
            let level = min(6, sectionLevel + 1)
            let title = calloutTitles[kind] ?? kind.rawValue
            let id = "callout-\(number)"
            let role = kind.isRedFlag ? " role=\"alert\"" : ""
            _ = role
            let box = tree.makeCustomBlock(
                enter: "<aside class=\"callout \(kind.cssClass)\(kind.isRedFlag ? " red-flag" : "")\" aria-labelledby=\"\(id)\">\n<h\(level) class=\"callout-title\" id=\"\(id)\">\(HTML.escape(title))</h\(level)>",
                exit: "</aside>")
            quote.insertBefore(box)
            quote.moveChildren(to: box)
            quote.remove()
            if kind.isRedFlag { state.redFlags.append(tree.renderHTML(box, allowRawHTML: allowRawHTML)) }
        }
    }

    private func innerHTML(_ tree: MarkdownTree, _ heading: MarkdownNode) -> String {
        var html = tree.renderHTML(heading, allowRawHTML: allowRawHTML)
        let open = "<h\(heading.headingLevel)>"
        let close = "</h\(heading.headingLevel)>"
        if html.hasPrefix(open) { html.removeFirst(open.count) }
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasSuffix(close) { html.removeLast(close.count) }
        return html
    }

    /// The text of `node`'s descendants, or with `self: true` of the node itself too.
    private func plainText(_ node: MarkdownNode, self include: Bool) -> String {
        guard include else { return plainText(node) }
        switch node.kind {
        case .text, .code: return node.literal ?? ""
        case .softBreak, .lineBreak: return " "
        default: return plainText(node)
        }
    }

    func plainText(_ node: MarkdownNode) -> String {
        var text = ""
        for child in node.children {
            switch child.kind {
            case .text, .code: text += child.literal ?? ""
            case .softBreak, .lineBreak: text += " "
            default: text += plainText(child)
            }
        }
        return text
    }
}
