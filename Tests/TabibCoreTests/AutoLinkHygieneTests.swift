import Foundation
import Testing
@testable import TabibCore

/// An alias that is an everyday word, or that links in most articles, is reported with its count
/// until the writer confirms it.
@Suite struct AutoLinkHygieneTests {
    static func article(_ id: String, _ text: String) -> String {
        "-- content/id/articles/\(id).md --\n---\ntitle: \(id)\nsummary: Ringkasan.\ndate: 2026-11-20\nreviewed: 2026-11-20\n---\n\(text)\n"
    }

    static func warnings(_ site: TestSite, _ code: String) async -> [String] {
        await SiteChecker(options: site.options, today: Day(iso: "2026-11-29")!).check().filter { $0.code == code }.map(\.description)
    }

    @Test func aCommonWordAliasIsAWarningWithItsCount() async throws {
        let site = try TestSite("""
        -- content/id/causes/b12.md --
        \(GraphTests.entity("Kekurangan Vitamin B12", "vitamin b12, tangan"))
        \(Self.article("a", "Tangan terasa kebas."))
        \(Self.article("b", "Cuci tangan Anda."))
        \(Self.article("c", "Tidak ada yang disebut."))
        """)
        #expect(await Self.warnings(site, "common-word-alias") == [
            "content/id/causes/b12.md:4:24: warning: the alias 'tangan' is a common word (templates/i18n/id.common-words.txt), so everyday uses of it would link to this page, and it auto-links in 2 of 3 Bahasa Indonesia articles; remove it from 'aliases', or, if every use of it in the articles means this page, confirm it as '{text: tangan, confirmed: true}'.",
        ])
    }

    @Test func aConfirmedAliasIsLeftAlone() async throws {
        let site = try TestSite("""
        -- content/id/causes/b12.md --
        ---
        title: Kekurangan Vitamin B12
        summary: Ringkasan.
        aliases: [vitamin b12, {text: tangan, confirmed: true}]
        ---
        \(Self.article("a", "Tangan terasa kebas."))
        """)
        #expect(await Self.warnings(site, "common-word-alias") == [])
    }

    @Test func anAliasLinkingInMostArticlesIsAWarning() async throws {
        let articles = (1...10).map { Self.article("a\($0)", $0 <= 6 ? "Kram sering terjadi." : "Lain.") }.joined(separator: "\n")
        let site = try TestSite("""
        -- content/id/conditions/kram-otot.md --
        \(GraphTests.entity("Kram Otot", "kram otot, kram"))
        \(articles)
        """)
        #expect(await Self.warnings(site, "frequent-alias") == [
            "content/id/conditions/kram-otot.md:4:22: warning: the alias 'kram' is too common to be a mention of this page: it auto-links in 6 of 10 Bahasa Indonesia articles, more than the 50% 'autoLinkMaxPercent' allows; remove it from 'aliases', or, if every use of it in the articles means this page, confirm it as '{text: kram, confirmed: true}'.",
        ])
    }
}
