import Foundation
import Testing
@testable import TabibCore

/// Pages, handouts and JSON-LD say "reviewed by <name>, <credential>, <date>" only when a clinician
/// did, and say so plainly when none has.
@Suite struct ClinicalReviewDisplayTests {
    static let site = """
    -- content/id/articles/ditinjau.md --
    ---
    title: Ditinjau
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    clinicalReview: {name: dr. Sari, credential: Sp.N, date: 2026-11-21}
    ---
    Isi.
    -- content/id/articles/belum.md --
    ---
    title: Belum
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    ---
    Isi.
    """

    static func dates(_ page: String) throws -> String {
        let start = try #require(page.range(of: "<dl class=\"review-dates\">"))
        let end = try #require(page.range(of: "</dl>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func aReviewedArticleNamesItsClinician() async throws {
        let output = try #require(await TestSite(Self.site).build().output)
        let page = try #require(output.text("id/artikel/ditinjau/index.html"))
        #expect(try Self.dates(page) == """
        <dl class="review-dates">
        <div><dt>Diterbitkan</dt><dd><time datetime="2026-11-20">20 November 2026</time></dd></div>
        <div><dt>Tinjauan redaksi terakhir</dt><dd><time datetime="2026-11-20">20 November 2026</time></dd></div>
        <div><dt>Tinjauan berikutnya</dt><dd><time datetime="2027-11-20">20 November 2027</time></dd></div>
        <div class="clinical-review"><dt>Tinjauan klinis</dt><dd>Ditinjau oleh dr. Sari, Sp.N, <time datetime="2026-11-21">21 November 2026</time></dd></div>
        </dl>
        """)
        #expect(page.contains("\"lastReviewed\":\"2026-11-21\""))
        #expect(page.contains("\"reviewedBy\":{\"@type\":\"Person\",\"name\":\"dr. Sari\"}"))
        #expect(!page.contains("notice-unreviewed"))
        let handout = try #require(output.text("id/selebaran/ditinjau/index.html"))
        #expect(handout.contains("<dd>Ditinjau oleh dr. Sari, Sp.N, <time datetime=\"2026-11-21\">21 November 2026</time></dd>"))
    }

    @Test func anUnreviewedArticleSaysSoAndCarriesTheNotice() async throws {
        let output = try #require(await TestSite(Self.site).build().output)
        let page = try #require(output.text("id/artikel/belum/index.html"))
        #expect(try Self.dates(page).contains("<div class=\"clinical-review\"><dt>Tinjauan klinis</dt><dd>Belum ditinjau oleh tenaga kesehatan.</dd></div>"))
        #expect(page.contains("<p class=\"notice notice-unreviewed\" role=\"note\">Artikel ini belum ditinjau oleh tenaga kesehatan. Bacalah dengan hati-hati, dan tanyakan kepada dokter Anda sebelum mengikuti sarannya.</p>"))
        #expect(!page.contains("\"reviewedBy\"") && !page.contains("\"lastReviewed\""))
        let handout = try #require(output.text("id/selebaran/belum/index.html"))
        #expect(handout.contains("<p class=\"notice notice-unreviewed\">Artikel ini belum ditinjau oleh tenaga kesehatan."))
        #expect(handout.contains("<dd>Belum ditinjau oleh tenaga kesehatan.</dd>"))
    }

    @Test func handoutsRepeatTitleURLAndPageFromPageTwoWithTheShortDisclaimerOnEveryPage() async throws {
        #expect(HandoutPrintStyle.css(title: "Kram \"Betis\" </style>", url: "https://example.org/id/artikel/a/", pageLabel: "Halaman",
                                      shortDisclaimer: "Hanya untuk edukasi.") == """
        @media print {
          @page {
            margin: 18mm 15mm 20mm;
            @top-left { content: "Halaman " counter(page) "/" counter(pages) " · Kram \\"Betis\\" \\3C /style\\3E  — https://example.org/id/artikel/a/"; width: 100%; font: 9pt system-ui, "Noto Sans", "DejaVu Sans", sans-serif; color: #000; }
            @bottom-center { content: "Hanya untuk edukasi."; font: 9pt system-ui, "Noto Sans", "DejaVu Sans", sans-serif; color: #000; }
            @bottom-right { content: none; }
          }
          @page :first {
            @top-left { content: none; }
            @top-right { content: "Halaman " counter(page) "/" counter(pages); font: 9pt system-ui, "Noto Sans", "DejaVu Sans", sans-serif; color: #000; }
          }
        }
        """)
    }

    @Test func thePrintableDisclaimerGivesTheEmergencyNumber() async throws {
        let output = try #require(await TestSite(Self.site + """

        -- content/site.yaml --
        \(TestSite.siteYAML)
        clinic:
          emergencyNumber: "112"
        """).build().output)
        let disclaimer = try #require(output.text("id/disclaimer/index.html"))
        #expect(disclaimer.contains("<p class=\"disclaimer-emergency\">Nomor darurat: <strong>112</strong></p>"))
        let handout = try #require(output.text("id/selebaran/belum/index.html"))
        #expect(handout.contains("<p class=\"disclaimer-emergency\">Nomor darurat: <strong>112</strong></p>"))
    }
}
