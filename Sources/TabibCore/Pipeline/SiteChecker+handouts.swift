import Foundation

extension SiteChecker {
    /// Prints every handout with headless Chromium in a scratch folder and warns about each one that
    /// runs past two A4 pages: a clinic hands out at most one sheet, printed on both sides.
    public func handoutLengthWarnings(printer: HandoutPDFs, limit: Int = 2) async -> [Diagnostic] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("site")
        let report: BuildReport
        do {
            report = try await SiteBuilder(options: options).build(printingHandoutsWith: printer, into: output)
        } catch {
            return error.diagnostics
        }
        // The build's content warnings are the checker's own; only the printer's are new here.
        var diagnostics = report.warnings.filter { $0.code == "chromium-pipe-failed" }
        let articles = report.graph.files.filter(Routes.hasHandout)
        let pdftotext = CommandLineTool.find(["pdftotext"])
        if pdftotext == nil {
            diagnostics.append(.warning("pdftotext-missing",
                "pdftotext (poppler-utils) is not on PATH, so no handout was checked for dates and disclaimer alone on their last page; install poppler-utils."))
        }
        let strings = UIStrings.load(root: options.root, config: report.graph.config).0
        for (file, job) in zip(articles, HandoutPDFs.jobs(report.graph)) {
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(job.pdf).path) else { continue }
            let pages = PDFPageCount.count(data)
            if pages > 1, let pdftotext, let strings,
               let last = try? await pdftotext.run(["-f", "\(pages)", "-l", "\(pages)", output.appendingPathComponent(job.pdf).path, "-"]),
               Self.startsWithTheEnd(last.output, published: strings.text(.published, job.language), pageLabel: strings.text(.handoutPage, job.language)) {
                diagnostics.append(.warning("handout-end-alone",
                    "the handout of this article prints its dates and disclaimer alone on page \(pages), a page the clinic might not print; shorten its 'handout.keyPoints' or its red-flag callouts so that they fit on page \(pages - 1), or lengthen them so that more than the dates goes to page \(pages).",
                    at: SourceLocation(path: file.path, line: 1, column: 1)))
            }
            if pages > limit {
                diagnostics.append(.warning("handout-too-long",
                    "the handout of this article prints on \(pages) A4 pages, more than \(limit); shorten its 'handout.keyPoints' or its red-flag callouts.",
                    at: SourceLocation(path: file.path, line: 1, column: 1)))
            }
        }
        return diagnostics
    }
}

extension SiteChecker {
    /// Whether the text of a handout's last page starts, after its running head, with the dates
    /// (`published:` label): nothing of the article came with them.
    static func startsWithTheEnd(_ text: String, published: String, pageLabel: String) -> Bool {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = lines.first(where: { !$0.hasPrefix(pageLabel) }) else { return false }
        return first.hasPrefix(published)
    }
}

/// The number of pages of a PDF as Chromium writes it: its `/Type /Page` objects.
enum PDFPageCount {
    static func count(_ data: Data) -> Int {
        let text = String(decoding: data, as: UTF8.self)
        let regex = try! NSRegularExpression(pattern: "/Type\\s*/Page(?![A-Za-z])")
        return regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }
}
