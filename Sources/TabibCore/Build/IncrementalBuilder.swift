import Foundation

/// Builds the site again after an edit, rendering only the pages whose inputs changed; `tabib serve`
/// uses it. Every build still runs the first stages whole (`SiteBuilder.prepare()`: load, graph,
/// templates, strings, Markdown bodies), then compares them with the previous build's:
///
/// - only Markdown bodies changed (front matter, `site.yaml` and UI strings identical, no link or
///   mention added or removed): the pages of those files and their handouts are rendered again; a
///   changed disclaimer renders every handout again;
/// - only templates changed: the pages whose template, or a partial or parent it uses, changed;
/// - `templates/assets/` is copied again on every build;
/// - anything else — a front-matter key, a file added or removed, `site.yaml`, the UI strings —
///   renders every page of the prepared site (`SiteBuilder.write`), as does the first build.
///
/// Pages not rendered again, and the sitemap, robots.txt and feeds (which depend on front matter
/// and settings only), are taken from the previous build. The rules above mirror what the renderer
/// reads today; `tabib serve` checks each quick build against a full one and says so when they differ.
public actor IncrementalBuilder {
    /// One build's whole output, and how it was made.
    public struct Build: Sendable {
        public var files: [String: [UInt8]]
        public var pages: Int
        public var warnings: [Diagnostic]
        public var duration: Duration
        /// How many pages went through the templates; all of them for a full build.
        public var rendered: Int
        public var isFull: Bool
    }

    struct State {
        var sources: String
        var bodies: [String: RenderedBody]
        var templates: [String: String]
        var files: [String: [UInt8]]
        var pages: Int
    }

    public let options: BuildOptions
    private var previous: State?

    public init(options: BuildOptions) { self.options = options }

    /// Forgets the previous build: the next one is full.
    public func reset() { previous = nil }

    public func build() async throws(BuildFailure) -> Build {
        let clock = ContinuousClock()
        let start = clock.now
        let builder = SiteBuilder(options: options)
        let prepared: SiteBuilder.Prepared
        do {
            prepared = try await builder.prepare()
        } catch {
            previous = nil
            throw error
        }
        let renderer = prepared.renderer
        let sources = Self.sources(prepared)
        let templates = Self.templateSources(root: options.root)
        let bodies = Dictionary(uniqueKeysWithValues: zip(renderer.graph.files.map(\.path), renderer.bodies.bodies))

        guard let previous, previous.sources == sources,
              let dirty = Self.dirtyJobs(renderer, bodies: bodies, templates: templates, previous: previous) else {
            let output = MemoryOutput()
            do {
                let report = try await builder.write(prepared, into: output, startedAt: start)
                let files = output.files
                self.previous = State(sources: sources, bodies: bodies, templates: templates, files: files, pages: report.pagesWritten)
                return Build(files: files, pages: report.pagesWritten, warnings: report.warnings, duration: clock.now - start,
                             rendered: report.pagesWritten, isFull: true)
            } catch {
                self.previous = nil
                throw error
            }
        }

        var files = previous.files.filter { !$0.key.hasPrefix("assets/") }
        var diagnostics = prepared.diagnostics
        let jobs = Array(dirty)
        let results = await ParallelMap.map(jobs) { renderer.render($0) }
        for (file, pageDiagnostics) in results {
            diagnostics += pageDiagnostics
            if let file { files[file.path] = file.contents }
        }
        let assets = MemoryOutput()
        do {
            _ = try Assets.copy(from: options.root, into: assets)
        } catch {
            diagnostics.append(.error("write-failed", "could not read the site's assets (\(error)); check templates/assets/ and its permissions."))
        }
        guard !diagnostics.hasErrors else {
            self.previous = nil
            throw BuildFailure(diagnostics)
        }
        files.merge(assets.files) { $1 }
        self.previous = State(sources: sources, bodies: bodies, templates: templates, files: files, pages: previous.pages)
        return Build(files: files, pages: previous.pages, warnings: diagnostics.warnings, duration: clock.now - start,
                     rendered: jobs.count, isFull: false)
    }

    /// Everything a page can read besides Markdown bodies and templates: settings, UI strings, and
    /// every file's identity and front matter, in order.
    private static func sources(_ prepared: SiteBuilder.Prepared) -> String {
        let renderer = prepared.renderer
        return IncrementalFingerprint.of(renderer.graph.config) + "\n" + IncrementalFingerprint.of(renderer.handoutPDFs) + "\n"
            + IncrementalFingerprint.of(renderer.strings.table) + "\n"
            + IncrementalFingerprint.of(renderer.graph.files.map { [$0.path, $0.kind, $0.language, $0.id, $0.meta] as [Any] })
    }
}
