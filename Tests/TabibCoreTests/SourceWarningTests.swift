import Foundation
import Testing
@testable import TabibCore

/// A reader must be able to check a source: no home pages, no missing URLs, and not only news and opinion.
@Suite struct SourceWarningTests {
    @Test func homePagesMissingURLsAndWeakKindsAreWarnings() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        sources:
          - title: Koran
            url: https://koran.example/
            kind: news
          - title: Blog Pribadi
            kind: opinion
        ---
        Isi.
        """)
        let diagnostics = await SiteChecker(options: site.options, today: Day(iso: "2026-11-29")!).check()
        #expect(diagnostics.filter { $0.code.hasPrefix("source") || $0.code == "weak-sources" }.map(\.description) == [
            "content/id/articles/a.md:6:1: warning: every source of this article is news or a personal opinion; support its medical claims with a guideline, a review or a health organisation's page.",
            "content/id/articles/a.md:7:5: warning: the source 'Koran' links to the home page https://koran.example/, where a reader cannot find what the article relies on; link the very page that says it.",
            "content/id/articles/a.md:10:5: warning: the source 'Blog Pribadi' has no URL, so a reader cannot check it; add the address of the page that supports the article.",
        ])
    }

    @Test func anUnknownSourceKindIsAnError() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        sources:
          - {title: Jurnal, url: "https://jurnal.example/artikel/1", kind: jurnal}
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:7:68: error: unknown source kind 'jurnal'; say what the source is with one of the known kinds, or leave 'kind' out.
          note: known kinds: guideline, review, organisation, news, opinion.
        """)
    }
}
