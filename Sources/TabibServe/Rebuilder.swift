import Foundation
import TabibCore

/// Runs the build into memory with the preview's base URL and hands the result to the preview: a new
/// snapshot when it succeeds, the problems when it fails, while the last good snapshot stays served.
///
/// After the first build, each build is quick (incremental): only the files it wrote replace those of
/// the served snapshot. On sites of up to `verificationLimit` pages, each quick build is then checked
/// against a full build of the same sources; should they differ, the full build is served and the
/// difference reported, so that the preview never stays different from what `tabib build` writes.
/// Larger sites skip the check, which would cost a full build's time after every save.
struct Rebuilder: Sendable {
    let incremental: IncrementalBuilder
    let full: SiteBuilder
    let site: PreviewSite
    let verificationLimit: Int
    private let warnings = ReportedWarnings()
    private let searchIndex = PreviewSearchIndex()

    init(options: BuildOptions, site: PreviewSite, verificationLimit: Int = 2_000) {
        self.incremental = IncrementalBuilder(options: options)
        self.full = SiteBuilder(options: options)
        self.site = site
        self.verificationLimit = verificationLimit
    }

    func rebuild(trigger: [String], report: @Sendable (ServeEvent) -> Void) async {
        let output = SnapshotOutput()
        let build: IncrementalBuilder.Build
        do {
            build = try await incremental.build(into: output, changed: trigger.isEmpty ? nil : Set(trigger))
        } catch {
            site.publish(BuildProblems(SourceLines.attach(error.diagnostics, root: full.options.root)))
            return report(.failed(diagnostics: error.diagnostics, trigger: trigger))
        }
        let written = output.files
        let snapshot = build.isFull ? SiteSnapshot(files: written) : site.current.snapshot.applying(written, removing: build.removed)
        let changed = site.publish(snapshot, candidates: build.isFull ? nil : Set(written.keys).union(build.removed))
        report(.built(BuildSummary(trigger: trigger, duration: build.duration, pages: build.pages, files: snapshot.files.count,
                                   rendered: build.rendered, isFull: build.isFull, changed: changed.sorted(),
                                   warnings: warnings.changed(build.warnings), stageTimes: build.stageTimes)))
        // The search index follows in the background: the reload above does not wait for Pagefind.
        if build.search { searchIndex.refresh(site) }
        guard !build.isFull, build.pages <= verificationLimit else { return }
        let reference = MemoryOutput()
        guard (try? await full.build(into: reference)) != nil else { return }
        let files = reference.files
        // The search index is not part of a build here: `searchIndex` adds it to what is served.
        let differing = Set(files.keys).union(snapshot.files.keys).filter { key in
            guard !key.hasPrefix(SearchIndex.folder + "/") else { return false }
            guard let expected = files[key], let served = snapshot[key] else { return true }
            return served.body.readableBytesView.elementsEqual(expected) == false
        }
        guard !differing.isEmpty else { return }
        await incremental.reset()
        site.publish(SiteSnapshot(files: files))
        if build.search { searchIndex.refresh(site) }
        report(.quickBuildDiffered(paths: differing.sorted()))
    }
}
