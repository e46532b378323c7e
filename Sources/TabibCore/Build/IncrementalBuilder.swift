import Foundation

/// Builds the site again after an edit, reading, rendering and writing only what the edit changed;
/// `tabib serve` uses it. It runs the same pipeline as `SiteBuilder`, with a cache between builds:
///
/// - load: only files whose size, times or inode changed on disk are parsed again (`LoadCache`);
/// - Markdown: only bodies whose text, aliases, callout titles or link targets changed are rendered
///   again (`BodyCache`);
/// - pages: only the pages that show something that changed are rendered again — see
///   `IncrementalBuilder+dirtyPages.swift` for the rules — and pages that no longer exist are removed;
/// - a changed template renders the pages whose template, or a partial or parent it uses, changed;
/// - `site.yaml`, the UI strings or the disclaimer's title or address render every page;
/// - `templates/assets/` is copied again every time; the sitemap, robots.txt and feeds are written
///   again whenever front matter changed.
///
/// The first build, and the first after a failed one, is full. `tabib serve` can check a quick build
/// against a full one; the tests do so for every kind of edit.
public actor IncrementalBuilder {
    /// What one build wrote, and how it was made.
    public struct Build: Sendable {
        /// Pages the site has.
        public var pages: Int
        /// Paths of the files written into the sink: all of them for a full build.
        public var written: Set<String>
        /// Paths of the previous build's files that this site no longer has.
        public var removed: Set<String>
        public var warnings: [Diagnostic]
        public var duration: Duration
        /// How many pages went through the templates; all of them for a full build.
        public var rendered: Int
        public var isFull: Bool
        public var stageTimes: [SiteBuilder.StageTime]
        /// Whether the site has search (`search: true`): the preview then indexes it (`SearchIndex.bundle`).
        public var search = false
    }

    struct State {
        var prepared: SiteBuilder.Prepared
        var outputs: Set<String>
    }

    public let options: BuildOptions
    private var cache = SiteBuilder.Cache()
    private var previous: State?

    public init(options: BuildOptions) { self.options = options }

    /// Forgets the previous build: the next one is full.
    public func reset() {
        previous = nil
        cache = SiteBuilder.Cache()
    }

    /// Builds into `sink`: every file when the build is full, else the files that changed. When the
    /// build fails, the sink may hold part of it: discard it.
    /// `changed` lists the paths (relative to the root) a file watcher saw change since the last build;
    /// with it, nothing else is looked at on disk. Without it, every file's stamp is checked.
    public func build(into sink: some OutputSink, changed: Set<String>? = nil) async throws(BuildFailure) -> Build {
        let clock = ContinuousClock()
        let start = clock.now
        let builder = SiteBuilder(options: options)
        let prepared: SiteBuilder.Prepared
        // Taken out of the actor while the build fills it, so it is not copied.
        var cache = self.cache
        self.cache = SiteBuilder.Cache()
        do {
            // After a failed build the watcher's paths do not cover everything since the cached one.
            prepared = try await builder.prepare(reusing: &cache, changed: previous == nil ? nil : changed)
            self.cache = cache
        } catch {
            self.cache = cache
            previous = nil
            throw error
        }
        let mark = clock.now
        let plan = previous.flatMap { Self.plan(prepared, previous: $0) }
        var timed = prepared
        if plan != nil { timed.stageTimes.append(.init(stage: "plan", duration: clock.now - mark)) }

        let recorder = RecordingOutput(sink)
        let report: BuildReport
        do {
            report = try await builder.write(timed, pages: plan.map { Array($0.pages) }, siteFiles: plan?.siteFiles ?? true,
                                             into: recorder, startedAt: start)
        } catch {
            self.previous = nil
            throw error
        }
        let written = recorder.paths
        let outputs: Set<String>
        var removed: Set<String>
        if let plan, let previous {
            // Pages that no longer exist, and assets deleted from templates/assets/.
            removed = plan.outputs.map { previous.outputs.subtracting($0) } ?? []
            removed.formUnion(previous.outputs.filter { $0.hasPrefix("assets/") && !written.contains($0) })
            outputs = (plan.outputs ?? previous.outputs).subtracting(removed).union(written)
        } else {
            removed = previous.map { $0.outputs.subtracting(written) } ?? []
            outputs = written
        }
        self.previous = State(prepared: prepared, outputs: outputs)
        var build = Build(pages: plan == nil ? report.pagesWritten : prepared.renderer.jobs().count, written: written, removed: removed,
                          warnings: report.warnings, duration: clock.now - start, rendered: report.pagesWritten, isFull: plan == nil,
                          stageTimes: report.stageTimes)
        build.search = prepared.renderer.config.search
        return build
    }
}
