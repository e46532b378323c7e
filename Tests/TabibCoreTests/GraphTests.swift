import Foundation
import Testing
@testable import TabibCore

/// The cause–condition graph: edges from articles, their evidence, reverse edges, entities as causes.
@Suite struct GraphTests {
    static func entity(_ title: String, _ aliases: String) -> String {
        "---\ntitle: \(title)\nsummary: Ringkasan \(title).\naliases: [\(aliases)]\n---\nTentang \(title).\n"
    }

    static let site = """
    -- content/id/conditions/kram-otot.md --
    \(entity("Kram Otot", "kram otot, kram"))
    -- content/id/conditions/neuropati-perifer.md --
    \(entity("Neuropati Perifer", "neuropati perifer"))
    -- content/id/causes/dehidrasi.md --
    \(entity("Dehidrasi", "dehidrasi"))
    -- content/id/causes/diabetes.md --
    \(entity("Diabetes", "diabetes"))
    -- content/id/articles/a.md --
    ---
    title: Artikel A
    summary: Ringkasan A.
    date: 2026-11-20
    reviewed: 2026-11-20
    conditions: [kram-otot]
    causes:
      - dehidrasi
      - neuropati-perifer
      - diabetes: [neuropati-perifer]
    ---
    Isi A.
    -- content/id/articles/b.md --
    ---
    title: Artikel B
    summary: Ringkasan B.
    date: 2026-11-20
    reviewed: 2026-11-20
    conditions: [kram-otot]
    causes: [dehidrasi]
    ---
    Isi B.
    """

    static func graph(_ description: String) async throws -> (SiteGraph?, [Diagnostic]) {
        let site = try TestSite(description)
        let (content, diagnostics) = await ContentLoader(root: site.root).load()
        let loaded = try #require(content, "\(diagnostics)")
        return SiteGraph.build(loaded)
    }

    @Test func edgesCarryTheArticlesThatStateThem() async throws {
        let graph = try #require(try await Self.graph(Self.site).0)
        #expect(graph.edges == [
            Edge(cause: "dehidrasi", effect: "kram-otot", evidence: ["a", "b"]),
            Edge(cause: "diabetes", effect: "neuropati-perifer", evidence: ["a"]),
            Edge(cause: "neuropati-perifer", effect: "kram-otot", evidence: ["a"]),
        ])
    }

    @Test func reverseEdgesAndConditionAsCause() async throws {
        let graph = try #require(try await Self.graph(Self.site).0)
        #expect(graph.causes(of: "kram-otot").map(\.cause) == ["dehidrasi", "neuropati-perifer"])
        #expect(graph.effects(of: "neuropati-perifer").map(\.effect) == ["kram-otot"])
        #expect(graph.causes(of: "neuropati-perifer").map(\.cause) == ["diabetes"])
        #expect(graph.entityKey("neuropati-perifer")?.kind == .condition)
    }

    @Test func conditionPageShowsCausesWithEvidence() async throws {
        let output = try #require(await TestSite(Self.site).build().output)
        let page = try #require(output.text("id/kondisi/kram-otot/index.html"))
        #expect(page.contains("""
        <li><a href="/id/penyebab/dehidrasi/">Dehidrasi</a><span class="evidence"> — Menurut: <a href="/id/artikel/a/">Artikel A</a>; <a href="/id/artikel/b/">Artikel B</a></span></li>
        """))
        #expect(page.contains("\"@type\":\"MedicalCondition\""))
        #expect(page.contains("\"cause\":[{\"@type\":\"MedicalCause\",\"name\":\"Dehidrasi\",\"url\":\"https://example.org/id/penyebab/dehidrasi/\"}"))
    }

    @Test func unknownIdSuggestsTheClosest() async throws {
        let (_, diagnostics) = try await Self.graph(Self.site.replacingOccurrences(of: "causes: [dehidrasi]", with: "causes: [dehidarsi]"))
        #expect(diagnostics.errors.map(\.description) == ["""
        content/id/articles/b.md:7:10: error: unknown cause or condition 'dehidarsi' in 'causes'.
          note: did you mean 'dehidrasi' (content/id/causes/dehidrasi.md)?
        """])
    }

    @Test func aliasClaimedTwiceNamesBothFiles() async throws {
        let site = Self.site + "\n-- content/id/causes/kram-malam.md --\n" + Self.entity("Kram Malam", "kram")
        let (_, diagnostics) = try await Self.graph(site)
        #expect(diagnostics.errors.map(\.description) == [
            "content/id/conditions/kram-otot.md:4:22: error: the alias 'kram' is claimed by both content/id/causes/kram-malam.md and content/id/conditions/kram-otot.md; an alias must name one cause or condition, so remove it from one of them.",
        ])
    }

    @Test func idSharedByCauseAndConditionIsAnError() async throws {
        let site = Self.site + "\n-- content/id/causes/kram-otot.md --\n" + Self.entity("Kram", "kram x")
        let (_, diagnostics) = try await Self.graph(site)
        #expect(diagnostics.errors.map(\.description) == [
            "content/id/conditions/kram-otot.md: error: the id 'kram-otot' is both a cause (content/id/causes/kram-otot.md) and a condition; ids are shared by causes and conditions, so rename one of them.",
        ])
    }

    @Test func cycleOfCausesRendersWithoutLooping() async throws {
        let site = Self.site + """

        -- content/id/articles/c.md --
        ---
        title: Artikel C
        summary: Ringkasan C.
        date: 2026-11-20
        reviewed: 2026-11-20
        causes:
          - kram-otot: [dehidrasi]
        ---
        """
        let output = try #require(await TestSite(site).build().output)
        let page = try #require(output.text("id/penyebab/dehidrasi/index.html"))
        #expect(page.contains("<h2 id=\"causes-title\">Kemungkinan penyebab</h2>"))
        #expect(page.contains("<h2 id=\"effects-title\">Dapat menyebabkan</h2>"))
    }
}
