import Foundation
import Testing
@testable import TabibCore

/// Auto-links: first mention, whole words, longest alias first, never where a link does not belong.
@Suite struct AutolinkTests {
    static let entities = """
    -- content/id/conditions/kram-otot.md --
    \(GraphTests.entity("Kram Otot", "kram otot, kram"))
    -- content/id/conditions/kram-otot-malam.md --
    \(GraphTests.entity("Kram Otot Malam", "kram otot malam"))
    -- content/id/causes/dehidrasi.md --
    \(GraphTests.entity("Dehidrasi", "dehidrasi"))
    """

    /// The body HTML of an article with `markdown` as its body.
    static func body(_ markdown: String) async throws -> String {
        let site = try TestSite(entities + "\n-- content/id/articles/a.md --\n---\ntitle: A\nsummary: S.\ndate: 2026-11-20\nreviewed: 2026-11-20\n---\n" + markdown)
        let output = try #require(await site.build().output)
        let page = try #require(output.text("id/artikel/a/index.html"))
        return try proseOf(page)
    }

    @Test func firstMentionOnlyAtStartAndEndOfParagraph() async throws {
        #expect(try await Self.body("Kram sering terjadi. Kram lagi karena dehidrasi") ==
            #"<p><a href="/id/kondisi/kram-otot/">Kram</a> sering terjadi. Kram lagi karena <a href="/id/penyebab/dehidrasi/">dehidrasi</a></p>"#)
    }

    @Test func aliasInsideALongerWordIsNoMention() async throws {
        #expect(try await Self.body("Kramik dan antidehidrasi bukan topik.") == "<p>Kramik dan antidehidrasi bukan topik.</p>")
    }

    @Test func longestAliasWinsWhenAliasesOverlap() async throws {
        #expect(try await Self.body("Kram otot malam dan kram otot.") ==
            #"<p><a href="/id/kondisi/kram-otot-malam/">Kram otot malam</a> dan <a href="/id/kondisi/kram-otot/">kram otot</a>.</p>"#)
    }

    @Test func reduplicationIsOneMentionAndCompoundsAreNone() async throws {
        #expect(try await Self.body("Kram-kram itu, bukan anti-dehidrasi.") ==
            #"<p><a href="/id/kondisi/kram-otot/">Kram-kram</a> itu, bukan anti-dehidrasi.</p>"#)
    }

    @Test func neverInHeadingsLinksCodeOrEmergencyCallouts() async throws {
        let html = try await Self.body("""
        ## Kram dan dehidrasi

        > [!EMERGENCY]
        > Kram berat? Cari pertolongan.

        [kram](https://example.org/) dan `dehidrasi` lalu *kram* dan dehidrasi.
        """)
        #expect(html == """
        <h2 id="kram-dan-dehidrasi">Kram dan dehidrasi</h2>
        <aside class="callout callout-emergency red-flag" aria-labelledby="callout-1">
        <h3 class="callout-title" id="callout-1">Apakah ini darurat?</h3>
        <p>Kram berat? Cari pertolongan.</p>
        </aside>
        <p><a href="https://example.org/">kram</a> dan <code>dehidrasi</code> lalu <em><a href="/id/kondisi/kram-otot/">kram</a></em> dan <a href="/id/penyebab/dehidrasi/">dehidrasi</a>.</p>
        """)
    }

    @Test func neverLinksAPageToItself() async throws {
        let site = try TestSite(Self.entities.replacingOccurrences(of: "Tentang Kram Otot.", with: "Kram otot dan dehidrasi."))
        let output = try #require(await site.build().output)
        let page = try #require(output.text("id/kondisi/kram-otot/index.html"))
        #expect(!page.contains("href=\"/id/kondisi/kram-otot/\">Kram otot</a>"))
    }

    @Test func aliasIndexFindsEveryWholeWordMention() {
        let index = AliasIndex([("kram", ContentKey(kind: .condition, id: "k")), ("kram otot", ContentKey(kind: .condition, id: "ko"))])
        #expect(index.matches(in: "kram otot, kram; kramik kram-kram").map { "\($0.range):\($0.target.id)" } ==
            ["0..<9:ko", "11..<15:k", "24..<33:k"])
    }
}
