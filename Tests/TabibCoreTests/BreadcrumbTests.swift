import Foundation
import Testing
@testable import TabibCore

/// Every content page says where it sits (home › section › page) in its own language, and its
/// `BreadcrumbList` JSON-LD names the same steps with the same addresses.
@Suite struct BreadcrumbTests {
    static let site = """
    -- content/id/articles/kram-malam.md --
    ---
    title: Kram Malam Hari
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    ---
    Isi.
    -- content/en/articles/kram-malam.md --
    ---
    title: Night Cramps
    summary: Summary.
    date: 2026-11-20
    reviewed: 2026-11-20
    translation: {from: id, reviewed: true, date: 2026-11-20}
    ---
    Text.
    -- content/id/causes/dehidrasi.md --
    \(GraphTests.entity("Dehidrasi", "dehidrasi"))
    -- content/en/causes/dehidrasi.md --
    ---
    title: Dehydration
    summary: Summary.
    aliases: [dehydration]
    translation: {from: id, reviewed: true, date: 2026-11-20}
    ---
    About dehydration.
    -- content/id/conditions/kram-otot.md --
    \(GraphTests.entity("Kram Otot", "kram otot"))
    -- content/en/conditions/kram-otot.md --
    ---
    title: Muscle Cramps
    summary: Summary.
    aliases: [muscle cramps]
    translation: {from: id, reviewed: true, date: 2026-11-20}
    ---
    About muscle cramps.
    -- content/en/pages/disclaimer.md --
    ---
    title: Disclaimer
    translation: {from: id, reviewed: true, date: 2026-11-20}
    ---
    For education only.
    """

    static func build(_ description: String = site) async throws -> MemoryOutput {
        try #require(try await TestSite(description).build().output)
    }

