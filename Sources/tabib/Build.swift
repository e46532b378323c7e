import ArgumentParser
import Foundation
import TabibCore

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from content/ into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The folder to write the site into (default: ROOT/public); changed only when the build succeeds.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The absolute URL the site is served from, overriding site.yaml's baseURL.")
    var baseURL: String?

    @Flag(name: .long, help: "Build a preview: include pages marked 'draft: true', articles not yet clinically reviewed or flagged, and passages awaiting review with their notes.")
    var drafts = false

    @Flag(name: .long, help: "Also print every handout to an A4 PDF beside its page, with headless Chromium found on PATH.")
    var pdf = false

    @Flag(name: .long, help: "Make the output a link to a release folder beside it (OUTPUT.releases/N): each build writes a new release, unchanged files hard-linked, and swaps the link in one step, so a web server serves the whole old site or the whole new one.")
    var releases = false

    @Option(name: .customLong("keep-releases"), help: "With --releases: how many releases to keep, the new one included (default 2: the previous one stays for rollback).")
    var keepReleases: Int?

    @Flag(name: .long, help: "Print how long each stage of the build took (load, templates, graph, markdown, pages, site files, commit).")
    var timings = false

    func validate() throws {
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL) {
            throw ValidationError("--base-url \(problem); pass the address the site is served from, such as https://example.org/kesehatan/.")
        }
        if let keepReleases {
            guard releases else { throw ValidationError("--keep-releases applies only to builds with --releases; add --releases, or leave --keep-releases out.") }
            guard keepReleases >= 1 else { throw ValidationError("--keep-releases must be 1 or more (the release in place counts); use 2 to keep one to roll back to.") }
        }
        if let output, let problem = OutputLocation.problem(URL(fileURLWithPath: output), root: site.rootURL) {
            throw ValidationError(problem)
        }
    }

    func run() async throws {
        let destination = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? site.rootURL.appendingPathComponent("public")
        let builder = SiteBuilder(options: BuildOptions(root: site.rootURL, includeDrafts: drafts, baseURL: baseURL))
        // The PDF build prints a line per handout instead.
        let display = pdf ? nil : ProgressDisplay()
        let layout: OutputDirectory.Layout = releases ? .releases(keep: keepReleases ?? 2) : .folder
        do {
            let report = if pdf {
                try await builder.build(toDirectory: destination, layout: layout, printingHandoutsWith: HandoutPDFs(browser: try Chromium.locate())) {
                    done, total, path in print("[\(done)/\(total)] \(path)")
                }
            } else {
                try await builder.build(toDirectory: destination, layout: layout, progress: display?.observer)
            }
            display?.finish()
            Console.report(report.warnings, root: site.rootURL)
            let seconds = Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18
            let changed = report.changes.map { changes in
                if let release = changes.release {
                    "; \(changes.written) \(changes.written == 1 ? "file" : "files") changed, \(changes.removed) removed; \(destination.lastPathComponent) now links to \(release)"
                } else if changes.anew {
                    "; a new output folder" + (changes.removed == 0 ? "" : ", without \(changes.removed) \(changes.removed == 1 ? "file" : "files") of the previous one")
                } else {
                    "; \(changes.written) \(changes.written == 1 ? "file" : "files") changed, \(changes.removed) removed"
                }
            } ?? ""
            // An update writes only what changed: "Built" is true of both ways, "Wrote" of a new output only.
            print("Built \(report.pagesWritten) pages (\(report.filesWritten) files) into \(destination.path) in \(String(format: "%.2f", seconds)) s\(changed).")
            if let withheld = report.withheld.summary { print(withheld) }
            if timings { print("  " + SiteBuilder.describe(report.stageTimes)) }
            // Done: the process ends here rather than first freeing the site's graph and pages piece by
            // piece (a quarter of a second at 10,000 articles); exit flushes what was printed.
            withExtendedLifetime(report) { Foundation.exit(0) }
        } catch {
            display?.finish()
            Console.report(error.diagnostics, root: site.rootURL)
            Console.error("The build failed; \(destination.path) \(error.outputChange ?? "was left as it was").")
            throw ExitCode(1)
        }
    }
}
