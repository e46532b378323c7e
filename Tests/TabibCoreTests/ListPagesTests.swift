import Foundation
import Testing
@testable import TabibCore

/// Long lists in pages: the A–Z index of causes and conditions with other names under their letters,
/// split by letter beyond `letterPagesAbove`; the articles index and an entity's lists `pageSize` a
/// page with previous and next links; and a sitemap that lists every page written.
@Suite struct ListPagesTests {
    static func siteYAML(_ extra: String) -> String { TestSite.siteYAML + "\n" + extra }

    static func article(_ id: String, _ title: String, _ topics: String = "conditions: [kram-otot]") -> String {
        "-- content/id/articles/\(id).md --\n---\ntitle: \(title)\nsummary: Tentang \(title).\ndate: 2026-11-20\nreviewed: 2026-11-20\n\(topics)\n---\nIsi.\n"
    }

    static func entity(_ path: String, _ title: String, _ aliases: String) -> String {
        "-- content/id/\(path).md --\n---\ntitle: \(title)\nsummary: Tentang \(title).\naliases: [\(aliases)]\n---\nTentang \(title).\n"
    }

    /// What a page's `<main>` holds.
    static func main(_ page: String?) throws -> String {
        let page = try #require(page)
        let start = try #require(page.range(of: "<main id=\"isi\" tabindex=\"-1\">\n"))
        let end = try #require(page.range(of: "</main>", range: start.upperBound..<page.endIndex))
        return String(page[start.upperBound..<end.lowerBound])
    }

    /// The `<link rel="prev">` and `rel="next"` lines of a page's head.
    static func prevNext(_ page: String?) throws -> [String] {
        try #require(page).split(separator: "\n").filter { $0.hasPrefix("<link rel=\"prev\"") || $0.hasPrefix("<link rel=\"next\"") }.map(String.init)
    }

