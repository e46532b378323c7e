import Foundation

extension SiteBuilder {
    /// Builds the whole site into an output folder's staging area and, on a site with search, indexes
    /// the pages it wrote there (`SearchIndex`); the caller commits or discards `directory`.
    public func build(intoDirectory directory: OutputDirectory, progress: BuildProgress.Observer? = nil) async throws(BuildFailure) -> BuildReport {
        var cache = Cache()
        return try await build(intoDirectory: directory, reusing: &cache, progress: progress)
    }

    /// The same, leaving in `cache` what the build parsed and rendered, also when it fails.
    func build(intoDirectory directory: OutputDirectory, reusing cache: inout Cache,
               progress: BuildProgress.Observer? = nil) async throws(BuildFailure) -> BuildReport {
        let start = ContinuousClock.now
        progress?(.preparing)
        let prepared = try await prepare(reusing: &cache)
        guard prepared.renderer.config.search else {
            return try await write(prepared, into: directory, startedAt: start, progress: progress)
        }
        let pages = try SearchIndex.Pages(passingTo: directory)
        defer { pages.discard() }
        var report = try await write(prepared, into: pages, startedAt: start, progress: progress)
        let mark = ContinuousClock.now
        let outcome = try await SearchIndex.index(pages, previous: directory.updating ? directory.destination : nil, into: directory)
        report.search = outcome
        report.filesWritten += outcome.files
        report.stageTimes.append(StageTime(stage: outcome.ran ? "search index" : "search index (unchanged)", duration: .now - mark))
        report.duration = .now - start
        return report
    }
}
