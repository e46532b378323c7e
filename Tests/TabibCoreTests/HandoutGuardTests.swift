import Foundation
import Testing
@testable import TabibCore

/// A handout must never be printed without its disclaimer, review dates or URL.
@Suite struct HandoutGuardTests {
    @Test func handoutTemplateThatDropsTheDisclaimerFailsTheBuildNamingTheTemplate() async throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        let template = try String(contentsOf: site.root.appendingPathComponent("templates/handout.mustache"), encoding: .utf8)
        try site.write("templates/handout.mustache", template.replacingOccurrences(of: "{{{disclaimer}}}", with: ""))
        #expect(await site.errors() == """
        templates/handout.mustache: error: while rendering /id/selebaran/a/: the handout does not show the disclaimer; a handout must never be printed without them, so put {{{handout.disclaimer}}}, {{handout.reviewed}} and {{handout.articleURL}} back.
        """)
    }

    @Test func handoutTemplateThatDropsDatesAndURLNamesBoth() async throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        let template = try String(contentsOf: site.root.appendingPathComponent("templates/handout.mustache"), encoding: .utf8)
        let stripped = template.replacingOccurrences(of: "{{> partials/review-dates}}", with: "")
            .replacingOccurrences(of: "{{articleURL}}", with: "").replacingOccurrences(of: "{{{qr}}}", with: "")
        try site.write("templates/handout.mustache", stripped)
        let errors = await site.errors()
        #expect(errors.hasPrefix("templates/handout.mustache: error: while rendering /id/selebaran/a/: the handout does not show the review date, the article's URL;"))
    }
}