    static func pages(_ output: MemoryOutput, under prefix: String) -> [String] {
        output.files.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".html") }.sorted()
    }

    @Test func titlesSortAndGroupWithoutCaseAccentsOrLeadingPunctuationAndNumbersByValue() {
        let titles = ["Zebra", "édème", "Apel", "tipe 10", "Tipe 2", "\"Kram\"", "5 Tanda", "Ølé", "Edema", "kram otot"]
        let sorted = titles.map(AlphabeticalOrder.init).sorted()
        #expect(sorted.map { "\($0.letter) \($0.title)" } == [
            "A Apel", "E Edema", "E édème", "K \"Kram\"", "K kram otot", "T Tipe 2", "T tipe 10", "Z Zebra", "# 5 Tanda", "# Ølé",
        ])
    }

    @Test func conditionsIndexListsEveryEntryAndOtherNamesUnderTheirOwnLetter() async throws {
        let site = try TestSite("""
        \(Self.entity("conditions/kram-otot", "Kram Otot (EAMC)", "kram otot, kejang otot, eamc, otot kaku, otot kaku sekali"))
        \(Self.entity("conditions/edema", "Édème", "bengkak"))
        \(Self.entity("conditions/nyeri-2", "Nyeri tipe 2", "nyeri tipe 2"))
        \(Self.entity("conditions/nyeri-10", "Nyeri tipe 10", "nyeri tipe 10, 10-nyeri"))
        """)
        let output = try #require(await site.build().output)
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map { letter in
            ["B", "E", "K", "N", "O"].contains(String(letter))
                ? "<li><a href=\"#huruf-\(letter.lowercased())\">\(letter)</a></li>"
                : "<li><span class=\"no-entries\">\(letter)</span></li>"
        }.joined(separator: "\n")
        let shown1 = try Self.main(output.text("id/kondisi/index.html"))
        #expect(shown1 == """
        <div class="wrap list">

        <h1>Kondisi</h1>
        <p class="summary">Semua kondisi, dari A sampai Z, dengan kemungkinan penyebabnya.</p>

        <nav class="letters" aria-label="Lompat ke huruf"><ul>
        \(letters)
        <li><a href="#huruf-0-9">#</a></li>
        </ul></nav>
        <section aria-labelledby="huruf-b">
        <h2 id="huruf-b">B</h2>
        <ul class="card-list">
        <li class="see"><span class="alias">Bengkak</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/edema/">Édème</a></li>
        </ul>
        </section>
        <section aria-labelledby="huruf-e">
        <h2 id="huruf-e">E</h2>
        <ul class="card-list">
        <li class="see"><span class="alias">EAMC</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/kram-otot/">Kram Otot (EAMC)</a></li>
        <li class="card"><h3><a href="/id/kondisi/edema/">Édème</a></h3><p>Tentang Édème.</p></li>
        </ul>
        </section>
        <section aria-labelledby="huruf-k">
        <h2 id="huruf-k">K</h2>
        <ul class="card-list">
        <li class="see"><span class="alias">Kejang otot</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/kram-otot/">Kram Otot (EAMC)</a></li>
        <li class="card"><h3><a href="/id/kondisi/kram-otot/">Kram Otot (EAMC)</a></h3><p>Tentang Kram Otot (EAMC).</p></li>
        </ul>
        </section>
        <section aria-labelledby="huruf-n">
        <h2 id="huruf-n">N</h2>
        <ul class="card-list">
        <li class="card"><h3><a href="/id/kondisi/nyeri-2/">Nyeri tipe 2</a></h3><p>Tentang Nyeri tipe 2.</p></li>
        <li class="card"><h3><a href="/id/kondisi/nyeri-10/">Nyeri tipe 10</a></h3><p>Tentang Nyeri tipe 10.</p></li>
        </ul>
        </section>
        <section aria-labelledby="huruf-o">
        <h2 id="huruf-o">O</h2>
        <ul class="card-list">
        <li class="see"><span class="alias">Otot kaku</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/kram-otot/">Kram Otot (EAMC)</a></li>
        </ul>
        </section>
        <section aria-labelledby="huruf-0-9">
        <h2 id="huruf-0-9">#</h2>
        <ul class="card-list">
        <li class="see"><span class="alias">10-nyeri</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/nyeri-10/">Nyeri tipe 10</a></li>
        </ul>
        </section>

        </div>


        """)
        // One page while the index is short.
        #expect(Self.pages(output, under: "id/kondisi/") == [
            "id/kondisi/edema/index.html", "id/kondisi/index.html", "id/kondisi/kram-otot/index.html", "id/kondisi/nyeri-10/index.html",
            "id/kondisi/nyeri-2/index.html",
        ])
    }

    @Test func shippedIndexesListOtherNamesInEachLanguage() async throws {
        let output = MemoryOutput()
        _ = try await SiteBuilder(options: BuildOptions(root: TestSite.repository)).build(into: output)
        let id = try Self.main(output.text("id/kondisi/index.html"))
        let en = try Self.main(output.text("en/conditions/index.html"))
        let see = { (page: String) in page.split(separator: "\n").filter { $0.hasPrefix("<li class=\"see\">") }.joined(separator: "\n") }
        #expect(see(id) == """
        <li class="see"><span class="alias">Berkedut</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/kedutan-otot/">Kedutan Otot</a></li>
        <li class="see"><span class="alias">EAMC</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/kram-otot-terkait-latihan/">Kram Otot Terkait Latihan (EAMC)</a></li>
        <li class="see"><span class="alias">Kaki berkedut</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/kedutan-otot/">Kedutan Otot</a></li>
        <li class="see"><span class="alias">Kejang</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/kram-otot/">Kram Otot (Kejang Otot)</a></li>
        <li class="see"><span class="alias">Kesemutan</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/mati-rasa/">Mati Rasa dan Kesemutan</a></li>
        <li class="see"><span class="alias">Otot berkedut</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/kedutan-otot/">Kedutan Otot</a></li>
        <li class="see"><span class="alias">Sensasi kesemutan</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/mati-rasa/">Mati Rasa dan Kesemutan</a></li>
        <li class="see"><span class="alias">Sindrom Bernhardt-Roth</span> <span aria-hidden="true">→</span><span class="visually-hidden">, lihat</span> <a href="/id/kondisi/meralgia-paresthetica/">Meralgia Paresthetica (Sindrom Bernhardt-Roth)</a></li>
        """)
        #expect(see(en).isEmpty == false)
    }

    static let letterSite = """
    -- content/site.yaml --
    \(siteYAML("pageSize: 2\nletterPagesAbove: 3"))
    \(entity("conditions/kram-otot", "Kram Otot", "kram otot"))
    \(entity("conditions/kedutan", "Kedutan", "kedutan"))
    \(entity("conditions/kesemutan", "Kesemutan", "kesemutan"))
    \(entity("conditions/nyeri", "Nyeri", "nyeri, sakit"))
    """

    @Test func longIndexHasAPagePerLetterPagedBySize() async throws {
        let output = try #require(await TestSite(Self.letterSite).build().output)
        #expect(Self.pages(output, under: "id/kondisi/") == [
            "id/kondisi/index.html", "id/kondisi/k/2/index.html", "id/kondisi/k/index.html", "id/kondisi/kedutan/index.html",
            "id/kondisi/kesemutan/index.html", "id/kondisi/kram-otot/index.html", "id/kondisi/n/index.html", "id/kondisi/nyeri/index.html",
            "id/kondisi/s/index.html",
        ])
        let bar = { (current: String) in
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ#".map(String.init).map { letter in
                ["K", "N", "S"].contains(letter)
                    ? "<li><a href=\"/id/kondisi/\(letter.lowercased())/\"\(letter == current ? " aria-current=\"page\"" : "")>\(letter)</a></li>"
                    : "<li><span class=\"no-entries\">\(letter)</span></li>"
            }.joined(separator: "\n")
        }
        let shown2 = try Self.main(output.text("id/kondisi/index.html"))
        #expect(shown2 == """
        <div class="wrap list">

        <h1>Kondisi</h1>
        <p class="summary">Semua kondisi, dari A sampai Z, dengan kemungkinan penyebabnya.</p>

        <nav class="letters" aria-label="Lompat ke huruf"><ul>
        \(bar(""))
        </ul></nav>

        </div>


        """)
        let k2 = output.text("id/kondisi/k/2/index.html")
        let shown3 = try Self.main(k2)
        #expect(shown3 == """
        <div class="wrap list">

        <h1>Kondisi: K</h1>
        <p class="summary">Semua kondisi, dari A sampai Z, dengan kemungkinan penyebabnya.</p>

        <nav class="letters" aria-label="Lompat ke huruf"><ul>
        \(bar("K"))
        </ul></nav>
        <section aria-labelledby="huruf-k">
        <h2 id="huruf-k">K</h2>
        <ul class="card-list">
        <li class="card"><h3><a href="/id/kondisi/kram-otot/">Kram Otot</a></h3><p>Tentang Kram Otot.</p></li>
        </ul>
        </section>
        <nav class="pagination" aria-label="Halaman daftar"><a href="/id/kondisi/k/" rel="prev">← Sebelumnya</a> <span aria-current="page">Halaman 2 dari 2</span></nav>
        </div>


        """)
        #expect(try Self.prevNext(k2) == ["<link rel=\"prev\" href=\"/id/kondisi/k/\">"])
        #expect(try Self.prevNext(output.text("id/kondisi/k/index.html")) == ["<link rel=\"next\" href=\"/id/kondisi/k/2/\">"])
        #expect(try #require(output.text("id/kondisi/k/2/index.html")).contains("<title>Kondisi: K (Halaman 2 dari 2) — Situs Uji</title>"))
    }

    static let articleSite = """
    -- content/site.yaml --
    \(siteYAML("pageSize: 2"))
    \(entity("conditions/kram-otot", "Kram Otot", "kram otot"))
    \(article("e", "Edema Kaki"))
    \(article("a", "Apa Itu Kram?"))
    \(article("c", "Cara Meregangkan Betis"))
    \(article("b", "Betis Tegang"))
    \(article("d", "Dehidrasi Saat Olahraga"))
    """

    @Test func articlesIndexIsPagedWithPreviousAndNextLinks() async throws {
        let output = try #require(await TestSite(Self.articleSite).build().output)
        #expect(Self.pages(output, under: "id/artikel/").filter { !$0.contains("/artikel/a") && !$0.contains("/artikel/b") && !$0.contains("/artikel/c")
            && !$0.contains("/artikel/d") && !$0.contains("/artikel/e") } == [
            "id/artikel/2/index.html", "id/artikel/3/index.html", "id/artikel/index.html",
        ])
        let second = output.text("id/artikel/2/index.html")
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ#".map(String.init).map { letter in
            switch letter {
            case "A", "B": "<li><a href=\"/id/artikel/#huruf-\(letter.lowercased())\">\(letter)</a></li>"
            case "C", "D": "<li><a href=\"#huruf-\(letter.lowercased())\">\(letter)</a></li>"
            case "E": "<li><a href=\"/id/artikel/3/#huruf-e\">E</a></li>"
            default: "<li><span class=\"no-entries\">\(letter)</span></li>"
            }
        }.joined(separator: "\n")
        let shown4 = try Self.main(second)
        #expect(shown4 == """
        <div class="wrap list">

        <h1>Artikel</h1>
        <p class="summary">Semua artikel, dari A sampai Z.</p>

        <nav class="letters" aria-label="Lompat ke huruf"><ul>
        \(letters)
        </ul></nav>
        <section aria-labelledby="huruf-c">
        <h2 id="huruf-c">C</h2>
        <ul class="card-list">
        <li class="card"><h3><a href="/id/artikel/c/">Cara Meregangkan Betis</a></h3><p>Tentang Cara Meregangkan Betis.</p></li>
        </ul>
        </section>
        <section aria-labelledby="huruf-d">
        <h2 id="huruf-d">D</h2>
        <ul class="card-list">
        <li class="card"><h3><a href="/id/artikel/d/">Dehidrasi Saat Olahraga</a></h3><p>Tentang Dehidrasi Saat Olahraga.</p></li>
        </ul>
        </section>
        <nav class="pagination" aria-label="Halaman daftar"><a href="/id/artikel/" rel="prev">← Sebelumnya</a> <span aria-current="page">Halaman 2 dari 3</span> <a href="/id/artikel/3/" rel="next">Berikutnya →</a></nav>
        </div>


        """)
        #expect(try Self.prevNext(second) == ["<link rel=\"prev\" href=\"/id/artikel/\">", "<link rel=\"next\" href=\"/id/artikel/3/\">"])
        #expect(try Self.prevNext(output.text("id/artikel/index.html")) == ["<link rel=\"next\" href=\"/id/artikel/2/\">"])
        #expect(try Self.prevNext(output.text("id/artikel/3/index.html")) == ["<link rel=\"prev\" href=\"/id/artikel/2/\">"])
        // The English index lists the same articles, as translations not yet made: the same pages, in English.
        #expect(try #require(output.text("en/articles/3/index.html")).contains("<span aria-current=\"page\">Page 3 of 3</span>"))
        // The home page shows the first page and links to all of them.
        let home = try Self.main(output.text("id/index.html"))
        #expect(home.contains("<p class=\"more\"><a href=\"/id/artikel/\">Semua artikel (5)</a></p>"))
        #expect(home.components(separatedBy: "<li class=\"card\">").count - 1 == 2)
    }

    @Test func entityPageShowsAPageOfEachListAndLinksToAllOfIt() async throws {
        let output = try #require(await TestSite(Self.articleSite).build().output)
        let page = try #require(output.text("id/kondisi/kram-otot/index.html"))
        #expect(page.contains("<p class=\"more\"><a href=\"/id/kondisi/kram-otot/artikel/\">Semua artikel (5)</a></p>"))
        #expect(Self.pages(output, under: "id/kondisi/kram-otot/") == [
            "id/kondisi/kram-otot/artikel/2/index.html", "id/kondisi/kram-otot/artikel/3/index.html",
            "id/kondisi/kram-otot/artikel/index.html", "id/kondisi/kram-otot/index.html",
        ])
        let shown5 = try Self.main(output.text("id/kondisi/kram-otot/artikel/3/index.html"))
        #expect(shown5 == """
        <div class="wrap list">
        <p class="breadcrumb"><a href="/id/kondisi/kram-otot/">Kram Otot</a></p>
        <h1>Kram Otot: Artikel tentang topik ini</h1>


        <section aria-labelledby="daftar">
        <h2 id="daftar">Artikel tentang topik ini</h2>
        <ul class="card-list">
        <li class="card"><h3><a href="/id/artikel/e/">Edema Kaki</a></h3><p>Tentang Edema Kaki.</p></li>
        </ul>
        </section>
        <nav class="pagination" aria-label="Halaman daftar"><a href="/id/kondisi/kram-otot/artikel/2/" rel="prev">← Sebelumnya</a> <span aria-current="page">Halaman 3 dari 3</span></nav>
        </div>


        """)
    }

    @Test func sitemapListsEveryPageWritten() async throws {
        for description in [Self.articleSite, Self.letterSite] {
            let output = try #require(await TestSite(description).build().output)
            let sitemap = try #require(output.text("sitemap.xml"))
            let listed = Set(sitemap.split(separator: "\n").compactMap { line -> String? in
                guard let start = line.range(of: "<loc>https://example.org/"), let end = line.range(of: "</loc>") else { return nil }
                return line[start.upperBound..<end.lowerBound] + "index.html"
            })
            let written = Set(output.files.keys.filter { $0.hasSuffix(".html") && $0 != "404.html" })
            #expect(listed.sorted() == written.sorted())
        }
    }

    @Test func badPageSizeIsAnErrorAtItsPlace() async throws {
        let site = try TestSite("""
        -- content/site.yaml --
        \(Self.siteYAML("pageSize: 0\nletterPagesAbove: many"))
        """)
        let errors = await site.errors()
        #expect(errors == """
        content/site.yaml:14:11: error: 'pageSize' must be a whole number from 1 to 1000.
        content/site.yaml:15:19: error: 'letterPagesAbove' must be a whole number from 1 to 100000.
        """)
    }

    @Test func slugsThatListPagesUseAreReported() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Artikel
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        slug: "2"
        ---
        Isi.
        \(Self.entity("conditions/k", "Kram", "kram"))
        """)
        let errors = await site.errors()
        #expect(errors == """
        content/id/articles/a.md:6:7: error: this page's address would end in '2/', which the articles index uses for its pages (/2/, /3/, …); give it another 'slug'.
        content/id/conditions/k.md: error: this page's address would end in 'k/', which the A–Z index uses for its letter pages (/k/, /0-9/); give it another 'slug'.
        """)
    }
}
