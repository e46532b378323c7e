import Foundation
import Testing
@testable import TabibCore

/// Nothing is hard-wired to Indonesian and English: a third, right-to-left language works by configuration.
@Suite struct MultilingualTests {
    static let site = """
    -- content/site.yaml --
    baseURL: https://example.org/
    publishBeforeClinicalReview: true
    defaultLanguage: id
    languages:
      - code: id
        name: Bahasa Indonesia
        locale: id-ID
        title: Situs Uji
        sections: {articles: artikel, causes: penyebab, conditions: kondisi}
      - code: en
        name: English
        locale: en-GB
        title: Test Site
      - code: ar
        name: العربية
        locale: ar
        direction: rtl
        title: موقع الاختبار
        sections: {articles: maqalat, causes: asbab, conditions: halat}
    -- templates/i18n/ar.yaml --
    navHome: الرئيسية
    lastReviewed: آخر مراجعة
    -- content/id/conditions/kram-otot.md --
    \(GraphTests.entity("Kram Otot", "kram otot, kram"))
    -- content/en/conditions/kram-otot.md --
    ---
    title: Muscle Cramps
    summary: Cramps.
    aliases: [cramps]
    slug: muscle-cramps
    translation: {from: id, reviewed: false, date: 2026-11-20}
    ---
    -- content/ar/conditions/kram-otot.md --
    ---
    title: تشنج العضلات
    summary: تشنج.
    aliases: [تشنج]
    slug: tashannuj
    translation: {from: id, reviewed: true, date: 2026-11-20}
    ---
    -- content/id/causes/dehidrasi.md --
    \(GraphTests.entity("Dehidrasi", "dehidrasi"))
    -- content/id/articles/a.md --
    ---
    title: Kram dan Dehidrasi
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-21
    conditions: [kram-otot]
    causes: [dehidrasi]
    ---
    Kram karena dehidrasi.
    -- content/ar/articles/a.md --
    ---
    title: التشنج والجفاف
    summary: ملخص.
    date: 2026-11-20
    reviewed: 2026-11-21
    conditions: [kram-otot]
    causes: [dehidrasi]
    translation: {from: id, reviewed: false, date: 2026-11-20}
    ---
    تشنج بسبب الجفاف.
    """

    @Test func rightToLeftLanguageGetsItsOwnSectionsDirectionAndDates() async throws {
        let output = try #require(await TestSite(Self.site).build().output)
        let page = try #require(output.text("ar/maqalat/a/index.html"))
        #expect(page.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(page.contains("<dt>آخر مراجعة</dt><dd><time datetime=\"2026-11-21\">\(DateText(locale: "ar").format(Day(iso: "2026-11-21")!))</time></dd>"))
        #expect(page.contains("<a href=\"/ar/halat/tashannuj/\">تشنج</a>"))
        #expect(output.files["ar/asbab/index.html"] != nil)
    }

    @Test func missingUIStringFallsBackToTheDefaultLanguageAndCheckWarns() async throws {
        let site = try TestSite(Self.site)
        let output = try #require(await site.build().output)
        let page = try #require(output.text("ar/maqalat/a/index.html"))
        #expect(page.contains("<dt>Tinjauan berikutnya</dt>"))
        let diagnostics = await SiteChecker(options: site.options, today: Day(iso: "2026-11-21")!).check()
        #expect(diagnostics.contains { $0.description == "templates/i18n/ar.yaml: warning: templates/i18n/ar.yaml has no 'nextReview'; the id text is shown until you add it." })
    }

    @Test func alternatesAreReciprocalAndTheSwitcherNeverLinksAMissingPage() async throws {
        let output = try #require(await TestSite(Self.site).build().output)
        let condition = try #require(output.text("en/conditions/muscle-cramps/index.html"))
        for (code, url) in [("id", "https://example.org/id/kondisi/kram-otot/"), ("en", "https://example.org/en/conditions/muscle-cramps/"), ("ar", "https://example.org/ar/halat/tashannuj/")] {
            #expect(condition.contains("<link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(url)\">"))
        }
        #expect(condition.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/id/kondisi/kram-otot/\">"))
        let article = try #require(output.text("id/artikel/a/index.html"))
        #expect(!article.contains("hreflang=\"en\" href=\"https://example.org/en/articles/a/\""))
        #expect(article.contains("<li><a href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a> <span class=\"muted\" lang=\"en\">(not yet available in this language)</span></li>"))
    }

    @Test func evidenceLinksToTheSourceLanguageWhenNoTranslationExists() async throws {
        let output = try #require(await TestSite(Self.site).build().output)
        let page = try #require(output.text("en/conditions/muscle-cramps/index.html"))
        #expect(page.contains("— According to: <a href=\"/id/artikel/a/\" hreflang=\"id\">Kram dan Dehidrasi</a> <span class=\"lang-label\">(Bahasa Indonesia)</span>"))
        #expect(page.contains("This translation has not yet been reviewed by a clinician."))
        let arabic = try #require(output.text("ar/halat/tashannuj/index.html"))
        #expect(!arabic.contains("notice-translation"))
    }

    @Test func checkReportsCoverageAndOutdatedTranslationsAsJSON() async throws {
        let site = try TestSite(Self.site)
        let diagnostics = await SiteChecker(options: site.options, today: Day(iso: "2026-11-21")!).check()
        let json = DiagnosticJSON.encode(diagnostics)
        struct Report: Decodable {
            struct Item: Decodable { var file: String?; var line: Int?; var column: Int?; var severity: String; var code: String; var message: String; var notes: [String] }
            var diagnostics: [Item]
            var errors: Int
            var warnings: Int
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
        #expect(report.errors == 0)
        #expect(report.warnings == report.diagnostics.count)
        let outdated = try #require(report.diagnostics.first { $0.code == "translation-outdated" })
        #expect(outdated.file == "content/ar/articles/a.md")
        #expect(outdated.line == 8 && outdated.column == 1)
        #expect(outdated.message == "this translation was made on 2026-11-20, before content/id/articles/a.md was last reviewed on 2026-11-21; update it and its 'translation.date'.")
        #expect(report.diagnostics.contains { $0.code == "translation-missing" && $0.file == "content/id/articles/a.md" && $0.message.contains("en") })
        #expect(report.diagnostics.contains { $0.code == "no-sources" })
        #expect(report.diagnostics.contains { $0.code == "awaiting-clinical-review" })
    }

    @Test func shippedContentChecksWithoutErrors() async throws {
        let diagnostics = await SiteChecker(options: BuildOptions(root: TestSite.repository), today: Day(iso: "2026-11-21")!).check()
        #expect(diagnostics.errors.map(\.description) == [])
        #expect(!diagnostics.contains { $0.code == "translation-missing" || $0.code == "missing-string" })
    }
}
