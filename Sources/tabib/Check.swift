import ArgumentParser
import Foundation
import TabibCore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every validation of the build, and the content-trust checks, without writing anything.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, github }

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "How to print the findings: text (default), json, or github (annotations on the lines of a pull request, for GitHub Actions).")
    var format: Format = .text

    @Flag(name: .long, help: "Exit 1 on warnings too, not only on errors.")
    var strict = false

    @Flag(name: .long, help: "Also print every handout with headless Chromium and warn when one runs past two A4 pages.")
    var handouts = false

    func run() async throws {
        let checker = SiteChecker(options: BuildOptions(root: site.rootURL))
        var diagnostics = await checker.check()
        if handouts, !diagnostics.hasErrors {
            do {
                diagnostics += await checker.handoutLengthWarnings(printer: HandoutPDFs(browser: try Chromium.locate()))
            } catch {
                diagnostics += error.diagnostics
            }
            diagnostics.sort()
        }
        switch format {
        case .text:
            Console.report(diagnostics, root: site.rootURL)
            if diagnostics.isEmpty { print("No problems found.") }
        case .json:
            print(DiagnosticJSON.encode(SourceLines.attach(diagnostics, root: site.rootURL)))
        case .github:
            // GitHub reads paths from the repository's root, where the workflow runs.
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
            let root = site.rootURL.path
            let folder = root.hasPrefix(here + "/") ? String(root.dropFirst(here.count + 1)) + "/" : ""
            print(GitHubAnnotations.encode(diagnostics, folder: folder))
        }
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) { throw ExitCode(1) }
    }
}
