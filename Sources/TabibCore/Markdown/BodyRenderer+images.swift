extension BodyRenderer {
    /// A figure narrower than this is far too small to stand across the text column.
    static let smallestFigureWidth = 320

    /// Turns `![alt](file.png "caption")` into a responsive picture of `content/images/file.png`: a
    /// figure with its caption and credit when it stands alone in a paragraph, a picture inside the
    /// text otherwise. Checks that the file exists and can be read, that the alt text is there, and
    /// that a figure is not far too small. Addresses with a scheme (`https:`) or a leading `/` are
    /// left to cmark, with their alt text checked all the same.
    func renderImages(_ tree: MarkdownTree, state: inout State) {
        var found: [MarkdownNode] = []
        func collect(_ node: MarkdownNode) {
            for child in node.children {
                if child.kind == .image { found.append(child) } else if child.kind != .codeBlock, child.kind != .htmlBlock { collect(child) }
            }
        }
        collect(tree.root)
        let html = ImageHTML(catalog: images, language: file.language)
        for (number, node) in found.enumerated() {
            let here = location(tree, node)
            let url = node.url ?? ""
            let alt = plainText(node).trimmedOfWhitespaceAndNewlines()
            if alt.isEmpty {
                state.diagnostics.append(.error("missing-alt",
                    "the image '\(url)' has no alt text; describe what it shows between the brackets, such as ![A woman stretching her calf against a wall](\(url)): screen readers read it in place of the image.",
                    at: here))
            }
            guard let name = Self.localImageName(url) else { continue }
            guard let image = images.image(named: name) else {
                state.images.append(ImageUse(name: name, fingerprint: nil))
                var notes: [String] = []
                if let guess = Suggestion.closest(to: name, in: Array(images.images.keys)) { notes.append("did you mean '\(guess)'?") }
                state.diagnostics.append(.error("missing-image",
                    "the image '\(name)' does not exist: there is no \(SiteImage.folder)/\(name); put the file there or fix the name.",
                    at: here, notes: notes))
                continue
            }
            state.images.append(ImageUse(name: name, fingerprint: image.fingerprint))
            if let problem = image.problem {
                state.diagnostics.append(.error("bad-image", Self.describe(problem, of: image), at: here))
                continue
            }
            guard !alt.isEmpty else { continue }
            let paragraph = node.parent
            let standsAlone = paragraph?.kind == .paragraph && paragraph?.children.allSatisfy { child in
                child == node || child.kind == .softBreak || child.kind == .lineBreak
                    || child.kind == .text && (child.literal ?? "").trimmedOfWhitespaceAndNewlines().isEmpty
            } == true
            // The first image among the first blocks is on the first screen: it loads at once.
            let lazy = number > 0 || Self.blockIndex(of: node) >= 3
            if standsAlone, let paragraph {
                if !image.isSVG, let width = image.header?.width, width < Self.smallestFigureWidth {
                    state.diagnostics.append(.warning("image-too-small",
                        "the image '\(name)' is only \(width) px wide, far too small for a figure across the page; use an original at least 800 px wide, or show it inside a sentence.",
                        at: here))
                }
                let caption = node.title
                paragraph.insertBefore(tree.makeCustomBlock(enter: html.figure(image, alt: alt, caption: caption, lazy: lazy), exit: ""))
                paragraph.remove()
                if !image.meta.screenOnly { state.printedFigures.append(html.printedFigure(image, alt: alt, caption: caption)) }
            } else {
                node.insertBefore(tree.makeCustomInline(enter: html.picture(image, alt: alt, lazy: lazy), exit: ""))
                node.remove()
            }
        }
    }

    /// The name under `content/images/` that an image address means (`betis.png`, `latihan/betis.png`,
    /// `@/images/betis.png`), or nil for an address with a scheme, an absolute path or a fragment.
    static func localImageName(_ url: String) -> String? {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#") else { return nil }
        var path = url
        if path.hasPrefix("@/images/") { path.removeFirst("@/images/".count) }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        path = path.removingPercentEncoding ?? path
        return path
    }

    /// Which block of the document holds `node`, counting from 0.
    static func blockIndex(of node: MarkdownNode) -> Int {
        var block = node
        while let parent = block.parent, parent.kind != .document { block = parent }
        var index = 0
        var previous = block.previous
        while let p = previous {
            index += 1
            previous = p.previous
        }
        return index
    }

    static func describe(_ problem: SiteImage.Problem, of image: SiteImage) -> String {
        switch problem {
        case let .unsupported(ext):
            let kind = ext.isEmpty ? "a file without an extension" : "a .\(ext) file"
            return "the image '\(image.name)' is \(kind), which tabib does not publish; save it as JPEG, PNG, WebP or SVG in \(SiteImage.folder)/."
        case let .unreadable(message):
            return "\(image.path) is not an image tabib can read (libvips: \(message)); replace it with a JPEG, PNG, WebP or SVG file that opens in an image viewer."
        case let .unsafeSVG(what):
            return "\(image.path) holds \(what); an SVG opened at its own address runs such things, so tabib publishes only plain drawings: remove it, or export the drawing again as plain SVG."
        }
    }
}
