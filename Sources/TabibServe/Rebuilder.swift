import Foundation
import TabibCore

/// Runs the build into memory with the preview's base URL and hands the result to the preview: a new
/// snapshot when it succeeds, the problems when it fails, while the last good snapshot stays served.
///
/// After the first build, each build is quick (incremental): it renders again the pages whose
/// recorded inputs changed, and only the files it wrote replace those of the served snapshot.
struct Rebuilder: Sendable {
    let incremental: IncrementalBuilder
    let options: BuildOptions
    let site: PreviewSite
    private let warnings = ReportedWarnings()
    private let searchIndex = PreviewSearchIndex()

    init(options: BuildOptions, site: PreviewSite) {
        self.incremental = IncrementalBuilder(options: options)
        self.options = options
        self.site = site
    }

    func rebuild(trigger: [String], report: @Sendable (ServeEvent) -> Void) async {
        let output = SnapshotOutput()
        let build: IncrementalBuilder.Build
        do {
            build = try await incremental.build(into: output, changed: trigger.isEmpty ? nil : Set(trigger))
        } catch {
            site.publish(BuildProblems(SourceLines.attach(error.diagnostics, root: options.root)))
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
    }
}
