import Foundation
import Testing
@testable import TabibCore

/// The search index a build writes with Pagefind (`search: true`): what it indexes, that it is kept
/// when nothing indexed changed, and what a build says when it cannot make it. Needs Pagefind.
struct SearchIndexTests {
    static let siteYAML = TestSite.siteYAML.replacingOccurrences(of: "defaultLanguage: id\n", with: "defaultLanguage: id\nsearch: true\n")
        .replacingOccurrences(of: "handouts: selebaran}", with: "handouts: selebaran, search: cari}")

    static let site = """
    -- content/site.yaml --
    \(siteYAML)
    -- content/id/conditions/kram-otot.md --
    ---
    title: Kram Otot
    summary: Otot mengencang mendadak.
    aliases: [kejang otot, keram]
    ---
    Otot betis terasa sakit.
    -- content/id/articles/kram-malam.md --
    ---
    title: Kram di Malam Hari
    summary: Mengapa betis kram saat tidur.
    date: 2026-01-05
    reviewed: 2026-02-01
    conditions: [kram-otot]
    ---
    Regangkan betis sebelum tidur.
    """

    @Test func pagesMarkWhatIsIndexedAndArticlesCarryTheirTopicsAliases() async throws {
        let site = try TestSite(Self.site)
        let output = try await site.build().get()
        let article = try #require(output.text("id/artikel/kram-malam/index.html"))
        #expect(article.contains("<article class=\"wrap article\" data-pagefind-body data-pagefind-meta=\"reviewed:1 Februari 2026\">"))
        #expect(article.contains("<p class=\"summary\" data-pagefind-meta=\"summary\">Mengapa betis kram saat tidur.</p>"))
        #expect(article.contains("<p hidden data-pagefind-weight=\"0.5\">Kram Otot, kejang otot, keram</p>"))
        let condition = try #require(output.text("id/kondisi/kram-otot/index.html"))
        #expect(condition.contains("<article class=\"wrap entity\" data-pagefind-body>"))
        // The header links to the language's search page, which the build writes.
        #expect(condition.contains("<a class=\"search-link\" href=\"/id/cari/\">Cari</a>"))
        let search = try #require(output.text("id/cari/index.html"))
        #expect(search.contains("data-pagefind=\"/pagefind/pagefind.js\" data-base=\"/\""))
        #expect(search.contains("<noscript><p class=\"notice\">Pencarian memerlukan JavaScript, yang dimatikan di peramban Anda. Lihat daftar A sampai Z: <a href=\"/id/kondisi/\">Kondisi</a> · <a href=\"/id/penyebab/\">Penyebab</a> · <a href=\"/id/artikel/\">Artikel</a></p></noscript>"))
        #expect(search.contains("<p id=\"search-status\" class=\"search-status\" role=\"status\" aria-live=\"polite\"></p>"))
        #expect(output.text("en/search/index.html") != nil)
        // Home and list pages are not indexed.
        #expect(output.text("id/index.html")?.contains("data-pagefind-body") == false)
        #expect(output.text("id/kondisi/index.html")?.contains("data-pagefind-body") == false)
    }

    @Test func aSiteWithoutSearchHasNoSearchPageNorLink() async throws {
        let site = try TestSite(Self.site.replacingOccurrences(of: "search: true\n", with: ""))
        let output = try await site.build().get()
        #expect(output.text("id/cari/index.html") == nil)
        #expect(output.text("id/kondisi/kram-otot/index.html")?.contains("search-link") == false)
        #expect(output.text("id/artikel/kram-malam/index.html")?.contains("data-pagefind-weight") == false)
    }

