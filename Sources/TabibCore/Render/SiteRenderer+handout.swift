import Foundation

extension SiteRenderer {
    /// The printable A4 handout of an article: key points, red flags, review dates, short sources, the
    /// full disclaimer and the article's URL as text and QR code. A handout template that loses the
    /// disclaimer, the review dates or the URL fails the build.
    func handoutPage(_ i: Int) -> (OutputFile?, [Diagnostic]) {
        let file = graph.files[i]
        let code = file.language
        let meta = file.meta
        let language = parts.languages[code]!
        let sitePath = handoutPath(file)
        let articlePath = routes.path(file.key, language: code)!
        let articleURL = absolute(articlePath)
        var handout: [String: Any] = [
            "title": meta.title,
            "articleURL": articleURL,
            "articlePath": articlePath,
            "keyPoints": meta.handoutPoints.isEmpty ? [meta.summary ?? meta.title] : meta.handoutPoints,
            "pdfURL": handoutPDFs ? sitePath + Self.pdfName(file) : false,
        ]
        addReviewDates(meta, language: code, to: &handout)
        handout["qr"] = QRCode.svg(for: articleURL, label: language.handoutQRLabel + " " + articleURL) ?? false
        let redFlags = bodies.bodies[i].redFlags
        handout["redFlags"] = redFlags.isEmpty ? false : ["items": redFlags]
        let figures = bodies.bodies[i].printedFigures
        handout["figures"] = figures.isEmpty ? false : ["items": figures]
        handout["sources"] = meta.sources.isEmpty ? false : meta.sources.map(\.title).joined(separator: "; ")
        handout["clinicalReview"] = meta.review.map { ["note": $0.note ?? ""] as [String: Any] } ?? false
        let disclaimer = language.disclaimer
        if let disclaimer {
            handout["disclaimer"] = disclaimer.html
            handout["disclaimerTitle"] = disclaimer.title
        }
        handout["clinic"] = language.clinic
        handout["otherLanguages"] = section(routes.languages(of: file.key).filter { $0 != code }.map { other in
            ["name": parts.languages[other]!.name, "code": other, "url": handoutPath(graph.file(file.key, language: other)!)]
        })
        handout["languageName"] = language.name

        let context = layout(language: code, title: "\(language.handoutTitle): \(meta.title)", description: meta.summary,
                             sitePath: sitePath, key: nil, extra: ["handout": handout])
        let html = render(context, template: "handout")
        var diagnostics: [Diagnostic] = []
        var missing: [String] = []
        if let first = disclaimer?.firstSentence, !Self.page(html, contains: first) { missing.append("the disclaimer") }
        if disclaimer == nil { missing.append("the disclaimer (there is no content/\(config.defaultLanguage)/pages/disclaimer.md)") }
        if let reviewed = formatted(meta.reviewed, code), !Self.page(html, contains: HTML.escape(reviewed)) { missing.append("the review date") }
        if !Self.page(html, contains: HTML.escape(articleURL)) { missing.append("the article's URL") }
        if !missing.isEmpty {
            diagnostics.append(.error("handout-incomplete",
                "while rendering \(sitePath): the handout does not show \(missing.joined(separator: ", ")); a handout must never be printed without them, so put {{{handout.disclaimer}}}, {{handout.reviewed}} and {{handout.articleURL}} back.",
                at: SourceLocation(path: "templates/handout.mustache")))
            return (nil, diagnostics)
        }
        return (OutputFile(path: Self.outputPath(sitePath, basePath: parts.basePath), text: html), diagnostics)
    }

    /// Whether `text` occurs in `html`, byte for byte: Foundation's `contains` copies the whole page to
    /// UTF-16 on every call, and the standard library's generic search is slower still.
    static func page(_ html: String, contains text: String) -> Bool {
        var html = html, text = text
        return html.withUTF8 { page in
            text.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= page.count, let start = page.baseAddress else { return false }
                let last = page.count - needle.count
                var i = 0
                while i <= last, let hit = memchr(start + i, Int32(first), last - i + 1) {
                    let at = start.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(start + at, needle.baseAddress!, needle.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }

    static func pdfName(_ file: ContentFile) -> String { "\(file.meta.slug?.value ?? file.id)-\(file.language).pdf" }

    /// The text of the first paragraph of some HTML, to check that it reached the page.
    static func firstSentence(of html: String) -> String? {
        guard let start = html.range(of: "<p>") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.firstIndex(where: { $0 == "<" || $0 == "." }) ?? rest.endIndex
        let text = rest[..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