    /// The page's breadcrumb `<nav>`, whole; nil when it has none.
    static func breadcrumb(_ page: String) -> String? {
        guard let start = page.range(of: "<nav class=\"wrap breadcrumbs"),
              let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// The text of the page's `BreadcrumbList` script; nil when it has none.
    static func breadcrumbJSONLD(_ page: String) -> String? {
        let open = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BreadcrumbList\""
        guard let start = page.range(of: open),
              let end = page.range(of: "</script>", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[page.index(start.lowerBound, offsetBy: "<script type=\"application/ld+json\">".count)..<end.lowerBound])
    }

    /// Article, cause, condition and page, each in both languages: the whole breadcrumb and JSON-LD.
    static let expected: [(path: String, nav: String, jsonLD: String)] = [
        ("id/artikel/kram-malam/index.html", """
        <nav class="wrap breadcrumbs screen-only" aria-label="Lokasi halaman">
        <ol>
        <li><a href="/id/">Beranda</a></li>
        <li><a href="/id/artikel/">Artikel</a></li>
        <li><span aria-current="page">Kram Malam Hari</span></li>
        </ol>
        </nav>
        """, #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"https://example.org/id/","name":"Beranda","position":1},{"@type":"ListItem","item":"https://example.org/id/artikel/","name":"Artikel","position":2},{"@type":"ListItem","item":"https://example.org/id/artikel/kram-malam/","name":"Kram Malam Hari","position":3}]}"#),
        ("en/articles/kram-malam/index.html", """
        <nav class="wrap breadcrumbs screen-only" aria-label="Breadcrumb">
        <ol>
        <li><a href="/en/">Home</a></li>
        <li><a href="/en/articles/">Articles</a></li>
        <li><span aria-current="page">Night Cramps</span></li>
        </ol>
        </nav>
        """, #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"https://example.org/en/","name":"Home","position":1},{"@type":"ListItem","item":"https://example.org/en/articles/","name":"Articles","position":2},{"@type":"ListItem","item":"https://example.org/en/articles/kram-malam/","name":"Night Cramps","position":3}]}"#),
        ("id/penyebab/dehidrasi/index.html", """
        <nav class="wrap breadcrumbs screen-only" aria-label="Lokasi halaman">
        <ol>
        <li><a href="/id/">Beranda</a></li>
        <li><a href="/id/penyebab/">Penyebab</a></li>
        <li><span aria-current="page">Dehidrasi</span></li>
        </ol>
        </nav>
        """, #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"https://example.org/id/","name":"Beranda","position":1},{"@type":"ListItem","item":"https://example.org/id/penyebab/","name":"Penyebab","position":2},{"@type":"ListItem","item":"https://example.org/id/penyebab/dehidrasi/","name":"Dehidrasi","position":3}]}"#),
        ("en/causes/dehidrasi/index.html", """
        <nav class="wrap breadcrumbs screen-only" aria-label="Breadcrumb">
        <ol>
        <li><a href="/en/">Home</a></li>
        <li><a href="/en/causes/">Causes</a></li>
        <li><span aria-current="page">Dehydration</span></li>
        </ol>
        </nav>
        """, #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"https://example.org/en/","name":"Home","position":1},{"@type":"ListItem","item":"https://example.org/en/causes/","name":"Causes","position":2},{"@type":"ListItem","item":"https://example.org/en/causes/dehidrasi/","name":"Dehydration","position":3}]}"#),
        ("id/kondisi/kram-otot/index.html", """
        <nav class="wrap breadcrumbs screen-only" aria-label="Lokasi halaman">
        <ol>
        <li><a href="/id/">Beranda</a></li>
        <li><a href="/id/kondisi/">Kondisi</a></li>
        <li><span aria-current="page">Kram Otot</span></li>
        </ol>
        </nav>
        """, #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"https://example.org/id/","name":"Beranda","position":1},{"@type":"ListItem","item":"https://example.org/id/kondisi/","name":"Kondisi","position":2},{"@type":"ListItem","item":"https://example.org/id/kondisi/kram-otot/","name":"Kram Otot","position":3}]}"#),
        ("en/conditions/kram-otot/index.html", """
        <nav class="wrap breadcrumbs screen-only" aria-label="Breadcrumb">
        <ol>
        <li><a href="/en/">Home</a></li>
        <li><a href="/en/conditions/">Conditions</a></li>
        <li><span aria-current="page">Muscle Cramps</span></li>
        </ol>
        </nav>
        """, #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"https://example.org/en/","name":"Home","position":1},{"@type":"ListItem","item":"https://example.org/en/conditions/","name":"Conditions","position":2},{"@type":"ListItem","item":"https://example.org/en/conditions/kram-otot/","name":"Muscle Cramps","position":3}]}"#),
        ("id/disclaimer/index.html", """
        <nav class="wrap breadcrumbs screen-only" aria-label="Lokasi halaman">
        <ol>
        <li><a href="/id/">Beranda</a></li>
        <li><span aria-current="page">Penafian</span></li>
        </ol>
        </nav>
        """, #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"https://example.org/id/","name":"Beranda","position":1},{"@type":"ListItem","item":"https://example.org/id/disclaimer/","name":"Penafian","position":2}]}"#),
        ("en/disclaimer/index.html", """
        <nav class="wrap breadcrumbs screen-only" aria-label="Breadcrumb">
        <ol>
        <li><a href="/en/">Home</a></li>
        <li><span aria-current="page">Disclaimer</span></li>
        </ol>
        </nav>
        """, #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","item":"https://example.org/en/","name":"Home","position":1},{"@type":"ListItem","item":"https://example.org/en/disclaimer/","name":"Disclaimer","position":2}]}"#),
    ]

    @Test func contentPagesShowHomeSectionAndPageInTheirLanguage() async throws {
        let output = try await Self.build()
        for (path, nav, jsonLD) in Self.expected {
            let page = try #require(output.text(path), "no \(path)")
            #expect(Self.breadcrumb(page) == nav, "\(path)")
            #expect(Self.breadcrumbJSONLD(page) == jsonLD, "\(path)")
        }
    }

    /// Home pages, section indexes, handouts, the root and the 404 page are not content pages.
    @Test func otherPagesHaveNoBreadcrumb() async throws {
        let output = try await Self.build()
        let contentPages = Set(Self.expected.map(\.path))
        let others = output.files.keys.filter { $0.hasSuffix(".html") && !contentPages.contains($0) }.sorted()
        #expect(others == [
            "404.html", "en/articles/index.html", "en/causes/index.html", "en/conditions/index.html", "en/handouts/kram-malam/index.html",
            "en/index.html", "id/artikel/index.html", "id/index.html", "id/kondisi/index.html", "id/penyebab/index.html",
            "id/selebaran/kram-malam/index.html", "index.html",
        ])
        for path in others {
            let page = try #require(output.text(path))
            #expect(!page.contains("breadcrumbs") && !page.contains("BreadcrumbList"), "\(path)")
        }
    }

    /// What the reader sees of the trail, as (name, absolute URL): the links' text and addresses,
    /// and the current page's name with the page's canonical address.
    static func visibleTrail(_ page: String, origin: String) throws -> [Step] {
        let nav = try #require(breadcrumb(page))
        let canonical = try #require(page.firstMatch(of: #/<link rel="canonical" href="([^"]*)">/#)).1
        var steps: [Step] = []
        for line in nav.split(separator: "\n") {
            if let link = line.firstMatch(of: #/^<li><a href="([^"]*)">([^<]*)</a></li>$/#) {
                steps.append(Step(name: unescape(link.2), url: origin + unescape(link.1)))
            } else if let current = line.firstMatch(of: #/^<li><span aria-current="page">([^<]*)</span></li>$/#) {
                steps.append(Step(name: unescape(current.1), url: unescape(canonical)))
            }
        }
        return steps
    }

    /// The trail as the JSON-LD gives it, read with Foundation's JSON parser.
    static func dataTrail(_ page: String) throws -> [Step] {
        let text = try #require(breadcrumbJSONLD(page))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let items = try #require(object["itemListElement"] as? [[String: Any]])
        return try items.enumerated().map { index, item in
            #expect(item["@type"] as? String == "ListItem")
            #expect(item["position"] as? Int == index + 1)
            return Step(name: try #require(item["name"] as? String), url: try #require(item["item"] as? String))
        }
    }

    struct Step: Equatable, CustomStringConvertible {
        var name: String
        var url: String
        var description: String { "\(name) <\(url)>" }
    }

    static func unescape<S: StringProtocol>(_ html: S) -> String {
        String(html).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Whatever a title holds, the JSON-LD stays inside its script as valid JSON, gives the title back,
    /// and names what the breadcrumb shows.
    @Test func hostileTitleStaysInsideItsScriptAndMatchesTheTrail() async throws {
        let title = "Kram </script><!-- \"kaki\" & 'betis' \u{2028}malam <b>"
        let output = try await Self.build("""
        -- content/id/articles/kram.md --
        ---
        title: "Kram </script><!-- \\"kaki\\" & 'betis' \\u2028malam <b>"
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        Isi.
        """)
        let page = try #require(output.text("id/artikel/kram/index.html"))
        #expect(Self.breadcrumb(page) == """
        <nav class="wrap breadcrumbs screen-only" aria-label="Lokasi halaman">
        <ol>
        <li><a href="/id/">Beranda</a></li>
        <li><a href="/id/artikel/">Artikel</a></li>
        <li><span aria-current="page">Kram &lt;/script&gt;&lt;!-- &quot;kaki&quot; &amp; &#39;betis&#39; \u{2028}malam &lt;b&gt;</span></li>
        </ol>
        </nav>
        """)
        let jsonLD = try #require(Self.breadcrumbJSONLD(page))
        #expect(!jsonLD.contains("<") && !jsonLD.contains("\u{2028}"))
        #expect(try Self.dataTrail(page).last == Step(name: title, url: "https://example.org/id/artikel/kram/"))
        #expect(try Self.dataTrail(page) == Self.visibleTrail(page, origin: "https://example.org"))
    }

    /// On every page of the shipped site that has a breadcrumb, the JSON-LD names the steps shown,
    /// with their absolute addresses.
    @Test func shippedPagesDescribeTheTrailTheyShow() async throws {
        let output = MemoryOutput()
        _ = try await SiteBuilder(options: BuildOptions(root: TestSite.repository, baseURL: "https://example.org/kesehatan/")).build(into: output)
        var checked = 0
        for path in output.files.keys.sorted() where path.hasSuffix(".html") {
            let page = try #require(output.text(path))
            guard Self.breadcrumb(page) != nil else {
                #expect(Self.breadcrumbJSONLD(page) == nil, "\(path)")
                // Articles, causes and conditions, known by their own JSON-LD, all have one.
                #expect(!page.contains(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Medical"#), "\(path)")
                continue
            }
            let shown = try Self.visibleTrail(page, origin: "https://example.org")
            #expect(try Self.dataTrail(page) == shown, "\(path)")
            #expect(shown.count >= 2, "\(path)")
            checked += 1
        }
        // The shipped site's public build has over a hundred articles, causes, conditions and pages.
        #expect(checked > 100)
    }
}