    @Test func anUnchangedRebuildKeepsTheIndexAndAChangedPageIndexesAgain() async throws {
        let site = try TestSite(Self.site)
        let folder = site.root.appendingPathComponent("public")
        let builder = SiteBuilder(options: BuildOptions(root: site.root))
        let first = try await builder.build(toDirectory: folder)
        #expect(first.search?.ran == true)
        #expect(first.search?.pages == 2)
        let bundle = TestSite.files(in: folder.appendingPathComponent("pagefind"))
        #expect(bundle["pagefind.js"] != nil)
        #expect(bundle.keys.contains { $0.hasPrefix("index/id_") })
        #expect(bundle.keys.contains { $0.hasPrefix("fragment/id_") })

        let again = try await builder.build(toDirectory: folder)
        #expect(again.search?.ran == false)
        #expect(again.changes == .init(written: 0, removed: 0))
        #expect(TestSite.files(in: folder.appendingPathComponent("pagefind")) == bundle)

        try site.write("content/id/conditions/kram-otot.md", """
            ---
            title: Kram Otot
            summary: Otot mengencang mendadak dan nyeri.
            aliases: [kejang otot, keram]
            ---
            Otot betis terasa sakit.
            """)
        let changed = try await builder.build(toDirectory: folder)
        #expect(changed.search?.ran == true)
        #expect(TestSite.files(in: folder.appendingPathComponent("pagefind")) != bundle)
    }

    @Test func withoutPagefindTheBuildSaysHowToInstallItAndLeavesTheOutput() async throws {
        let output = MemoryOutput()
        let pages = try SearchIndex.Pages(passingTo: output)
        defer { pages.discard() }
        try pages.write(OutputFile(path: "id/x/index.html", text: "<html lang=\"id\"><body><main data-pagefind-body>Kram</main></body></html>"))
        try pages.write(OutputFile(path: "id/index.html", text: "<html lang=\"id\"><body>Beranda</body></html>"))
        #expect(output.files.count == 2)
        let error = await #expect(throws: BuildFailure.self) {
            _ = try await SearchIndex.index(pages, previous: nil, into: output, path: "/nonexistent")
        }
        #expect(error?.description == """
            content/site.yaml: error: site.yaml turns search on, but Pagefind, which indexes the site, is not installed; install it with `python3 -m pip install 'pagefind[bin]==1.5.2'` and build again, or turn search off with `search: false` in content/site.yaml.
            """)
        #expect(output.files.count == 2)
    }

    /// `tabib build` with search on and neither `pagefind` nor `python3` on PATH: exit 1, a sentence
    /// saying how to install Pagefind, and the output of the build before untouched.
    @Test func aBuildWithoutPagefindExitsOneAndLeavesThePreviousOutput() throws {
        let site = try TestSite(Self.site)
        #expect(try CommandLineTests.run(["build", "--root", site.root.path]).status == 0)
        let output = site.root.appendingPathComponent("public")
        let before = TestSite.files(in: output)
        #expect(before["pagefind/pagefind.js"] != nil)
        try site.write("content/id/articles/kram-malam.md", """
            ---
            title: Kram di Malam Hari
            summary: Mengapa betis kram saat tidur, dan apa yang menolong.
            date: 2026-01-05
            reviewed: 2026-02-01
            conditions: [kram-otot]
            ---
            Regangkan betis sebelum tidur.
            """)
        let run = try CommandLineTests.run(["build", "--root", site.root.path], executable: "/usr/bin/env",
                                           wrapping: { ["PATH=/nonexistent"] + $0 })
        #expect(run.status == 1)
        #expect(run.err == """
            content/site.yaml: error: site.yaml turns search on, but Pagefind, which indexes the site, is not installed; install it with `python3 -m pip install 'pagefind[bin]==1.5.2'` and build again, or turn search off with `search: false` in content/site.yaml.
            1 error, 0 warnings.
            The build failed; \(output.path) was left as it was.

            """)
        #expect(TestSite.files(in: output) == before)
    }

    @Test func aSiteWithSearchButNoSearchTemplateIsRefused() async throws {
        let site = try TestSite(Self.site)
        try site.remove("templates/search.mustache")
        #expect(await site.errors() == """
            templates/search.mustache: error: site.yaml turns search on (search: true), but templates/search.mustache, the search page, is missing; restore it from tabib's default templates, or set search: false.
            """)
    }
}
