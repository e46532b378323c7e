import Foundation
import Testing
@testable import TabibCore

/// Markdown through cmark-gfm: the GitHub extensions, safety, links by id, callouts and anchors.
@Suite struct MarkdownTests {
    static func body(_ markdown: String, site extra: String = "", allowRawHTML: Bool = false) async throws -> String {
        var description = extra + "\n-- content/id/articles/a.md --\n---\ntitle: A\nsummary: S.\ndate: 2026-11-20\nreviewed: 2026-11-20\n---\n" + markdown
        if allowRawHTML { description += "\n-- content/site.yaml --\n" + TestSite.siteYAML + "\nallowRawHTML: true" }
        let output = try #require(await TestSite(description).build().output)
        let page = try #require(output.text("id/artikel/a/index.html"))
        return try proseOf(page)
    }

    @Test func githubExtensionsAreOn() async throws {
        let html = try await Self.body("""
        | a | b |
        |---|---|
        | 1 | ~~2~~ |

        - [x] selesai

        Lihat https://example.org dan catatan[^1].

        [^1]: Catatan kaki.
        """)
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>2</del>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"))
        #expect(html.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(html.contains("<section class=\"footnotes\""))
    }

    @Test func rawHTMLAndScriptLinksNeverReachThePage() async throws {
        let html = try await Self.body("""
        <script>alert(1)</script>

        Teks <b onclick="x()">tebal</b> dan [klik](javascript:alert(1)).
        """)
        #expect(html == """
        <!-- raw HTML omitted -->
        <p>Teks <!-- raw HTML omitted -->tebal<!-- raw HTML omitted --> dan klik.</p>
        """)
    }

    @Test func siteSettingAllowsRawHTMLButStillDropsScriptLinks() async throws {
        let html = try await Self.body("Teks <b>tebal</b> dan [klik](javascript:alert(1)).", allowRawHTML: true)
        #expect(html == "<p>Teks <b>tebal</b> dan klik.</p>")
    }

    @Test func headingsGetAnchorsAndLinksByIdResolve() async throws {
        let extra = "-- content/id/articles/b.md --\n---\ntitle: B\nsummary: S.\ndate: 2026-11-20\nreviewed: 2026-11-20\n---\n## Apa Penyebabnya?\n"
        let html = try await Self.body("## Bagian Satu\n\nLihat [B](@/articles/b.md#apa-penyebabnya) dan [penafian](@/pages/disclaimer.md).", site: extra)
        #expect(html == """
        <h2 id="bagian-satu">Bagian Satu</h2>
        <p>Lihat <a href="/id/artikel/b/#apa-penyebabnya">B</a> dan <a href="/id/disclaimer/">penafian</a>.</p>
        """)
    }

    @Test func brokenLinkAndAnchorAreErrorsAtTheirPosition() async throws {
        let site = try TestSite("""
        -- content/id/articles/b.md --
        ---
        title: B
        summary: S.
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        ## Apa Penyebabnya?
        -- content/id/articles/a.md --
        ---
        title: A
        summary: S.
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        Lihat [B](@/articles/c.md) dan
        [B](@/articles/b.md#apa-penyebab).
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:7:7: error: the link '@/articles/c.md' leads to no page: there is no content/<lang>/articles/c.md; fix the id or write that page.
          note: did you mean '@/articles/a.md'?
        content/id/articles/a.md:8:1: error: the link leads to content/id/articles/b.md, which has no heading with the anchor '#apa-penyebab'; fix the anchor or the heading.
          note: did you mean '#apa-penyebabnya'?
        """)
    }

    @Test func seeDoctorCalloutKeepsLinksAndEmergencyForbidsThem() async throws {
        let html = try await Self.body("""
        ## Bagian

        > [!SEE-DOCTOR]
        > Temui [dokter](https://example.org/).
        """)
        #expect(html == """
        <h2 id="bagian">Bagian</h2>
        <aside class="callout callout-see-doctor red-flag" aria-labelledby="callout-1">
        <h3 class="callout-title" id="callout-1">Periksakan diri ke dokter jika</h3>
        <p>Temui <a href="https://example.org/">dokter</a>.</p>
        </aside>
        """)
        let site = try TestSite("-- content/id/articles/a.md --\n---\ntitle: A\nsummary: S.\ndate: 2026-11-20\nreviewed: 2026-11-20\n---\n> [!EMERGENCY]\n> Hubungi [112](https://example.org/).\n")
        #expect(await site.errors() == """
        content/id/articles/a.md:8:11: error: an emergency callout must not hold links: a reader in an emergency should act, not click away; write the text without the link.
        """)
    }

    @Test func unknownCalloutSuggestsAKnownOne() async throws {
        let site = try TestSite("-- content/id/articles/a.md --\n---\ntitle: A\nsummary: S.\ndate: 2026-11-20\nreviewed: 2026-11-20\n---\n> [!EMERGENCI]\n> Teks.\n")
        #expect(await site.errors() == """
        content/id/articles/a.md:7:1: error: unknown callout '[!EMERGENCI]'; use one of the known kinds.
          note: did you mean '[!EMERGENCY]'?
          note: known callouts: [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION], [!SEE-DOCTOR], [!EMERGENCY].
        """)
    }
}
