import Foundation
import Testing
@testable import TabibCore

/// The repository's own site in headless Chromium: screenshots at phone and desktop widths and the
/// disclaimer on paper. These need chromium and poppler-utils; without them they fail, never skip.
struct BrowserTests {
    @Test func articleScreenshotsAreAsWideAsTheWindow() async throws {
        let site = try await RealSite.build()
        let browser = try RealSite.chromium()
        let article = try #require(site.graph.files.first { $0.kind == .article && $0.language == "id" })
        let page = try site.page(article.key, language: "id")
        for width in [390, 1280] {
            let png = site.scratch.appendingPathComponent("article-\(width).png")
            try await browser.screenshot(page.url, width: width, height: 2400, to: png)
            let (pngWidth, pngHeight) = try RealSite.pngSize(png)
            #expect(pngWidth == width)
            #expect(pngHeight == 2400)
        }
    }

    @Test func disclaimerPrintsOnOneA4PageWithSiteNameAndDate() async throws {
        let site = try await RealSite.build()
        let browser = try RealSite.chromium()
        for language in ["id", "en"] {
            let key = ContentKey(kind: .page, id: "disclaimer")
            let pdf = site.scratch.appendingPathComponent("disclaimer-\(language).pdf")
            try await browser.printToPDF(try site.page(key, language: language).url, to: pdf)
            let info = try await RealSite.pdfInfo(pdf)
            #expect(info.pages == 1)
            #expect(info.isA4)
            let text = try await RealSite.pdfText(pdf)
            let disclaimer = try #require(site.graph.file(key, language: language))
            #expect(text.contains(RealSite.plainText(site.renderer.bodies.bodies[site.graph.index[key]![language]!].html)))
            #expect(text.contains(site.graph.config.language(language)!.title))
            #expect(text.contains(try #require(site.renderer.formatted(disclaimer.meta.date, language))))
            #expect(text.contains("1/1"))
        }
    }

    @Test func missingChromiumSaysHowToInstallIt() throws {
        let error = #expect(throws: BuildFailure.self) { try Chromium.locate(path: "/nonexistent") }
        #expect(error?.description == """
            error: printing handouts to PDF needs headless Chromium, and none of chromium, chromium-browser, google-chrome is on PATH. Install it (on Debian or Ubuntu: sudo apt-get install chromium) or add its folder to PATH, or build without --pdf.
            """)
    }

    @Test func localPageLoadsAssetsFromTheFolderAndLinksToTheSite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-local-page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("en/x"), withIntermediateDirectories: true)
        try Data("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <link rel="stylesheet" href="/kesehatan/assets/style.css">
            </head>
            <body><a href="/kesehatan/en/y/">y</a><img src='/kesehatan/assets/a.png'></body>
            </html>
            """.utf8).write(to: folder.appendingPathComponent("en/x/index.html"))
        let page = try LocalPage("en/x/index.html", in: folder, basePath: "/kesehatan/", pageURL: "https://example.org/kesehatan/en/x/",
                                 scratch: folder.appendingPathComponent("scratch"))
        let assets = folder.appendingPathComponent("assets", isDirectory: true).absoluteString
        #expect(try String(contentsOf: page.url, encoding: .utf8) == """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <base href="https://example.org/kesehatan/en/x/">
            <link rel="stylesheet" href="\(assets)style.css">
            </head>
            <body><a href="/kesehatan/en/y/">y</a><img src='\(assets)a.png'></body>
            </html>
            """)
    }
}

/// The repository's own site built into a temporary folder, removed with it, and the tools that read
/// its output back.
final class RealSite: Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let folder: URL
    let scratch: URL
    let renderer: SiteRenderer
    var graph: SiteGraph { renderer.graph }

    init(folder: URL, scratch: URL, renderer: SiteRenderer) {
        self.folder = folder
        self.scratch = scratch
        self.renderer = renderer
    }

    deinit { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }

    /// Builds the site, printing its handouts with `printer` when given.
    static func build(printingHandoutsWith printer: HandoutPDFs? = nil) async throws -> RealSite {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-real-site-\(UUID().uuidString)")
        let builder = SiteBuilder(options: BuildOptions(root: root))
        let folder = base.appendingPathComponent("public")
        if let printer {
            _ = try await builder.build(toDirectory: folder, printingHandoutsWith: printer)
        } else {
            _ = try await builder.build(toDirectory: folder)
        }
        return RealSite(folder: folder, scratch: base.appendingPathComponent("scratch"), renderer: try await builder.prepare().renderer)
    }

    /// A built page, ready for the browser.
    func page(_ key: ContentKey, language: String) throws -> LocalPage {
        let path = try #require(graph.routes.path(key, language: language))
        return try LocalPage(SiteRenderer.outputPath(path, basePath: graph.config.basePath), in: folder,
                             basePath: graph.config.basePath, pageURL: graph.config.absoluteURL(path), scratch: scratch)
    }

    static func chromium() throws -> Chromium {
        try #require(Chromium.find(), "these tests need chromium on PATH (sudo apt-get install chromium)")
    }

    /// Runs a tool from PATH and returns what it printed; a missing tool or a failed run fails the test.
    static func run(_ name: String, _ arguments: [String]) async throws -> String {
        let tool = try #require(CommandLineTool.find([name]), "these tests need \(name) on PATH (sudo apt-get install poppler-utils zbar-tools)")
        let result = try await tool.run(arguments, timeout: 60)
        try #require(result.status == 0, "\(name) \(arguments.joined(separator: " ")) failed: \(result.errorOutput)")
        return result.output
    }

    struct PDFInfo {
        var pages: Int
        var width: Double
        var height: Double
        var title: String
        /// 595.28 × 841.89 pt, give or take Chromium's rounding.
        var isA4: Bool { abs(width - 595.3) < 1 && abs(height - 841.9) < 1 }
    }

    static func pdfInfo(_ pdf: URL) async throws -> PDFInfo {
        var info = PDFInfo(pages: 0, width: 0, height: 0, title: "")
        for line in try await run("pdfinfo", [pdf.path]).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "Pages": info.pages = Int(parts[1]) ?? 0
            case "Title": info.title = parts[1]
            case "Page size":
                let numbers = parts[1].split(separator: " ").compactMap { Double($0) }
                if numbers.count >= 2 { (info.width, info.height) = (numbers[0], numbers[1]) }
            default: break
            }
        }
        return info
    }

    /// The PDF's text with every run of white space made one space.
    static func pdfText(_ pdf: URL, lastPage: Int? = nil) async throws -> String {
        let pages = lastPage.map { ["-l", String($0)] } ?? []
        return collapse(try await run("pdftotext", pages + [pdf.path, "-"]))
    }

    /// HTML as a reader sees it: tags gone, the few entities tabib writes decoded, white space collapsed.
    static func plainText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return collapse(text)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ png: URL) throws -> (Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: png).prefix(24))
        try #require(bytes.count == 24 && bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] && bytes[12..<16] == [0x49, 0x48, 0x44, 0x52],
                     "\(png.path) is not a PNG")
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
