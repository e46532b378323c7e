import CompiledMustache
import Foundation

extension SiteRenderer {
    /// The model of the printable A4 handout of the article `graph.files[i]`: key points, red flags,
    /// review dates, short sources, the full disclaimer and the article's URL as text and QR code.
    func handoutPage(_ i: Int) -> HandoutPage {
        let file = contentFile(i)
        let code = file.language
        let meta = file.meta
        let language = parts.languages[code]!
        let sitePath = handoutPath(file)
        let articlePath = routes.path(file.key, language: code)!
        let articleURL = absolute(articlePath)
        let handout = HandoutPage.Handout(
            title: meta.title,
            articleURL: articleURL,
            articlePath: articlePath,
            keyPoints: meta.handoutPoints.isEmpty ? [meta.summary ?? meta.title] : meta.handoutPoints,
            pdfURL: handoutPDFs ? sitePath + Self.pdfName(file) : nil,
            dates: reviewDates(meta, language: code),
            qr: qrCodes.symbol(for: articleURL)?.svg(label: language.handoutQRLabel + " " + articleURL),
            redFlags: HandoutPage.RedFlags(renderedBody(i).redFlags),
            figures: HandoutPage.Figures(renderedBody(i).printedFigures),
            sources: meta.sources.isEmpty ? nil : meta.sources.map(\.title).joined(separator: "; "),
            clinicalReview: meta.review.map { ClinicalReviewNotice(note: $0.note ?? "") },
            disclaimer: language.disclaimer?.html,
            disclaimerTitle: language.disclaimer?.title,
            clinic: language.clinic,
            otherLanguages: HandoutPage.OtherLanguages(routes.languages(of: file.key).filter { $0 != code }.map { other in
                HandoutPage.OtherLanguage(name: parts.languages[other]!.name, code: other, url: handoutPath(graph.file(file.key, language: other)!))
            }),
            languageName: language.name,
            reviewer: clinicalReviewer(file, language: code),
            awaitingReview: isAwaitingReview(file),
            printCSS: HandoutPrintStyle.css(title: meta.title, url: articleURL, pageLabel: strings.text(.handoutPage, code),
                                            shortDisclaimer: strings.text(.shortDisclaimer, code)))
        return HandoutPage(layout: layout(language: code, title: "\(language.handoutTitle): \(meta.title)", description: meta.summary,
                                          sitePath: sitePath, key: nil),
                           handout: handout)
    }

    /// Renders a handout. A handout template that loses the disclaimer, the review dates or the URL
    /// fails the build.
    func handout(_ i: Int, template: CompiledTemplate<HandoutPage>) -> (OutputFile?, [Diagnostic]) {
        let model = handoutPage(i)
        let file = graph.files[i]
        if let reads {
            // The disclaimer it prints, and its other languages.
            reads.insert(.disclaimer(language: file.language))
            reads.insert(.translations(file.key))
        }
        let sitePath = handoutPath(file)
        let html = Self.bytes(model, template)
        let disclaimer = parts.languages[file.language]!.disclaimer
        var missing: [String] = []
        // What the page shows: its print style in the head repeats the title, URL and short disclaimer.
        let shown = Array(html[(Self.offset(of: "</head>", in: html) ?? 0)...])
        if let first = disclaimer?.firstSentence, !Self.page(shown, contains: first) { missing.append("the disclaimer") }
        if disclaimer == nil { missing.append("the disclaimer (there is no content/\(config.defaultLanguage)/pages/disclaimer.md)") }
        if let reviewed = model.handout.dates.reviewed, !Self.page(shown, contains: HTML.escape(reviewed)) { missing.append("the review date") }
        if !Self.page(shown, contains: HTML.escape(model.handout.articleURL)) { missing.append("the article's URL") }
        guard missing.isEmpty else {
            return (nil, [.error("handout-incomplete",
                "while rendering \(sitePath): the handout does not show \(missing.joined(separator: ", ")); a handout must never be printed without them, so put {{{handout.disclaimer}}}, {{handout.reviewed}} and {{handout.articleURL}} back.",
                at: SourceLocation(path: "templates/handout.mustache"))])
        }
        return (OutputFile(path: Self.outputPath(sitePath, basePath: parts.basePath), contents: html), [])
    }

    /// Whether `text` occurs in the page's bytes.
    static func page(_ html: [UInt8], contains text: String) -> Bool {
        offset(of: text, in: html) != nil
    }

    /// Where `text` first occurs in the page's bytes (0 for empty text), or nil.
    static func offset(of text: String, in html: [UInt8]) -> Int? {
        var text = text
        return html.withUnsafeBufferPointer { page in
            text.withUTF8 { needle -> Int? in
                guard let first = needle.first else { return 0 }
                guard needle.count <= page.count, let start = page.baseAddress else { return nil }
                let last = page.count - needle.count
                var i = 0
                while i <= last, let hit = memchr(start + i, Int32(first), last - i + 1) {
                    let at = start.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(start + at, needle.baseAddress!, needle.count) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
        }
    }

    static func pdfName(_ file: ContentFile) -> String { "\(file.slug)-\(file.language).pdf" }

    /// The text of the first paragraph of some HTML, to check that it reached the page.
    static func firstSentence(of html: String) -> String? {
        guard let start = html.range(of: "<p>") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.firstIndex(where: { $0 == "<" || $0 == "." }) ?? rest.endIndex
        let text = rest[..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
