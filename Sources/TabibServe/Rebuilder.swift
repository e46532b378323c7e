import Foundation
import TabibCore

/// Runs the build into memory with the preview's base URL and hands the result to the preview: a new
/// snapshot when it succeeds, the problems when it fails, while the last good snapshot stays served.
///
/// A quick (incremental) build is served at once, then checked against a full build of the same
/// sources; should they differ, the full build is served and the difference reported, so that the
/// preview never stays different from what `tabib build` writes.
struct Rebuilder: Sendable {
    let incremental: IncrementalBuilder
    let full: SiteBuilder
    let site: PreviewSite
    let verifiesQuickBuilds: Bool
    private let warnings = ReportedWarnings()

    init(options: BuildOptions, site: PreviewSite, verifiesQuickBuilds: Bool = true) {
        self.incremental = IncrementalBuilder(options: options)
        self.full = SiteBuilder(options: options)
        self.site = site
        self.verifiesQuickBuilds = verifiesQuickBuilds
    }

    func rebuild(trigger: [String], report: @Sendable (ServeEvent) -> Void) async {
        let build: IncrementalBuilder.Build
        do {
            build = try await incremental.build()
        } catch {
            site.publish(BuildProblems(error.diagnostics))
            return report(.failed(diagnostics: error.diagnostics, trigger: trigger))
        }
        let changed = site.publish(SiteSnapshot(files: build.files))
        report(.built(BuildSummary(trigger: trigger, duration: build.duration, pages: build.pages, files: build.files.count,
                                   rendered: build.rendered, isFull: build.isFull, changed: changed.sorted(),
                                   warnings: warnings.changed(build.warnings))))
        guard !build.isFull, verifiesQuickBuilds else { return }
        let output = MemoryOutput()
        guard (try? await full.build(into: output)) != nil else { return }
        let files = output.files
        let differing = Set(files.keys).union(build.files.keys).filter { files[$0] != build.files[$0] }
        guard !differing.isEmpty else { return }
        await incremental.reset()
        site.publish(SiteSnapshot(files: files))
        report(.quickBuildDiffered(paths: differing.sorted()))
    }
}
