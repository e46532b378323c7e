import Foundation
import Testing
@testable import TabibCore

/// What pages list about each other: related articles and links to pages not yet translated.
@Suite struct SiteRendererTests {
    static func article(_ id: String, _ topics: String, language: String = "id") -> String {
        let title = language == "id" ? "Artikel \(id.uppercased())" : "Article \(id.uppercased())"
        return "-- content/\(language)/articles/\(id).md --\n---\ntitle: \(title)\nsummary: Ringkasan \(id).\ndate: 2026-11-20\nreviewed: 2026-11-20\n\(topics)\n---\nIsi \(id).\n"
    }

    static let site = """
    -- content/id/conditions/kram-otot.md --
    \(GraphTests.entity("Kram Otot", "kram otot"))
    -- content/id/causes/dehidrasi.md --
    \(GraphTests.entity("Dehidrasi", "dehidrasi"))
    -- content/id/causes/diabetes.md --
    \(GraphTests.entity("Diabetes", "diabetes"))
    \(article("a", "conditions: [kram-otot]\ncauses: [dehidrasi, diabetes]"))
    \(article("d", "conditions: [kram-otot]\ncauses: [diabetes]"))
    \(article("c", "conditions: [kram-otot]"))
    \(article("b", "conditions: [kram-otot]\ncauses: [dehidrasi]"))
    \(article("a", "conditions: [kram-otot]\ncauses: [dehidrasi, diabetes]", language: "en"))
    \(article("b", "conditions: [kram-otot]\ncauses: [dehidrasi]", language: "en"))
    """

    static func build() async throws -> MemoryOutput {
        let result = try await TestSite(site).build()
        return try #require(result.output)
    }

    static func section(_ page: String, _ name: String) throws -> String {
        let start = try #require(page.range(of: "<section class=\"\(name) screen-only\""))
        let end = try #require(page.range(of: "</section>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func relatedArticlesRankBySharedTopicsThenByID() async throws {
        let output = try await Self.build()
        let page = try #require(output.text("id/artikel/a/index.html"))
        #expect(try Self.section(page, "related") == """
        <section class="related screen-only" aria-labelledby="related-title" data-pagefind-ignore>
        <h2 id="related-title">Artikel terkait</h2>
        <ul class="entity-list">
        <li><a href="/id/artikel/b/">Artikel B</a></li>
        <li><a href="/id/artikel/d/">Artikel D</a></li>
        <li><a href="/id/artikel/c/">Artikel C</a></li>
        </ul>
        </section>
        """)
    }

    /// The related articles of English article A: B in English, D and C only in Indonesian, marked so.
    static let relatedOfA = """
        <section class="related screen-only" aria-labelledby="related-title" data-pagefind-ignore>
        <h2 id="related-title">Related articles</h2>
        <ul class="entity-list">
        <li><a href="/en/articles/b/">Article B</a></li>
        <li><a href="/id/artikel/d/" hreflang="id">Artikel D</a> <span class="lang-label">(Bahasa Indonesia)</span></li>
        <li><a href="/id/artikel/c/" hreflang="id">Artikel C</a> <span class="lang-label">(Bahasa Indonesia)</span></li>
        </ul>
        </section>
        """

    @Test func untranslatedPagesAreListedInTheirLanguage() async throws {
        let output = try await Self.build()
        let page = try #require(output.text("en/articles/a/index.html"))
        #expect(try Self.section(page, "related") == Self.relatedOfA)
    }

    @Test func linksFollowTheLinkPartial() async throws {
        let site = try TestSite(Self.site)
        try site.write("templates/partials/link.mustache", "<a class=\"{{lang}}\" href=\"{{url}}\">{{title}}</a>\n")
        let output = try #require(await site.build().output)
        let page = try #require(output.text("en/articles/a/index.html"))
        #expect(try Self.section(page, "related") == """
        <section class="related screen-only" aria-labelledby="related-title" data-pagefind-ignore>
        <h2 id="related-title">Related articles</h2>
        <ul class="entity-list">
        <li><a class="en" href="/en/articles/b/">Article B</a></li>
        <li><a class="en" href="/id/artikel/d/">Artikel D</a></li>
        <li><a class="en" href="/id/artikel/c/">Artikel C</a></li>
        </ul>
        </section>
        """)
    }

    @Test func templatesWithoutTheLinkPartialRenderTheirOwnLinks() async throws {
        let site = try TestSite(Self.site)
        try site.remove("templates/partials/link.mustache")
        let link = #"<a href="{{url}}"{{#otherLanguage}} hreflang="{{hreflang}}"{{/otherLanguage}}>{{title}}</a>{{#otherLanguage}} <span class="lang-label">({{languageName}})</span>{{/otherLanguage}}"#
        for path in ["templates/partials/entity-list.mustache", "templates/list.mustache", "templates/home.mustache"] {
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            try site.write(path, text.replacingOccurrences(of: "{{{link}}}", with: link))
        }
        let output = try #require(await site.build().output)
        let page = try #require(output.text("en/articles/a/index.html"))
        #expect(try Self.section(page, "related") == Self.relatedOfA)
    }
}
