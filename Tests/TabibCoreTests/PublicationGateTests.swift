import Foundation
import Testing
@testable import TabibCore

/// Only what a clinician has reviewed reaches the public by default; a flagged article never does;
/// a preview shows everything.
@Suite struct PublicationGateTests {
    static func article(_ title: String, _ extra: String = "", causes: String = "[dehidrasi]") -> String {
        """
        ---
        title: \(title)
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        conditions: [kram-otot]
        causes: \(causes)
        \(extra)
        ---
        Kram karena dehidrasi.
        """
    }

    static func site(publish: Bool) -> String {
        """
        -- content/site.yaml --
        \(TestSite.siteYAML.replacingOccurrences(of: "publishBeforeClinicalReview: true", with: publish ? "publishBeforeClinicalReview: true" : ""))
        -- content/id/conditions/kram-otot.md --
        \(GraphTests.entity("Kram Otot", "kram otot"))
        -- content/id/causes/dehidrasi.md --
        \(GraphTests.entity("Dehidrasi", "dehidrasi"))
        -- content/id/causes/alkohol.md --
        \(GraphTests.entity("Alkohol", "alkohol"))
        -- content/id/articles/ditinjau.md --
        \(article("Ditinjau", "clinicalReview: {name: dr. Sari, credential: Sp.N, date: 2026-11-21}"))
        -- content/id/articles/belum.md --
        \(article("Belum Ditinjau", causes: "[dehidrasi, alkohol]"))
        -- content/id/articles/ditandai.md --
        \(article("Ditandai", "review: {flag: needs-clinical-review, note: Semua klaim perlu dicek.}", causes: "[dehidrasi, alkohol]"))
        -- content/en/articles/ditandai.md --
        ---
        title: Flagged
        summary: Summary.
        date: 2026-11-20
        reviewed: 2026-11-20
        conditions: [kram-otot]
        causes: [dehidrasi, alkohol]
        translation: {from: id, reviewed: false, date: 2026-11-20}
        ---
        Cramps.
        """
    }

    static func articlePages(_ output: MemoryOutput) -> [String] {
        output.files.keys.filter { $0.contains("/artikel/") || $0.contains("/articles/") || $0.contains("/selebaran/") || $0.contains("/handouts/") }
            .filter { !$0.hasSuffix("artikel/index.html") && !$0.hasSuffix("articles/index.html") && !$0.hasSuffix("selebaran/index.html") && !$0.hasSuffix("handouts/index.html") }
            .sorted()
    }

    @Test func byDefaultOnlyClinicallyReviewedArticlesArePublished() async throws {
        let site = try TestSite(Self.site(publish: false))
        let builder = SiteBuilder(options: site.options)
        let output = MemoryOutput()
        let report = try await builder.build(into: output)
        #expect(Self.articlePages(output) == ["id/artikel/ditinjau/index.html", "id/selebaran/ditinjau/index.html"])
        #expect(report.withheld.summary == "Held back, not yet clinically reviewed: content/id/articles/belum.md (with their translations); 'publishBeforeClinicalReview: true' in content/site.yaml publishes them with a notice to readers. Held back, flagged for clinical review as a whole: content/id/articles/ditandai.md (with their translations); they stay out of every public build until a clinician clears 'review'.")
        // A left-out article is no evidence: alcohol's page states no link to cramps, and no feed or sitemap names them.
        let alcohol = try #require(output.text("id/penyebab/alkohol/index.html"))
        #expect(!alcohol.contains("Belum Ditinjau") && !alcohol.contains("Ditandai"))
        #expect(report.graph.edges.map { "\($0.cause)→\($0.effect) \($0.evidence)" } == ["dehidrasi→kram-otot [\"ditinjau\"]"])
        for file in ["sitemap.xml", "id/atom.xml", "en/atom.xml", "id/artikel/index.html", "id/penyebab/dehidrasi/index.html"] {
            let text = try #require(output.text(file), "\(file)")
            #expect(!text.contains("/artikel/belum/") && !text.contains("/artikel/ditandai/") && !text.contains("/articles/ditandai/"), "\(file)")
        }
    }

    @Test func theSettingPublishesUnreviewedArticlesButNeverFlaggedOnes() async throws {
        let site = try TestSite(Self.site(publish: true))
        let output = MemoryOutput()
        let report = try await SiteBuilder(options: site.options).build(into: output)
        #expect(Self.articlePages(output) == ["id/artikel/belum/index.html", "id/artikel/ditinjau/index.html",
                                              "id/selebaran/belum/index.html", "id/selebaran/ditinjau/index.html"])
        #expect(report.withheld.summary == "Held back, flagged for clinical review as a whole: content/id/articles/ditandai.md (with their translations); they stay out of every public build until a clinician clears 'review'.")
    }

    @Test func aPreviewShowsEverythingWithTheReviewersNote() async throws {
        let site = try TestSite(Self.site(publish: false))
        let output = MemoryOutput()
        let report = try await SiteBuilder(options: BuildOptions(root: site.root, preview: true)).build(into: output)
        #expect(report.withheld.summary == nil)
        #expect(Self.articlePages(output).count == 8)
        let flagged = try #require(output.text("id/artikel/ditandai/index.html"))
        #expect(flagged.contains("Semua klaim perlu dicek."))
    }

    @Test func aLinkToAHeldBackArticleKeepsItsTextWithoutTheLink() async throws {
        let site = try TestSite(Self.site(publish: false) + """

        -- content/id/articles/tautan.md --
        ---
        title: Tautan
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        clinicalReview: {name: dr. Sari, date: 2026-11-21}
        ---
        Baca [artikel lain](@/articles/belum.md) dan [yang ini](/id/artikel/ditandai/).
        """)
        let output = try #require(await site.build().output)
        #expect(try proseOf(#require(output.text("id/artikel/tautan/index.html"))) == "<p>Baca artikel lain dan yang ini.</p>")
    }
}
