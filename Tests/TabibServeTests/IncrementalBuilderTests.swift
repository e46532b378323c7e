import Foundation
import TabibCore
import Testing

/// The quick rebuilds `tabib serve` makes after an edit: what they render again, and that their
/// output is always exactly that of a full build of the same sources.
@Suite struct IncrementalBuilderTests {
    /// Builds once, applies `edit`, builds again quickly, and compares with a full build.
    private func rebuild(after edit: (SiteFixture) throws -> Void) async throws -> Outcome {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let options = BuildOptions(root: fixture.root, baseURL: "http://127.0.0.1:1313/")
        let builder = IncrementalBuilder(options: options)
        let firstIsFull = try await builder.build().isFull
        #expect(firstIsFull)
        try edit(fixture)
        let quick = try await builder.build()
        let full = MemoryOutput()
        _ = try await SiteBuilder(options: options).build(into: full)
        #expect(quick.files.keys.sorted() == full.files.keys.sorted())
        #expect(!quick.files.isEmpty)
        for (path, bytes) in full.files {
            #expect(quick.files[path] == bytes, "\(path) differs from the full build")
        }
        return Outcome(isFull: quick.isFull, rendered: quick.rendered, pages: quick.pages, files: quick.files)
    }

    /// What a quick build did, without its files in failure messages.
    private struct Outcome {
        var isFull: Bool
        var rendered: Int
        var pages: Int
        var files: [String: [UInt8]]
    }

    @Test func editingAnArticleBodyRendersOnlyItsPageAndHandout() async throws {
        let build = try await rebuild { site in
            let path = "content/id/articles/kram-betis.md"
            try site.write(path, try site.read(path).replacingOccurrences(of: "oleh dehidrasi.", with: "oleh dehidrasi dan panas."))
        }
        #expect(!build.isFull)
        #expect(build.rendered == 2)
        #expect(String(decoding: build.files["id/artikel/kram-betis/index.html"] ?? [], as: UTF8.self).contains("dehidrasi</a> dan panas."))
    }

    @Test func editingTheDisclaimerRendersItsPageAndEveryHandout() async throws {
        let build = try await rebuild { site in
            let path = "content/id/pages/disclaimer.md"
            try site.write(path, try site.read(path).replacingOccurrences(of: "nasihat dokter.", with: "nasihat dokter Anda."))
        }
        #expect(!build.isFull)
        #expect(build.rendered == 2)
    }

    @Test func editingATemplateRendersOnlyThePagesThatUseIt() async throws {
        let build = try await rebuild { site in
            let path = "templates/condition.mustache"
            try site.write(path, try site.read(path).replacingOccurrences(of: "<h1>", with: "<h1 class=\"kondisi\">"))
        }
        #expect(!build.isFull)
        #expect(build.rendered == 1)
    }

    @Test func editingTheLayoutRendersEveryPage() async throws {
        let build = try await rebuild { site in
            let path = "templates/layout.mustache"
            try site.write(path, try site.read(path).replacingOccurrences(of: "<body>", with: "<body class=\"pratinjau\">"))
        }
        #expect(!build.isFull)
        #expect(build.rendered == build.pages && build.pages > 0)
    }

    @Test func changingAnAssetRendersNoPage() async throws {
        let build = try await rebuild { site in
            try site.write("templates/assets/style.css", "body { color: navy; }\n")
        }
        #expect(!build.isFull)
        #expect(build.rendered == 0)
        #expect(String(decoding: build.files["assets/style.css"] ?? [], as: UTF8.self) == "body { color: navy; }\n")
    }

    @Test func editingFrontMatterIsAFullBuild() async throws {
        let build = try await rebuild { site in
            let path = "content/id/articles/kram-betis.md"
            try site.write(path, try site.read(path).replacingOccurrences(of: "title: Kram Betis", with: "title: Kram di Betis"))
        }
        #expect(build.isFull)
    }

    @Test func addingALinkIsAFullBuild() async throws {
        let build = try await rebuild { site in
            let path = "content/id/articles/kram-betis.md"
            try site.write(path, try site.read(path) + "\nLihat [penafian](@/pages/disclaimer.md).\n")
        }
        #expect(build.isFull)
    }
}
