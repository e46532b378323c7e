/// The HTML of an image on a page: a `<picture>` offering WebP and a JPEG or PNG fallback in every
/// width, with `width` and `height` (the browser reserves the space before the file arrives), and the
/// figure around it with its caption and credit.
struct ImageHTML {
    var catalog: ImageCatalog
    var language: String

    /// How wide an image in the article text is shown: the text column (46rem less its padding), or
    /// the whole screen less the padding on a phone.
    static let sizes = "(max-width: 46rem) calc(100vw - 2rem), 44rem"

    /// `<picture>` (or `<img>` for an SVG); lazy images load only when the reader scrolls near them.
    func picture(_ image: SiteImage, alt: String, lazy: Bool) -> String {
        let loading = lazy ? " loading=\"lazy\"" : ""
        let altText = HTML.escape(alt)
        if image.isSVG {
            let size = image.header.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
            return "<img src=\"\(HTML.escape(catalog.url(ImageVariants(image).svgPath)))\" alt=\"\(altText)\"\(size)\(loading) decoding=\"async\">"
        }
        let variants = ImageVariants(image)
        guard let largest = variants.largest else { return "" }
        func srcset(_ encoding: ImageEncoding) -> String {
            variants.variants(encoding).map { "\(HTML.escape(catalog.url($0.outputPath))) \($0.width)w" }.joined(separator: ", ")
        }
        return "<picture>"
            + "<source type=\"image/webp\" srcset=\"\(srcset(.webp))\" sizes=\"\(Self.sizes)\">"
            + "<img src=\"\(HTML.escape(catalog.url(largest.outputPath)))\" srcset=\"\(srcset(variants.fallback))\" sizes=\"\(Self.sizes)\""
            + " width=\"\(largest.width)\" height=\"\(largest.height)\" alt=\"\(altText)\"\(loading) decoding=\"async\">"
            + "</picture>"
    }

    /// The figure of an image standing alone in a paragraph: the picture, then the caption (the
    /// Markdown title) and the credit and licence from its metadata.
    func figure(_ image: SiteImage, alt: String, caption: String?, lazy: Bool) -> String {
        let screenOnly = image.meta.screenOnly ? " screen-only" : ""
        return "<figure class=\"figure\(screenOnly)\">\n\(picture(image, alt: alt, lazy: lazy))\n\(figcaption(image, caption: caption))</figure>\n"
    }

    /// The figure as a handout prints it: the widest file alone (print resolution), never split.
    func printedFigure(_ image: SiteImage, alt: String, caption: String?) -> String {
        let variants = ImageVariants(image)
        let img: String
        if image.isSVG {
            let size = image.header.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
            img = "<img src=\"\(HTML.escape(catalog.url(variants.svgPath)))\" alt=\"\(HTML.escape(alt))\"\(size)>"
        } else if let largest = variants.largest {
            img = "<img src=\"\(HTML.escape(catalog.url(largest.outputPath)))\" alt=\"\(HTML.escape(alt))\" width=\"\(largest.width)\" height=\"\(largest.height)\">"
        } else {
            return ""
        }
        return "<figure class=\"figure handout-figure\">\n\(img)\n\(figcaption(image, caption: caption))</figure>"
    }

    private func figcaption(_ image: SiteImage, caption: String?) -> String {
        let credit = [image.meta.credit(in: language), image.meta.license].compactMap { $0 }.map(HTML.escape).joined(separator: " · ")
        guard caption != nil || !credit.isEmpty else { return "" }
        var html = "<figcaption>"
        if let caption { html += HTML.escape(caption) }
        if !credit.isEmpty { html += (caption == nil ? "" : " ") + "<span class=\"credit\">\(credit)</span>" }
        return html + "</figcaption>\n"
    }
}
