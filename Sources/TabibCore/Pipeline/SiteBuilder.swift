import Foundation

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var root: URL
    public var includeDrafts = false
    /// A preview (`--drafts`, `tabib serve`): articles not yet clinically reviewed or flagged as a whole,
    /// passages awaiting review and reviewers' notes are shown; a public build leaves them out.
    public var preview = false
    public var baseURL: String?
    /// The day dates are checked against.
    public var today: Day = .today
    /// Handout pages link to their PDF; set by a build that prints them (`build(toDirectory:printingHandoutsWith:)`).
    public var handoutPDFs = false
    /// What the site is made of (`SiteOutputs`); tests add outputs of their own.
    var outputs = SiteOutputs.standard

    /// `includeDrafts` also makes the build a preview, unless `preview` says otherwise.
    public init(root: URL, includeDrafts: Bool = false, preview: Bool? = nil, baseURL: String? = nil) {
        self.root = root
        self.includeDrafts = includeDrafts
        self.preview = preview ?? includeDrafts
        self.baseURL = baseURL
    }
}

/// What a finished build reports.
public struct BuildReport: Sendable {
    /// The QR codes the build drew, which a build into a folder keeps for the next one.
    var qrCodes: QRCodeCache?
    /// The bodies a build into a folder keeps for the next one, when they changed.
    var bodyCache: BodyCache?
    public var pagesWritten: Int
    public var filesWritten: Int
    public var duration: Duration
    public var warnings: [Diagnostic]
    public var graph: SiteGraph
    /// How long each stage took, in order.
    public var stageTimes: [SiteBuilder.StageTime] = []
    /// The articles a public build held back.
    public var withheld = PublicationGate.Withheld()
    /// When the build wrote into an output folder: how many files that changed.
    public var changes: OutputDirectory.Changes?
    /// On a site with search: what indexing did.
    public var search: SearchIndex.Outcome?
    /// The pages and site files rendered, with what each read when the build recorded it (`IncrementalBuilder`).
    var renderedPages: [RenderedPage] = []
}

/// What making one page or site file came to, in `SiteBuilder.write`.
struct MadeFile: Sendable {
    var isSiteFile: Bool
    var diagnostics: [Diagnostic]
    var written = false
    var writeError: String?
    var page: RenderedPage?
    var duration = Duration.zero
}

/// A page or site file a build rendered: the file it wrote and what its model and template read.
struct RenderedPage: Sendable {
    var job: PageJob
    var path: String
    var reads: Set<PageInput>
}

extension Duration {
    /// `0.123 s`.
    public var formattedSeconds: String {
        String(format: "%.3f s", Double(components.seconds) + Double(components.attoseconds) / 1e18)
    }
}

