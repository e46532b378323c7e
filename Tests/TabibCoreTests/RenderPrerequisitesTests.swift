import Foundation
import Testing
@testable import TabibCore

/// What every page needs is checked once, before any page is rendered.
@Suite struct RenderPrerequisitesTests {
    @Test func aMissingDisclaimerIsOneErrorFoundBeforeRendering() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        \(BadInputTests.article)
        -- content/id/articles/b.md --
        \(BadInputTests.article)
        -- content/en/articles/a.md --
        \(BadInputTests.article)
        """)
        try site.remove("content/id/pages/disclaimer.md")
        let expected = """
        content/id/pages/disclaimer.md: error: this file is missing, and each of the 3 handouts must print the full disclaimer; create it with a 'title' and the disclaimer's text.
        """
        // `prepare` renders no page: the error is known before.
        do {
            _ = try await SiteBuilder(options: site.options).prepare()
            Issue.record("prepare succeeded")
        } catch {
            #expect(error.diagnostics.map(\.description).joined(separator: "\n") == expected)
        }
        #expect(await site.errors() == expected)
    }

    @Test func aSiteWithoutArticlesNeedsNoDisclaimer() async throws {
        let site = try TestSite("-- content/id/pages/tentang.md --\n---\ntitle: Tentang\n---\nIsi.\n")
        try site.remove("content/id/pages/disclaimer.md")
        #expect(await site.build().output != nil)
    }
}
