import Foundation
import Testing
@testable import TabibCore

/// `tabib new`: a new file from the site's template, as a draft, and a translation's skeleton.
@Suite struct NewContentTests {
    static let today = Day(year: 2026, month: 11, day: 29)!

    static func new(_ site: TestSite) -> NewContent { NewContent(root: site.root, today: today) }

    static func failure(_ body: () throws(BuildFailure) -> Any) -> String {
        do {
            _ = try body()
            return "(it succeeded)"
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test func newArticleHasTheRequiredKeysTodayTheReviewIntervalAndIsADraft() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        let scaffold = try Self.new(site).make(.article, id: "kram-malam")
        #expect(scaffold.path == "content/id/articles/kram-malam.md")
        #expect(scaffold.text == """
        ---
        # A new article (2026-11-29). Fill in each TODO, uncomment the keys you need, and remove 'draft: true' to publish it.
        title: "Kram malam"
        summary: "TODO: one or two sentences, shown under the title, in lists and on handouts."
        date: 2026-11-29
        reviewed: 2026-11-29
        draft: true
        # nextReview: 2027-11-29       # when the next review is due; without it, 'reviewed' + 12 months (site.yaml)
        # clinicalReview: {name: …, credential: …, date: YYYY-MM-DD}   # once a clinician has checked it: only then is it published by default
        # conditions: [kram-otot]              # ids of the conditions the article is about
        # causes:                              # cause ids; an entry with targets names what it leads to
        #   - dehidrasi
        #   - diabetes: [neuropati-perifer]
        # sources:                             # what the article relies on; 'url' only when you are certain of it
        #   - {title: …, url: https://…, kind: guideline}   # kind: guideline, review, organisation, news or opinion
        # review: {flag: needs-clinical-review, note: …}   # problems run through the article: never published until a clinician clears it
        # handout:                             # the points printed on the clinic handout (default: the summary)
        #   keyPoints:
        #     - …
        # slug: …                              # the URL segment (default: the id, kram-malam)
        ---

        TODO: the first paragraph.

        ## TODO: a heading

        TODO: the text.

        > [!SEE-DOCTOR]
        > TODO: when to see a doctor.

        """)
    }

    @Test func theSiteReviewIntervalSetsTheNextReviewHint() throws {
        let site = try TestSite("-- content/site.yaml --\n\(TestSite.siteYAML)\nreviewIntervalMonths: 6")
        let text = try Self.new(site).make(.article, id: "kram-malam").text
        #expect(text.contains("\n# nextReview: 2027-05-29       # when the next review is due; without it, 'reviewed' + 6 months (site.yaml)\n"))
    }

    @Test func newCauseConditionAndPageAreReadableDrafts() throws {
        let site = try TestSite("")
        for kind in [ContentKind.cause, .condition, .page] {
            let path = try Self.new(site).create(kind, id: "baru")
            #expect(path == "content/id/\(kind.folder)/baru.md")
            let (file, diagnostics) = ContentLoader.loadFile(absolutePath: site.root.appendingPathComponent(path).path, path: path,
                                                             kind: kind, language: "id", languages: ["id", "en"], realRoot: LinkedFile.realRoot(site.root))
            #expect(diagnostics == [])
            #expect(file?.meta.draft == true && file?.meta.title == "Baru")
        }
    }

    @Test func aNewArticleIsLeftOutOfTheBuildUntilDraftsAreAsked() async throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        _ = try Self.new(site).create(.article, id: "kram-malam")
        let plain = try #require(await site.build().output)
        #expect(plain.text("id/artikel/kram-malam/index.html") == nil)
        #expect(plain.text("id/artikel/a/index.html") != nil)
        let drafts = try #require(await site.build(drafts: true).output)
        #expect(drafts.text("id/artikel/kram-malam/index.html")?.contains("<h1>Kram malam</h1>") == true)
    }

    @Test func anExistingFileIsRefused() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        #expect(Self.failure { () throws(BuildFailure) in try Self.new(site).create(.article, id: "a") } == """
        content/id/articles/a.md: error: this file already exists; edit it, or pick another id.
        """)
    }

    @Test func anIdAnotherPageUsesAsItsSlugIsRefused() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article.replacingOccurrences(of: "title: Kram", with: "title: Kram\nslug: kram-malam"))")
        #expect(Self.failure { () throws(BuildFailure) in try Self.new(site).create(.article, id: "kram-malam") } == """
        content/id/articles/a.md:3:7: error: content/id/articles/a.md already uses 'kram-malam' as its slug, so both pages would have the same URL; pick another id.
        """)
    }

    @Test func anInvalidIdIsRefused() throws {
        let site = try TestSite("")
        #expect(Self.failure { () throws(BuildFailure) in try Self.new(site).create(.article, id: "Kram_Malam") } == """
        error: the id 'Kram_Malam' contains characters other than lowercase letters, digits and '-'; the id is the file's name and the page's URL, so use lowercase letters, digits and '-', such as 'kram-otot'.
        """)
    }

    @Test func aTranslationOfAMissingPageIsRefused() throws {
        let site = try TestSite("")
        #expect(Self.failure { () throws(BuildFailure) in try Self.new(site).create(.article, id: "tidak-ada", language: "en") } == """
        error: there is no content/id/articles/tidak-ada.md to translate; write it first (tabib new article tidak-ada), or check the id.
        """)
    }

    @Test func aTemplateThatMakesAnUnreadableFileIsReported() throws {
        let site = try TestSite("-- templates/new/page.md --\n---\ntitle: {{{title}}}\ntitel: x\n---\n")
        #expect(Self.failure { () throws(BuildFailure) in try Self.new(site).create(.page, id: "baru") } == """
        templates/new/page.md: error: templates/new/page.md makes a file tabib cannot read: content/id/pages/baru.md:3:1: unknown key 'titel' in the front matter of a page; fix its spelling or remove it. Fix the template.
        """)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/id/pages/baru.md").path))
    }

    @Test func aTranslationKeepsTheSourcesHeadingsCalloutsKeyPointsCausesAndConditions() throws {
        let site = try TestSite("""
        -- content/id/articles/kram.md --
        ---
        title: Kram Otot
        summary: "Kram: otot yang mengencang."
        date: 2026-01-02
        reviewed: 2026-11-29
        conditions: [kram-otot]
        causes:
          - dehidrasi
          - diabetes: [neuropati-perifer]
        sources:
          - {title: NHS, url: https://www.nhs.uk/}
        handout:
          keyPoints:
            - Minum air yang cukup.
        ---
        Pembuka.

        ## Penyebab

        Teks.

        ```
        ## bukan judul
        ```

        > [!EMERGENCY]
        > Segera ke IGD
        > jika sesak napas.

        ### Pencegahan
        """)
        let scaffold = try Self.new(site).make(.article, id: "kram", language: "en")
        #expect(scaffold.path == "content/en/articles/kram.md")
        #expect(scaffold.text == """
        ---
        # A translation of content/id/articles/kram.md (2026-11-29). Translate each TODO (the source's words follow it),
        # then remove 'draft: true' to publish it.
        title: "TODO: Kram Otot"
        summary: "TODO: Kram: otot yang mengencang."
        date: 2026-11-29
        reviewed: 2026-11-29
        draft: true
        translation: {from: id, reviewed: false, date: 2026-11-29}
        conditions: [kram-otot]
        causes:
          - dehidrasi
          - diabetes: [neuropati-perifer]
        sources:
          - {title: "NHS", url: "https://www.nhs.uk/"}
        handout:
          keyPoints:
            - "TODO: Minum air yang cukup."
        # slug: …              # the URL segment in this language (default: the id, kram)
        ---

        TODO: translate the text of this section.

        ## TODO: Penyebab

        TODO: translate the text of this section.

        > [!EMERGENCY]
        > TODO: Segera ke IGD jika sesak napas.

        ### TODO: Pencegahan


        """)
    }

    /// Done when: the skeleton of a shipped article, its TODOs filled in, passes `tabib check`.
    @Test func theFilledInTranslationOfAShippedArticlePassesTheCheck() async throws {
        let site = try TestSite("-- content/site.yaml --\n" + String(decoding: try Data(contentsOf: TestSite.repository.appendingPathComponent("content/site.yaml")), as: UTF8.self))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        try site.remove("content/en/articles/kejang-otot-di-kaki.md")
        let path = try Self.new(site).create(.article, id: "kejang-otot-di-kaki", language: "en")
        let skeleton = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(skeleton.contains("TODO: "))
        // What a translator does: each TODO replaced by text (headings each their own), and the draft published.
        var number = 0
        let filled = skeleton.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let todo = line.range(of: "TODO: ") else { return String(line) }
            number += 1
            let quoted = line[..<todo.lowerBound].hasSuffix("\"")
            return line[..<todo.lowerBound] + "Translated text \(number)." + (quoted ? "\"" : "")
        }.filter { $0 != "draft: true" }.joined(separator: "\n")
        try site.write(path, filled)
        let diagnostics = await SiteChecker(options: site.options, today: Self.today).check()
        #expect(diagnostics.errors == [])
        #expect(!diagnostics.contains { $0.location?.path == path && $0.code != "needs-clinical-review" && $0.code != "no-sources" })
        let output = try #require(await site.build().output)
        #expect(output.text("en/articles/kejang-otot-di-kaki/index.html")?.contains("<h1>Translated text 1.</h1>") == true)
    }
}

extension NewContentTests {
    @Test func aCauseTranslationAsksForTheAliasesInItsLanguage() throws {
        let site = try TestSite("""
        -- content/id/causes/dehidrasi.md --
        ---
        title: Dehidrasi
        summary: Tubuh kekurangan cairan.
        aliases: [dehidrasi, kekurangan cairan]
        kind: physiological-state
        ---
        Tubuh kehilangan lebih banyak cairan daripada yang masuk.
        """)
        let scaffold = try Self.new(site).make(.cause, id: "dehidrasi", language: "en")
        #expect(scaffold.text == """
        ---
        # A translation of content/id/causes/dehidrasi.md (2026-11-29). Translate each TODO (the source's words follow it),
        # then remove 'draft: true' to publish it.
        title: "TODO: Dehidrasi"
        summary: "TODO: Tubuh kekurangan cairan."
        aliases: ["TODO: dehidrasi", "TODO: kekurangan cairan"]
        kind: physiological-state
        draft: true
        translation: {from: id, reviewed: false, date: 2026-11-29}
        # slug: …              # the URL segment in this language (default: the id, dehidrasi)
        ---

        TODO: translate the text of this section.


        """)
    }
}