/// The whole pipeline, one way: load content → build graph → render bodies and pages → write.
/// `tabib build`, `tabib check` and `tabib serve` all go through here.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    public init(options: BuildOptions) { self.options = options }

    /// Everything up to rendering, with every diagnostic; nothing is written.
    public struct Prepared: Sendable {
        public var graph: SiteGraph
        public var renderer: SiteRenderer
        public var diagnostics: [Diagnostic]
        /// The images of `content/images/`, and the names of those the pages show.
        var images = ImageCatalog()
        var usedImages: [String] = []
        /// The content files read from disk for this build; the others were reused from the cache.
        public var parsed: Set<String> = []
        /// How long each stage took, in order.
        public var stageTimes: [StageTime] = []
        /// The bodies to keep in `.tabib-cache/` when the build succeeds; nil when the kept ones are still right.
        var bodyCache: BodyCache?
    }

    /// One stage of the pipeline and how long it took.
    public struct StageTime: Sendable {
        public var stage: String
        public var duration: Duration
    }

    /// `load 0.012 s · graph 0.040 s · …`: where the time of a build went.
    public static func describe(_ times: [StageTime]) -> String {
        times.map { "\($0.stage) \($0.duration.formattedSeconds)" }.joined(separator: " · ")
    }

    /// What one build keeps for the next: parsed files and rendered bodies, each with what it was made
    /// from, so that a rebuild reads and renders only what changed (`tabib serve`).
    public struct Cache: Sendable {
        var load = LoadCache()
        var bodies = BodyCache()
        var images = ImageCache()
        /// The last graph built, with its diagnostics.
        var graph: (graph: SiteGraph, diagnostics: [Diagnostic])?
        /// The templates and UI strings last loaded, with the languages the strings were loaded for.
        var templates: (templates: TemplateSet?, diagnostics: [Diagnostic])?
        var strings: (languages: [Language], defaultLanguage: String, strings: UIStrings?, diagnostics: [Diagnostic])?
        /// The templates compiled against the page models with those strings' keys.
        var pageTemplates: (templates: PageTemplates?, diagnostics: [Diagnostic])?
        /// The shared page parts of the last build, with the disclaimer bodies they show.
        var parts: (parts: PageParts, disclaimers: [RenderedBody])?
        /// Handouts' QR codes by the URL they encode, loaded from `.tabib-cache/` by the first build.
        var qrCodes: QRCodeCache?
        /// The last auto-link check, kept while what it counted is the same.
        var autoLinks: AutoLinkHygiene.Checked?
        public init() {}
    }

    /// Loads, builds the graph, loads templates and strings, and renders bodies. Fails with every error of the
    /// first stage that has any.
    public func prepare() async throws(BuildFailure) -> Prepared {
        var cache = Cache()
        return try await prepare(reusing: &cache)
    }

    /// Prepares like `prepare()`, reusing from `cache` every parsed file and rendered body whose inputs
    /// are unchanged, and leaves this build's in `cache`. The result is the same as without a cache.
    /// `changed` lists the paths (relative to the root) a file watcher saw change since the cached
    /// build; with it, nothing else is looked at on disk.
    public func prepare(reusing cache: inout Cache, changed: Set<String>? = nil) async throws(BuildFailure) -> Prepared {
        let clock = ContinuousClock()
        var times: [StageTime] = []
        var mark = clock.now
        func lap(_ stage: String) {
            let now = clock.now
            times.append(StageTime(stage: stage, duration: now - mark))
            mark = now
        }
        // The first build of a process starts from the files parsed by the last build into a folder.
        if cache.load.isEmpty { cache.load = LoadCache.load(root: options.root) }
        let (loaded, loadDiagnostics) = await ContentLoader(root: options.root, includeDrafts: options.includeDrafts,
                                                             baseURLOverride: options.baseURL, today: options.today)
            .load(reusing: &cache.load, changed: changed)
        let content = loaded.map { PublicationGate.apply($0, preview: options.preview) }
        lap("load")
        var diagnostics = loadDiagnostics
        // Templates are checked even when content failed, so that one run reports both.
        let templatesUnchanged = changed.map { !$0.contains { $0.hasPrefix("templates/") } } ?? false
        let requiredTemplates = SiteOutputs.templateNames(options.outputs)
        let (templates, templateDiagnostics) = templatesUnchanged ? cache.templates ?? TemplateSet.load(root: options.root, required: requiredTemplates)
                                                                  : TemplateSet.load(root: options.root, required: requiredTemplates)
        cache.templates = (templates, templateDiagnostics)
        diagnostics += templateDiagnostics
        guard let content, !diagnostics.hasErrors else { throw BuildFailure(diagnostics) }
        let config = content.config
        // The first build of a process starts from the bodies of the last build into a folder (the graph
        // keeps the loaded files as they are): read while the templates, the strings and the graph are made.
        let readsBodyCache = cache.bodies.isEmpty
        let (root, preview) = (options.root, options.preview)
        async let storedBodies = readsBodyCache ? BodyCache.load(root: root, files: content.files, preview: preview) : nil
        let (strings, stringDiagnostics): (UIStrings?, [Diagnostic])
        var sameStrings = false
        if templatesUnchanged, let cached = cache.strings, cached.languages == config.languages, cached.defaultLanguage == config.defaultLanguage {
            (strings, stringDiagnostics) = (cached.strings, cached.diagnostics)
            sameStrings = true
        } else {
            (strings, stringDiagnostics) = UIStrings.load(root: options.root, config: config)
        }
        cache.strings = (config.languages, config.defaultLanguage, strings, stringDiagnostics)
        diagnostics += stringDiagnostics
        // Every template against its page model, before any page renders: `{{t.x}}` needs the strings' keys.
        let compiled: (templates: PageTemplates?, diagnostics: [Diagnostic])
        if sameStrings, let cached = cache.pageTemplates {
            compiled = cached
        } else if let templates, let strings {
            compiled = PageTemplates.compile(templates, strings: strings, defaultLanguage: config.defaultLanguage, outputs: options.outputs)
        } else {
            compiled = (nil, [])
        }
        cache.pageTemplates = compiled
        if config.search, let templates, !templates.has("search") { diagnostics.append(SearchIndex.missingTemplate) }
        diagnostics += compiled.diagnostics
        lap("templates")
        let previousGraph = cache.graph?.graph
        let reuse = previousGraph.flatMap { $0.reused(for: content) }
        let reusedGraph = reuse.map { ($0.graph, cache.graph!.diagnostics) }
        let (graph, graphDiagnostics) = reusedGraph ?? SiteGraph.build(content)
        // Parts made for another graph must not outlive it, even when this build fails.
        if reusedGraph == nil || !sameStrings { cache.parts = nil }
        // Files whose front matter changed where the graph does not read it (a title, a summary): their cards change.
        let changedMeta = (reuse?.changedMeta ?? []).map { (old: previousGraph!.files[$0], new: content.files[$0]) }
        cache.graph = graph.map { ($0, graphDiagnostics) }
        diagnostics += graphDiagnostics
        if let graph { diagnostics += RenderPrerequisites.check(graph) }
        lap("graph")
        guard let graph, let strings, let templates = compiled.templates, !diagnostics.hasErrors else { throw BuildFailure(diagnostics) }
        let (images, imageDiagnostics) = ImageCatalog.load(root: options.root, config: config, reusing: &cache.images)
        diagnostics += imageDiagnostics
        lap("images")
        if let stored = await storedBodies { cache.bodies = stored }
        let (bodies, bodyDiagnostics) = await BodyStage.render(graph, strings: strings, images: images, preview: options.preview, reusing: &cache.bodies)
        diagnostics += bodyDiagnostics
        diagnostics += AutoLinkHygiene.warnings(graph, bodies: bodies, commonWords: CommonWords.load(root: options.root, languages: config.languages),
                                                reusing: &cache.autoLinks)
        let usedImages = Set(bodies.bodies.flatMap { $0.images.map(\.name) }).filter { images.image(named: $0) != nil }
        diagnostics += images.creditWarnings(used: usedImages, languages: config.languages.map(\.code))
        lap("markdown")
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics) }
        // The parts pages share are made of front matter, strings, the disclaimer and the templates: kept while those are.
        let disclaimers = (graph.index[.disclaimer] ?? [:]).sorted { $0.key < $1.key }.map { bodies.bodies[$0.value] }
        let parts: PageParts
        if reusedGraph != nil, sameStrings, let cached = cache.parts, cached.disclaimers.count == disclaimers.count,
           zip(cached.disclaimers, disclaimers).allSatisfy({ $0 === $1 }),
           let kept = changedMeta.isEmpty ? cached.parts : cached.parts.updated(changed: changedMeta, graph: graph, templates: templates) {
            parts = kept
        } else {
            parts = PageParts(graph: graph, strings: strings, bodies: bodies, templates: templates)
        }
        cache.parts = (parts, disclaimers)
        var renderer = SiteRenderer(graph: graph, templates: templates, strings: strings, bodies: bodies, parts: parts)
        renderer.handoutPDFs = options.handoutPDFs
        if cache.qrCodes == nil { cache.qrCodes = QRCodeCache.load(root: options.root) }
        renderer.qrCodes = cache.qrCodes!
        lap("parts")
        return Prepared(graph: graph, renderer: renderer, diagnostics: diagnostics, images: images, usedImages: usedImages.sorted(),
                        parsed: content.parsed, stageTimes: times, bodyCache: cache.bodies.changed ? cache.bodies : nil)
    }

    /// Builds the whole site into `sink`, telling `progress` how far it got. On failure nothing is
    /// committed: the caller discards the sink.
    public func build(into sink: some OutputSink, progress: BuildProgress.Observer? = nil) async throws(BuildFailure) -> BuildReport {
        let start = ContinuousClock.now
        progress?(.preparing)
        let prepared = try await prepare()
        return try await write(prepared, into: sink, startedAt: start, progress: progress)
    }

    /// Renders the pages of an already prepared site into `sink` (all of them, or `pages`), with the
    /// assets and, unless `siteFiles` is false, the sitemap, robots.txt and feeds; for callers that
    /// looked at `prepare()`'s result first and must not load everything again.
    /// `images` names the images whose files are written (default: every image the pages show).
    /// `recordingReads` notes what each page read, for `IncrementalBuilder`.
    public func write(_ prepared: Prepared, pages: [PageJob]? = nil, siteFiles: Bool = true, images: [String]? = nil, into sink: some OutputSink,
                      startedAt start: ContinuousClock.Instant = .now,
                      progress: BuildProgress.Observer? = nil) async throws(BuildFailure) -> BuildReport {
        try await write(prepared, pages: pages, siteFiles: siteFiles ? nil : [], images: images, recordingReads: false, into: sink, startedAt: start,
                        progress: progress)
    }

    /// `siteFiles`: the site files to write (default: all of them, `SiteRenderer.siteFileJobs()`).
    func write(_ prepared: Prepared, pages: [PageJob]? = nil, siteFiles: [PageJob]? = nil, images: [String]? = nil, recordingReads: Bool,
               into sink: some OutputSink,
                      startedAt start: ContinuousClock.Instant = .now,
                      progress: BuildProgress.Observer? = nil) async throws(BuildFailure) -> BuildReport {
        var mark = ContinuousClock.now
        var times = prepared.stageTimes
        let renderer = prepared.renderer
        let jobs = pages ?? renderer.jobs()
        let siteJobs = siteFiles ?? renderer.siteFileJobs()
        let counter = progress.map { PageCounter(total: jobs.count, observer: $0) }
        // The site files (sitemap, feeds) first and alongside the pages: each takes as long as many pages, and
        // none needs a page written before it.
        let results = await ParallelMap.map(siteJobs + jobs) { job -> MadeFile in
            let started = ContinuousClock.now
            let (file, diagnostics, reads): (OutputFile?, [Diagnostic], Set<PageInput>)
            if recordingReads { (file, diagnostics, reads) = renderer.renderRecordingReads(job) } else { (file, diagnostics) = renderer.render(job); reads = [] }
            let isSiteFile = renderer.templates.outputs[job.output].isSiteFile
            defer { if !isSiteFile { counter?.pageDone() } }
            var made = MadeFile(isSiteFile: isSiteFile, diagnostics: diagnostics)
            guard let file else { return made }
            made.page = recordingReads ? RenderedPage(job: job, path: file.path, reads: reads) : nil
            do {
                try sink.write(file)
                made.written = true
            } catch {
                made.writeError = "\(file.path): \(error.localizedDescription)"
            }
            made.duration = .now - started
            return made
        }
        var diagnostics = prepared.diagnostics
        var written = 0
        var siteFilesWritten = 0
        var siteFileTime = Duration.zero
        var renderedPages: [RenderedPage] = []
        for made in results {
            diagnostics += made.diagnostics
            if let writeError = made.writeError { diagnostics.append(.error("write-failed", "could not write \(writeError); check the disk and its permissions.")) }
            if made.written, made.isSiteFile { siteFilesWritten += 1 } else if made.written { written += 1 }
            if made.isSiteFile { siteFileTime += made.duration }
            if let page = made.page { renderedPages.append(page) }
        }
        times.append(StageTime(stage: "pages", duration: .now - mark))
        // Not a stage of its own: how long making the site files took, on their thread, within the pages'.
        times.append(StageTime(stage: "site files (within pages)", duration: siteFileTime))
        mark = .now
        var assets = siteFilesWritten
        do {
            assets += try Assets.copy(from: options.root, into: sink)
        } catch {
            diagnostics.append(.error("write-failed", "could not write the site's files (\(error)); check the disk and its permissions."))
        }
        times.append(StageTime(stage: "assets", duration: .now - mark))
        mark = .now
        let (imageFiles, imageDiagnostics) = await ImageFiles.write(images ?? prepared.usedImages, from: prepared.images, root: options.root, into: sink)
        assets += imageFiles
        diagnostics += imageDiagnostics
        times.append(StageTime(stage: "image files", duration: .now - mark))
        progress?(.finished)
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics) }
        var report = BuildReport(pagesWritten: written, filesWritten: written + assets, duration: .now - start,
                                 warnings: diagnostics.warnings, graph: prepared.graph, stageTimes: times, withheld: prepared.graph.withheld,
                                 renderedPages: renderedPages)
        report.qrCodes = renderer.qrCodes
        report.bodyCache = prepared.bodyCache
        return report
    }

    /// Builds into a folder: new or changed files go to a staging folder first, and are put in place
    /// only on success (`OutputDirectory`), after the search index when the site has search; `layout`
    /// says whether the output is a folder or a link to releases.
    public func build(toDirectory output: URL, layout: OutputDirectory.Layout = .folder,
                      progress: BuildProgress.Observer? = nil) async throws(BuildFailure) -> BuildReport {
        let directory = try OutputDirectory(destination: output, layout: layout)
        var cache = Cache()
        do {
            var report = try await build(intoDirectory: directory, reusing: &cache, progress: progress)
            let mark = ContinuousClock.now
            report.changes = try directory.commit()
            report.warnings += directory.notes
            report.qrCodes?.save(root: options.root)
            report.bodyCache?.save(root: options.root)
            if cache.load.changed { cache.load.save(root: options.root) }
            let pruning = directory.pruningTime ?? .zero
            report.stageTimes.append(StageTime(stage: "commit", duration: .now - mark - pruning))
            if directory.pruningTime != nil { report.stageTimes.append(StageTime(stage: "old releases", duration: pruning)) }
            report.duration += .now - mark
            return report
        } catch {
            directory.discard()
            // What was parsed is right even when the build failed: the next one parses only the files edited since.
            if cache.load.changed { cache.load.save(root: options.root) }
            throw directory.explain(error)
        }
    }
}
