import Foundation

/// Prints every handout of a built site to an A4 PDF beside its page (`SiteRenderer.pdfName`), with
/// one headless Chromium and a tab per core at a time.
public struct HandoutPDFs: Sendable {
    /// One handout to print: its page and its PDF, as paths under the output folder.
    public struct Job: Sendable, Hashable {
        public var page: String
        public var pdf: String
        /// Where the handout is published, for its links.
        public var pageURL: String
        /// The article the handout is about: the URL printed on it and in its QR code.
        public var articleURL: String
        public var language: String
    }

    public let browser: Chromium
    /// How many handouts print at once: tabs of the one browser (or browsers, when it cannot start).
    /// One per core: on two cores, two tabs print the shipped handouts faster than one, and more do
    /// not help.
    public var width: Int

    public init(browser: Chromium, width: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        self.browser = browser
        self.width = max(1, width)
    }

    /// The handouts of every article in the graph, in the graph's order.
    public static func jobs(_ graph: SiteGraph) -> [Job] {
        let config = graph.config
        return graph.files.filter(Routes.hasHandout).map { file in
            let sitePath = graph.routes.handout(file)
            let page = SiteRenderer.outputPath(sitePath, basePath: config.basePath)
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            return Job(page: page, pdf: folder + "/" + SiteRenderer.pdfName(file), pageURL: config.absoluteURL(sitePath),
                       articleURL: config.absoluteURL(graph.routes.path(file.key, language: file.language)!), language: file.language)
        }
    }

    /// Prints `jobs` of the built site in `folder`, calling `progress(done, total, pdf)` as each PDF is
    /// written. Fails with every error, after trying every handout. One browser prints them all, `width`
    /// tabs at a time; when it cannot start, each handout gets a browser of its own, which is slower,
    /// and the returned warning says why.
    @discardableResult
    public func print(_ jobs: [Job], in folder: URL, basePath: String,
                      progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) async throws(BuildFailure) -> [Diagnostic] {
        guard !jobs.isEmpty else { return [] }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var warnings: [Diagnostic] = []
        let session: BrowserSession?
        do {
            session = try await BrowserSession.start(browser)
        } catch {
            session = nil
            warnings = error.diagnostics.map { diagnostic in
                .warning("chromium-pipe-failed",
                         "could not print every handout with one Chromium, so each gets a Chromium of its own, which is slower: \(diagnostic.message)",
                         notes: diagnostic.notes)
            }
        }
        let browser = self.browser
        let failures: [Diagnostic] = await withTaskGroup(of: (Job, [Diagnostic]).self) { group in
            var pending = jobs[...]
            func startNext() {
                guard let job = pending.popFirst() else { return }
                group.addTask {
                    do {
                        let page = try LocalPage(job.page, in: folder, basePath: basePath, pageURL: job.pageURL, scratch: scratch)
                        let pdf = folder.appendingPathComponent(job.pdf)
                        if let session {
                            try await session.printToPDF(page.url, to: pdf, named: job.page)
                        } else {
                            try await browser.printToPDF(page.url, to: pdf)
                        }
                        return (job, [])
                    } catch let failure as BuildFailure {
                        return (job, failure.diagnostics)
                    } catch {
                        return (job, [.error("pdf-failed", "could not prepare \(job.page) for printing (\(error.localizedDescription)); check the disk and its permissions.")])
                    }
                }
            }
            for _ in 0..<width { startNext() }
            var failures: [Diagnostic] = []
            var done = 0
            for await (job, diagnostics) in group {
                done += 1
                if diagnostics.isEmpty { progress(done, jobs.count, job.pdf) }
                failures += diagnostics
                startNext()
            }
            return failures
        }
        await session?.close()
        guard failures.isEmpty else { throw BuildFailure(failures + warnings) }
        return warnings
    }
}

extension SiteBuilder {
    /// Builds into a folder like `build(toDirectory:)`, with a PDF beside every handout, which links to
    /// it. The PDFs are printed from the staging folder before it is swapped in, so a failure leaves
    /// the previous output as it was.
    public func build(toDirectory output: URL, layout: OutputDirectory.Layout = .folder, printingHandoutsWith printer: HandoutPDFs,
                      progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) async throws(BuildFailure) -> BuildReport {
        try await build(printingHandoutsWith: printer, into: output, layout: layout, progress: progress)
    }

    /// The same, as `build(printingHandoutsWith:into:)` for callers that name the printer first.
    public func build(printingHandoutsWith printer: HandoutPDFs, into output: URL, layout: OutputDirectory.Layout = .folder,
                      progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) async throws(BuildFailure) -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var options = self.options
        options.handoutPDFs = true
        // The browser reads the pages from one folder: the whole site is written anew (a release holds it whole).
        let directory = try OutputDirectory(destination: output, updating: false, layout: layout)
        do {
            var report = try await SiteBuilder(options: options).build(intoDirectory: directory)
            let jobs = HandoutPDFs.jobs(report.graph)
            report.warnings += try await printer.print(jobs, in: directory.staging, basePath: report.graph.config.basePath, progress: progress)
            directory.adopt(jobs.map(\.pdf))
            report.changes = try directory.commit()
            report.warnings += directory.notes
            report.filesWritten += jobs.count
            report.duration = clock.now - start
            return report
        } catch {
            directory.discard()
            throw directory.explain(error)
        }
    }
}
