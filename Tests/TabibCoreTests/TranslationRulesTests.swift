import Foundation
import Testing
@testable import TabibCore

/// A translation says what its source says: it cannot add or drop a cause or condition, and it
/// cannot stand without its source.
@Suite struct TranslationRulesTests {
    static let source = """
    -- content/id/conditions/kram-otot.md --
    \(GraphTests.entity("Kram Otot", "kram otot"))
    -- content/id/causes/dehidrasi.md --
    \(GraphTests.entity("Dehidrasi", "dehidrasi"))
    -- content/id/causes/alkohol.md --
    \(GraphTests.entity("Alkohol", "alkohol"))
    -- content/id/articles/a.md --
    ---
    title: Kram
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    conditions: [kram-otot]
    causes: [dehidrasi]
    ---
    Isi.
    """

    @Test func aTranslationThatAddsACauseAndOneWithoutSourceAreErrors() async throws {
        let site = try TestSite(Self.source + """

        -- content/en/articles/a.md --
        ---
        title: Cramps
        summary: Summary.
        date: 2026-11-20
        reviewed: 2026-11-20
        conditions: [kram-otot]
        causes: [dehidrasi, alkohol]
        translation: {from: id, reviewed: false, date: 2026-11-20}
        ---
        Text.
        -- content/en/articles/b.md --
        ---
        title: Orphan
        summary: Summary.
        date: 2026-11-20
        reviewed: 2026-11-20
        translation: {from: id, reviewed: false, date: 2026-11-20}
        ---
        Text.
        """)
        #expect(await site.errors() == """
        content/en/articles/a.md:7:1: error: the 'causes' of this translation differ from those of its source content/id/articles/a.md: it adds 'alkohol'; a translation states what its source states, so copy 'causes' from the source (and change the source first if it is wrong).
        content/en/articles/b.md:6:1: error: this translates content/id/articles/b.md, which is not in this build (it is missing or a draft); write or publish the source first: a translation must say what its source says.
        """)
    }

    @Test func evidenceComesFromTheSourceLanguageArticle() async throws {
        let site = try TestSite(Self.source + """

        -- content/en/articles/a.md --
        ---
        title: Cramps
        summary: Summary.
        date: 2026-11-20
        reviewed: 2026-11-20
        conditions: [kram-otot]
        causes: [dehidrasi]
        translation: {from: id, reviewed: false, date: 2026-11-20}
        ---
        Text.
        """)
        let (content, _) = await ContentLoader(root: site.root).load()
        let (graph, _) = SiteGraph.build(try #require(content))
        #expect(try #require(graph).edges == [Edge(cause: "dehidrasi", effect: "kram-otot", evidence: ["a"])])
        #expect(graph?.articlesAbout == ["dehidrasi": ["a"], "kram-otot": ["a"]])
    }
}
