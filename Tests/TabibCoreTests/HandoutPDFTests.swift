import Foundation
import Testing
@testable import TabibCore

/// Every shipped handout, printed by `tabib build --pdf`'s pipeline and read back with poppler and zbar.
/// These need chromium, poppler-utils and zbar-tools; without them they fail, never skip.
struct HandoutPDFTests {
    @Test func everyHandoutPrintsOnAtMostTwoA4PagesWithWhatItMustShow() async throws {
        let site = try await RealSite.build(printingHandoutsWith: HandoutPDFs(browser: try RealSite.chromium()))
        let jobs = HandoutPDFs.jobs(site.graph)
        let articles = site.graph.files.filter { $0.kind == .article }
        #expect(jobs.count == articles.count)
        // The PDFs are the build's files: the next build that does not print them removes them.
        let manifest = try String(contentsOf: site.folder.appendingPathComponent(OutputDirectory.manifestName), encoding: .utf8)
        #expect(jobs.allSatisfy { manifest.contains("\n\($0.pdf)\n") })
        #expect(Set(jobs.map(\.language)) == Set(site.graph.config.languages.map(\.code)))
        let disclaimerKey = ContentKey(kind: .page, id: "disclaimer")

        for (job, article) in zip(jobs, articles) {
            let pdf = site.folder.appendingPathComponent(job.pdf)
            let info = try await RealSite.pdfInfo(pdf)
            #expect(info.isA4, "\(job.pdf) is \(info.width) × \(info.height) pt, not A4")
            #expect((1...2).contains(info.pages), "\(job.pdf) has \(info.pages) pages")
            #expect(info.title.contains(article.meta.title), "\(job.pdf)'s title is \(info.title)")

            let text = try await RealSite.pdfText(pdf)
            #expect(text.contains(RealSite.collapse(article.meta.title)), "\(job.pdf) lacks its title")
            let disclaimer = try #require(site.graph.index[disclaimerKey]?[job.language])
            #expect(text.contains(RealSite.plainText(site.renderer.bodies.bodies[disclaimer].html)), "\(job.pdf) lacks the full disclaimer")
            // The review date as the article page spells it.
            let reviewed = try #require(site.renderer.formatted(article.meta.reviewed, job.language))
            let articlePage = try String(contentsOf: site.folder.appendingPathComponent(
                SiteRenderer.outputPath(site.graph.routes.path(article.key, language: job.language)!, basePath: site.graph.config.basePath)), encoding: .utf8)
            #expect(articlePage.contains(">\(reviewed)</time>"))
            #expect(text.contains(reviewed), "\(job.pdf) lacks the review date \(reviewed)")
            // The URL has a line to itself; a longer one would wrap at a `/`, which pdftotext turns into a space.
            #expect(text.replacingOccurrences(of: " ", with: "").contains(job.articleURL), "\(job.pdf) lacks \(job.articleURL)")
            #expect(text.contains("1/\(info.pages)"), "\(job.pdf) has no page number")

            let image = site.scratch.appendingPathComponent(job.pdf.replacingOccurrences(of: "/", with: "_"))
            try FileManager.default.createDirectory(at: site.scratch, withIntermediateDirectories: true)
            _ = try await RealSite.run("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.path, image.path])
            let decoded = try await RealSite.run("zbarimg", ["--raw", "-q", image.path + ".png"])
            #expect(decoded.trimmingCharacters(in: .newlines) == job.articleURL, "\(job.pdf)'s QR code reads \(decoded)")
        }
    }

    @Test func handoutLinksToItsPDFOnlyWhenPDFsAreBuilt() async throws {
        let site = try await RealSite.build()
        let job = try #require(HandoutPDFs.jobs(site.graph).first)
        let plain = try String(contentsOf: site.folder.appendingPathComponent(job.page), encoding: .utf8)
        #expect(!plain.contains(".pdf"))

        var options = BuildOptions(root: RealSite.root)
        options.handoutPDFs = true
        let output = MemoryOutput()
        _ = try await SiteBuilder(options: options).build(into: output)
        let linked = try #require(output.text(job.page))
        let pdfName = String(job.pdf.split(separator: "/").last!)
        #expect(linked.contains("href=\"\(site.graph.config.basePath)\(job.pdf)\" type=\"application/pdf\" download>"))
        #expect(job.pdf.hasSuffix("-\(job.language).pdf") && pdfName.hasPrefix(job.page.split(separator: "/").dropLast().last!))
    }

    @Test func failedPrintLeavesTheOutputAsItWas() async throws {
        let site = try await RealSite.build()
        let before = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted()
        let broken = HandoutPDFs(browser: Chromium(tool: CommandLineTool(executable: URL(fileURLWithPath: "/bin/false"))))
        let failure = await #expect(throws: BuildFailure.self) {
            try await SiteBuilder(options: BuildOptions(root: RealSite.root)).build(toDirectory: site.folder, printingHandoutsWith: broken)
        }
        #expect(failure?.diagnostics.errors.count == HandoutPDFs.jobs(site.graph).count)
        #expect(failure?.diagnostics.errors.allSatisfy { $0.code == "chromium-failed" } == true)
        // One browser for every handout could not start either, and the failure says so first.
        #expect(failure?.diagnostics.warnings.map(\.code) == ["chromium-pipe-failed"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted() == before)
        let handout = try String(contentsOf: site.folder.appendingPathComponent(HandoutPDFs.jobs(site.graph)[0].page), encoding: .utf8)
        #expect(!handout.contains(".pdf"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.deletingLastPathComponent().path).sorted() == ["public"])
    }

    @Test func browserWithoutDevToolsPipePrintsEachHandoutAloneAndSaysSo() async throws {
        let site = try await RealSite.build()
        let chromium = try RealSite.chromium()
        // A browser that ignores --remote-debugging-pipe, as one too old for it would.
        let wrapper = site.scratch.appendingPathComponent("chromium-without-pipe")
        try FileManager.default.createDirectory(at: site.scratch, withIntermediateDirectories: true)
        try Data("""
            #!/bin/sh
            for argument in "$@"; do shift; [ "$argument" = --remote-debugging-pipe ] || set -- "$@" "$argument"; done
            exec 3<&- 4>&-
            exec \(chromium.tool.executable.path) "$@"
            """.utf8).write(to: wrapper)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let job = try #require(HandoutPDFs.jobs(site.graph).first)
        let printer = HandoutPDFs(browser: Chromium(tool: CommandLineTool(executable: wrapper)))
        let warnings = try await printer.print([job], in: site.folder, basePath: site.graph.config.basePath)
        #expect(warnings.map(\.code) == ["chromium-pipe-failed"])
        #expect(warnings.map(\.message) == [
            "could not print every handout with one Chromium, so each gets a Chromium of its own, which is slower: Chromium did not answer on its DevTools pipe (it closed the pipe without answering); check that \(wrapper.path) is a recent Chromium or Chrome, and see its command line and its own messages in the notes.",
        ])
        #expect(try await RealSite.pdfInfo(site.folder.appendingPathComponent(job.pdf)).isA4)
    }
}
