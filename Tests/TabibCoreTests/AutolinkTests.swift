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

    @Test func multiByteCharactersAroundAMentionStayWhole() async throws {
        #expect(try await Self.body("Dehidrasi—kram “otot” lagi.") ==
            #"<p><a href="/id/penyebab/dehidrasi/">Dehidrasi</a>—<a href="/id/kondisi/kram-otot/">kram</a> “otot” lagi.</p>"#)
    }

    @Test func combiningMarkOnAnAliasMakesAnotherWord() async throws {
        #expect(try await Self.body("Krame\u{301}, kram\u{301} dan kram.") ==
            "<p>Krame\u{301}, kram\u{301} dan <a href=\"/id/kondisi/kram-otot/\">kram</a>.</p>")
    }

    /// Each mention of `aliases` in `text`, as `mention@offset in Characters:target id`.
    static func mentions(of aliases: [(alias: String, id: String)], in text: String) -> [String] {
        let index = AliasIndex(aliases.map { (alias: $0.alias, target: ContentKey(kind: .condition, id: $0.id)) })
        return index.matches(in: text).map { "\(text[$0.range])@\(text.distance(from: text.startIndex, to: $0.range.lowerBound)):\($0.target.id)" }
    }

    @Test func aliasIndexFindsEveryWholeWordMention() {
        #expect(Self.mentions(of: [("kram", "k"), ("kram otot", "ko")], in: "kram otot, kram; kramik kram-kram") ==
            ["kram otot@0:ko", "kram@11:k", "kram-kram@24:k"])
    }

    @Test func nonASCIILettersAndDigitsNextToAnAliasMakeALongerWord() {
        #expect(Self.mentions(of: [("kram", "k")], in: "ékram kramé kramü kram٣ µkram kram\u{301} kram.") == ["kram@35:k"])
    }

    @Test func uppercaseNonASCIIAliasMatchesInAnyCase() {
        #expect(Self.mentions(of: [("ÉDEMA", "e")], in: "Édema, édema, ÉDEMA; anti-édema édema-Édema") ==
            ["Édema@0:e", "édema@7:e", "ÉDEMA@14:e", "édema-Édema@32:e"])
    }

    @Test func combiningMarksMatchTheirPrecomposedLetters() {
        let text = "E\u{301}DEMA dan e\u{301}dema"
        #expect(Self.mentions(of: [("édema", "e")], in: text) == ["E\u{301}DEMA@0:e", "e\u{301}dema@10:e"])
        // The whole Characters: the mark belongs to the mention.
        #expect(AliasIndex([(alias: "édema", target: ContentKey(kind: .condition, id: "e"))]).matches(in: text)
            .map { Array(text.utf8[$0.range]).count } == [7, 7])
    }

    @Test func arabicAliasIsFoundOnlyAsAWholeWord() {
        #expect(Self.mentions(of: [("تشنج", "t")], in: "التشنج تشنج، تشنجات") == ["تشنج@7:t"])
    }

    @Test func aliasesSharingAFirstWordEachMatchTheirOwnMention() {
        let aliases = [("radang sendi", "rs"), ("radang", "r"), ("radang otot", "ro"), ("radang otot betis", "rob")]
        #expect(Self.mentions(of: aliases, in: "Radang otot, radang sendi-sendi, radang. Radang otot betis; radang-radang otot") ==
            ["Radang otot@0:ro", "radang@13:r", "radang@33:r", "Radang otot betis@41:rob", "radang-radang@60:r"])
    }

    @Test func mentionsInUTF8BytesAreTheMentionsInTheString() {
        let index = AliasIndex([("kram", "k"), ("kram otot", "ko"), ("édema", "e"), ("تشنج", "t")].map {
            (alias: $0.0, target: ContentKey(kind: .condition, id: $0.1))
        })
        for text in ["kram otot, kram; kramik kram-kram", "E\u{301}DEMA dan e\u{301}dema, kram\u{301} kram",
                     "التشنج تشنج، تشنجات", "Dehidrasi—kram “otot” lagi.\r\n-kram", ""] {
            let expected = index.matches(in: text).map { "\(text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound))..<"
                + "\(text.utf8.distance(from: text.startIndex, to: $0.range.upperBound)):\($0.target.id)" }
            let bytes = Array(text.utf8)
            let found = bytes.withUnsafeBufferPointer { index.matches(inUTF8: $0) }
                .map { "\($0.range.lowerBound)..<\($0.range.upperBound):\(index.target($0.targetNumber).id)" }
            #expect(found == expected, "in \(text.debugDescription)")
        }
    }
}
