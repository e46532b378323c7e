import Foundation
import TabibCore
import Testing

/// The sitemap, robots.txt and the feeds after each kind of edit in `tabib serve`: every served file
/// stays exactly what a full build writes (`rebuildAndCompare`), and a quick build writes again only the
/// site files whose inputs the edit changed.
@Suite struct SiteFilesQuickBuildTests {
    typealias Preview = IncrementalBuilderTests.Preview
    static let article = IncrementalBuilderTests.article
    static let english = IncrementalBuilderTests.english
    static let siteFiles: Set<String> = ["sitemap.xml", "robots.txt", "id/atom.xml", "en/atom.xml"]

    /// The site files a quick build wrote, after checking every served file against a full build.
    static func siteFilesWritten(_ preview: Preview, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> Set<String> {
        let build = try await preview.rebuildAndCompare(sourceLocation: sourceLocation)
        #expect(!build.isFull, sourceLocation: sourceLocation)
        return build.written.intersection(siteFiles)
    }

    static let newArticle = """
        ---
        title: Kram Malam Hari
        summary: Kram yang datang saat tidur.
        date: 2026-11-20
        reviewed: 2026-11-20
        conditions: [kram-otot]
        causes: [dehidrasi, posisi-tidur]
        ---

        Kram malam hari sering terkait dehidrasi.
        """

    @Test func aBodyEditWritesNoSiteFile() async throws {
        let preview = try await Preview()
        try preview.write(Self.article, try preview.read(Self.article) + "\nSatu kalimat baru.\n")
        #expect(try await Self.siteFilesWritten(preview) == [])
    }

    @Test func aTitleEditWritesOnlyTheFeedOfItsLanguage() async throws {
        let preview = try await Preview()
        try preview.replace("title: Penyebab Kram Otot di Betis saat Berjalan", with: "title: Kram Betis & <Berjalan>", in: Self.article)
        #expect(try await Self.siteFilesWritten(preview) == ["id/atom.xml"])
        #expect(try preview.served["id/atom.xml"].map { String(decoding: $0, as: UTF8.self) }?.contains("<title>Kram Betis &amp; &lt;Berjalan&gt;</title>") == true)
    }

    @Test func aSummaryEditWritesOnlyTheFeedOfItsLanguage() async throws {
        let preview = try await Preview()
        try preview.replace("summary: \"Calf muscle cramps", with: "summary: \"Cramps in the calf muscles", in: Self.english)
        #expect(try await Self.siteFilesWritten(preview) == ["en/atom.xml"])
    }

    @Test func aReviewDateEditWritesTheSitemapAndTheFeedInTheirNewOrder() async throws {
        let preview = try await Preview()
        try preview.replace("reviewed: 2026-11-21", with: "reviewed: 2026-11-28", in: Self.article)
        #expect(try await Self.siteFilesWritten(preview) == ["sitemap.xml", "id/atom.xml"])
        try preview.replace("date: 2026-11-21\nreviewed: 2026-11-28", with: "date: 2026-01-01\nreviewed: 2026-01-02", in: Self.article)
        #expect(try await Self.siteFilesWritten(preview) == ["sitemap.xml", "id/atom.xml"])
    }

    @Test func aPublicationDateEditWritesOnlyTheFeed() async throws {
        let preview = try await Preview()
        // The sitemap's lastmod is the review date, which the article has.
        try preview.replace("date: 2026-11-21", with: "date: 2026-11-20", in: Self.article)
        #expect(try await Self.siteFilesWritten(preview) == ["id/atom.xml"])
    }

    @Test func addingRenamingAndDeletingAnArticleWriteTheSitemapAndItsFeed() async throws {
        let preview = try await Preview()
        try preview.write("content/id/articles/kram-malam.md", Self.newArticle)
        #expect(try await Self.siteFilesWritten(preview) == ["sitemap.xml", "id/atom.xml"])
        try preview.remove("content/id/articles/kram-malam.md")
        try preview.write("content/id/articles/kram-malam-hari.md", Self.newArticle)
        #expect(try await Self.siteFilesWritten(preview) == ["sitemap.xml", "id/atom.xml"])
        try preview.remove("content/id/articles/kram-malam-hari.md")
        #expect(try await Self.siteFilesWritten(preview) == ["sitemap.xml", "id/atom.xml"])
    }

    @Test func aNewSlugWritesTheSitemapAndTheFeedOfItsLanguage() async throws {
        let preview = try await Preview()
        try preview.replace("title: Penyebab Kram", with: "slug: kram-betis\ntitle: Penyebab Kram", in: Self.article)
        #expect(try await Self.siteFilesWritten(preview) == ["sitemap.xml", "id/atom.xml"])
    }

    @Test func deletingATranslationWritesTheSitemapAndTheFeedOfItsLanguage() async throws {
        let preview = try await Preview()
        try preview.remove(Self.english)
        #expect(try await Self.siteFilesWritten(preview) == ["sitemap.xml", "en/atom.xml"])
    }

    @Test func changingSiteSettingsWritesEverySiteFile() async throws {
        let preview = try await Preview()
        try preview.replace("title: Tabib — Health Information", with: "title: Tabib — Health & Care", in: "content/site.yaml")
        #expect(try await Self.siteFilesWritten(preview) == Self.siteFiles)
    }
}
