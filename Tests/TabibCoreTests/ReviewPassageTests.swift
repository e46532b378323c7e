import Foundation
import Testing
@testable import TabibCore

/// `[!REVIEW] note` marks one passage (a block quote's content, a list item, a callout inside a
/// block quote) as awaiting clinical review: public builds drop it, previews highlight it with the note,
/// `tabib check` lists it by file and line.
@Suite struct ReviewPassageTests {
    static let site = """
    -- content/id/articles/a.md --
    ---
    title: Kram
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    ---
    Paragraf yang aman.

    > [!REVIEW] klaim chamomile tanpa sumber
    > Teh chamomile terbukti bermanfaat.

    - Regangkan kaki.
    - [!REVIEW] minyak mustard: manfaat tidak jelas
      Pijat dengan minyak mustard.
    - Minum air.

    > [!REVIEW] ambang tidak dirinci
    > > [!EMERGENCY]
    > > Pergi ke rumah sakit jika gejala lebih serius.
    """

    @Test func publicBuildsLeaveThePassagesOut() async throws {
        let output = try #require(await TestSite(Self.site).build().output)
        #expect(try proseOf(#require(output.text("id/artikel/a/index.html"))) == """
        <p>Paragraf yang aman.</p>
        <ul>
        <li>Regangkan kaki.</li>
        <li>Minum air.</li>
        </ul>
        """)
        let handout = try #require(output.text("id/selebaran/a/index.html"))
        #expect(!handout.contains("rumah sakit") && !handout.contains("ambang"))
    }

    @Test func previewsShowThemHighlightedWithTheNote() async throws {
        let output = try #require(await TestSite(Self.site).build(drafts: true).output)
        let page = try #require(output.text("id/artikel/a/index.html"))
        // The prose ends where the short disclaimer starts; its own boxes hold `</div>` lines too.
        let start = try #require(page.range(of: "<div class=\"prose\">\n"))
        let disclaimer = try #require(page.range(of: "<section class=\"disclaimer-short\""))
        let end = try #require(page.range(of: "\n</div>\n", options: .backwards, range: start.upperBound..<disclaimer.lowerBound))
        #expect(page[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines) == """
        <p>Paragraf yang aman.</p>
        <div class="review-passage" role="note">
        <p class="review-passage-note"><strong>Menunggu tinjauan klinis, tidak diterbitkan:</strong> klaim chamomile tanpa sumber</p>
        <p>Teh chamomile terbukti bermanfaat.</p>
        </div>
        <ul>
        <li>Regangkan kaki.</li>
        <li>
        <div class="review-passage" role="note">
        <p class="review-passage-note"><strong>Menunggu tinjauan klinis, tidak diterbitkan:</strong> minyak mustard: manfaat tidak jelas</p>
        <p>Pijat dengan minyak mustard.</p>
        </div>
        </li>
        <li>Minum air.</li>
        </ul>
        <div class="review-passage" role="note">
        <p class="review-passage-note"><strong>Menunggu tinjauan klinis, tidak diterbitkan:</strong> ambang tidak dirinci</p>
        <aside class="callout callout-emergency red-flag" aria-labelledby="callout-1">
        <h2 class="callout-title" id="callout-1">Apakah ini darurat?</h2>
        <p>Pergi ke rumah sakit jika gejala lebih serius.</p>
        </aside>
        </div>
        """)
    }

    @Test func checkListsEveryPassageByLine() async throws {
        let site = try TestSite(Self.site)
        let diagnostics = await SiteChecker(options: site.options, today: Day(iso: "2026-11-29")!).check()
        #expect(diagnostics.filter { $0.code == "review-passage" }.map(\.description) == [
            "content/id/articles/a.md:9:1: warning: this passage awaits clinical review (klaim chamomile tanpa sumber); public builds leave it out until a clinician has checked it and the [!REVIEW] line is removed.",
            "content/id/articles/a.md:13:1: warning: this passage awaits clinical review (minyak mustard: manfaat tidak jelas); public builds leave it out until a clinician has checked it and the [!REVIEW] line is removed.",
            "content/id/articles/a.md:17:1: warning: this passage awaits clinical review (ambang tidak dirinci); public builds leave it out until a clinician has checked it and the [!REVIEW] line is removed.",
        ])
    }

    @Test func aMarkerNeedsANoteAndAPassage() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        > [!REVIEW]
        > Klaim tanpa catatan.

        > [!REVIEW] catatan tanpa bagian
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:7:1: error: this passage is marked [!REVIEW] without a note; say on the same line what the clinician should check, as '[!REVIEW] no source for this claim'.
        content/id/articles/a.md:10:1: error: the [!REVIEW] marker here holds a note but no passage; put the passage on the lines after the note, in the same block quote.
        """)
    }
}
