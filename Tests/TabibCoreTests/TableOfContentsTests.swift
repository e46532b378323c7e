import Foundation
import Testing
@testable import TabibCore

/// Articles with three or more sections (`##` headings) list them at the top, each linking the
/// anchor the body gives its heading; shorter articles and handouts have no table of contents.
@Suite struct TableOfContentsTests {
    static func article(_ id: String, _ body: String, language: String = "id") -> String {
        """
        -- content/\(language)/articles/\(id).md --
        ---
        title: Artikel \(id)
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20\(language == "id" ? "" : "\ntranslation: {from: id, reviewed: true, date: 2026-11-20}")
        ---
        \(body)
        """
    }

    /// Markup and a link in a heading, a heading written twice, a `###` inside a section, characters
    /// to escape, and a callout, whose title is no section.
    static let threeSections = """
    Pembuka.

    ## Gejala *umum* dan [tanda](https://example.org/tanda)

    Isi.

    ### Di malam hari

    Isi.

    > [!SEE-DOCTOR]
    > Kram tidak hilang.

    ## Natrium < 135 & "kalium" `K+`

    Isi.

    ## Gejala umum dan tanda

    Isi.
    """

    static func build(_ description: String) async throws -> MemoryOutput {
        try #require(try await TestSite(description).build().output)
    }

    /// The page's table of contents, whole; nil when it has none.
    static func toc(_ page: String) -> String? {
        guard let start = page.range(of: "<nav class=\"toc"),
              let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func threeSectionsListTheirHeadingsAsText() async throws {
        let output = try await Self.build(Self.article("a", Self.threeSections))
        let page = try #require(output.text("id/artikel/a/index.html"))
        #expect(Self.toc(page) == """
        <nav class="toc screen-only" aria-label="Di halaman ini">
        <h2>Di halaman ini</h2>
        <ol>
        <li><a href="#gejala-umum-dan-tanda">Gejala umum dan tanda</a></li>
        <li><a href="#natrium-135-kalium-k">Natrium &lt; 135 &amp; &quot;kalium&quot; K+</a></li>
        <li><a href="#gejala-umum-dan-tanda-2">Gejala umum dan tanda</a></li>
        </ol>
        </nav>
        """)
        // The anchors are the ids of the body's own h2 headings, in order.
        let prose = try proseOf(page)
        let ids = prose.matches(of: #/<h2 id="([^"]*)">/#).map { String($0.1) }
        #expect(ids == ["gejala-umum-dan-tanda", "natrium-135-kalium-k", "gejala-umum-dan-tanda-2"])
        #expect(prose.hasPrefix("<p>Pembuka.</p>\n<h2 id=\"gejala-umum-dan-tanda\">Gejala <em>umum</em> dan <a "))
    }

    @Test func translationsSayOnThisPage() async throws {
        let output = try await Self.build(Self.article("a", Self.threeSections) + "\n"
                                          + Self.article("a", "## One\n\nA.\n\n## Two\n\nB.\n\n## Three\n\nC.", language: "en"))
        let page = try #require(output.text("en/articles/a/index.html"))
        #expect(Self.toc(page) == """
        <nav class="toc screen-only" aria-label="On this page">
        <h2>On this page</h2>
        <ol>
        <li><a href="#one">One</a></li>
        <li><a href="#two">Two</a></li>
        <li><a href="#three">Three</a></li>
        </ol>
        </nav>
        """)
    }

    /// Two sections, however many `###` they hold, are read without one.
    @Test func twoSectionsHaveNone() async throws {
        let output = try await Self.build(Self.article("b", "## Satu\n\n### A\n\n### B\n\n### C\n\n## Dua\n\nIsi."))
        let page = try #require(output.text("id/artikel/b/index.html"))
        #expect(page.contains("<h2 id=\"dua\">Dua</h2>"))
        #expect(Self.toc(page) == nil)
        #expect(!page.contains("Di halaman ini"))
    }

    @Test func handoutsHaveNone() async throws {
        let output = try await Self.build(Self.article("a", Self.threeSections))
        #expect(Self.toc(try #require(output.text("id/artikel/a/index.html"))) != nil)
        let handout = try #require(output.text("id/selebaran/a/index.html"))
        #expect(Self.toc(handout) == nil)
        #expect(!handout.contains("Di halaman ini"))
    }

    /// Every table of contents of the shipped site links exactly the body's h2 headings, in order.
    @Test func shippedTablesOfContentsLinkTheBodysSections() async throws {
        let output = MemoryOutput()
        _ = try await SiteBuilder(options: BuildOptions(root: TestSite.repository)).build(into: output)
        var withTOC: [String] = []
        for path in output.files.keys.sorted() where path.hasSuffix(".html") {
            let page = try #require(output.text(path))
            guard let toc = Self.toc(page) else { continue }
            withTOC.append(path)
            let anchors = toc.matches(of: #/<a href="#([^"]*)">/#).map { String($0.1) }
            let ids = try proseOf(page).matches(of: #/<h2 id="([^"]*)">/#).map { String($0.1) }
            #expect(anchors == ids, "\(path)")
        }
        // The shipped articles with three or more sections, in both languages; not the one with two.
        #expect(withTOC == [
            "en/articles/calf-cramps-when-walking/index.html", "en/articles/leg-twitching-after-walking/index.html",
            "en/articles/numb-legs-after-exercise/index.html", "id/artikel/kaki-mati-rasa-setelah-latihan/index.html",
            "id/artikel/kedutan-kaki-setelah-berjalan/index.html", "id/artikel/kram-betis-saat-berjalan/index.html",
        ])
    }
}
