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
        let articles = report.graph.files.filter { $0.kind == .article }
        for (file, job) in zip(articles, HandoutPDFs.jobs(report.graph)) {
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(job.pdf).path) else { continue }
            let pages = PDFPageCount.count(data)
            if pages > limit {
                diagnostics.append(.warning("handout-too-long",
                    "the handout of this article prints on \(pages) A4 pages, more than \(limit); shorten its 'handout.keyPoints' or its red-flag callouts.",
                    at: SourceLocation(path: file.path, line: 1, column: 1)))
            }
        }
        return diagnostics
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
