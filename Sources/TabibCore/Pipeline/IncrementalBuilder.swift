import Foundation

/// Builds the site again after an edit, reading, rendering and writing only what the edit changed;
/// `tabib serve` uses it. It runs the same pipeline as `SiteBuilder`, with a cache between builds:
///
/// - load: only files whose size, times or inode changed on disk are parsed again (`LoadCache`);
/// - Markdown: only bodies whose text, aliases, callout titles or link targets changed are rendered
///   again (`BodyCache`);
/// - pages: each page records what its model and template read while it is rendered (front matter,
///   bodies, link cards, lists, graph neighbourhoods, "what links here", translations, the disclaimer,
///   settings and UI strings, templates); a quick build renders again exactly the pages that read
///   something that changed, and the new pages, and removes the pages that no longer exist — see
///   `IncrementalBuilder+dependencies.swift`;
/// - site files: the sitemap, robots.txt and the feeds record what they read as pages do (the pages
///   listed, each one's addresses and day, each article's front matter), and are written again exactly
///   when that changed;
/// - `templates/assets/` is copied again every time.
///
/// The first build, and the first after a failed one, is full. The tests check quick builds against
/// full ones after every kind of edit, and after random sequences of edits.
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
        /// The outputs under `assets/` and `images/`, so that an edit need not look through every output.
        var assets: Set<String>
        var images: Set<String>
        var dependencies: Dependencies

        init(prepared: SiteBuilder.Prepared, outputs: Set<String>, dependencies: Dependencies) {
            self.prepared = prepared
            self.outputs = outputs
            assets = outputs.filter { $0.hasPrefix("assets/") }
            images = outputs.filter { $0.hasPrefix("images/") }
            self.dependencies = dependencies
        }
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
        let plan = previous.map { Self.plan(prepared, previous: $0) }
        var timed = prepared
        if plan != nil { timed.stageTimes.append(.init(stage: "plan", duration: clock.now - mark)) }

        // Only the images that are new or changed since the last build: a quick build resizes nothing else.
        let images: [String]? = plan == nil ? nil : previous.map { previous in
            let before = Set(previous.prepared.usedImages)
            return prepared.usedImages.filter { !before.contains($0) || previous.prepared.images.image(named: $0)?.hash != prepared.images.image(named: $0)?.hash }
        }
        let recorder = RecordingOutput(sink)
        let report: BuildReport
        do {
            report = try await builder.write(timed, pages: plan.map { $0.pages.map(\.job) }, siteFiles: plan?.siteFiles, images: images,
                                             recordingReads: true, into: recorder, startedAt: start)
        } catch {
            self.previous = nil
            throw error
        }
        let recording = clock.now
        let written = recorder.paths
        let graph = prepared.graph
        var removed: Set<String> = []
        if let plan, var state = previous {
            // Taken out of the actor, so that it is updated in place rather than copied.
            self.previous = nil
            var dependencies = state.dependencies
            state.dependencies = Dependencies(fileIndex: [:])
            for page in plan.gone {
                if let path = dependencies.pages[page]?.path { removed.insert(path) }
                dependencies.remove(page)
            }
            for page in report.renderedPages {
                let id = PageID(page.job, prepared.renderer)
                if let before = dependencies.pages[id]?.path, before != page.path { removed.insert(before) }
                dependencies.record(id, path: page.path, reads: page.reads)
            }
            dependencies.fileIndex = plan.fileIndex
            // Assets deleted from templates/assets/.
            removed.formUnion(state.assets)
            // Images no page shows any more, or replaced by a changed image's new files.
            let imageOutputs = Set(prepared.usedImages.compactMap { prepared.images.image(named: $0) }.filter { $0.problem == nil }
                .flatMap { ImageVariants($0).outputPaths })
            removed.formUnion(state.images.subtracting(imageOutputs))
            removed.subtract(written)
            removed.formIntersection(state.outputs)
            // Updated in place: a copy of every output's path on each edit is what this avoids.
            var outputs = state.outputs
            state.outputs = []
            outputs.subtract(removed)
            outputs.formUnion(written)
            outputs.formUnion(imageOutputs)
            state.assets.subtract(removed)
            state.assets.formUnion(written.filter { $0.hasPrefix("assets/") })
            state.images = state.images.subtracting(removed).union(imageOutputs).union(written.filter { $0.hasPrefix("images/") })
            state.prepared = prepared
            state.outputs = outputs
            state.dependencies = dependencies
            self.previous = state
        } else {
            var dependencies = Dependencies(fileIndex: Dictionary(uniqueKeysWithValues: graph.files.enumerated().map { ($1.path, $0) }))
            for page in report.renderedPages { dependencies.record(PageID(page.job, prepared.renderer), path: page.path, reads: page.reads) }
            removed = previous.map { $0.outputs.subtracting(written) } ?? []
            self.previous = State(prepared: prepared, outputs: written, dependencies: dependencies)
        }
        var build = Build(pages: plan?.total ?? report.pagesWritten, written: written, removed: removed,
                          warnings: report.warnings, duration: clock.now - start, rendered: report.pagesWritten, isFull: plan == nil,
                          stageTimes: report.stageTimes + [.init(stage: "record", duration: clock.now - recording)])
        build.search = prepared.renderer.config.search
        return build
    }
}
