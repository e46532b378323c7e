import Foundation
import Testing
@testable import TabibCore

/// Hand-written links to the site's own pages must lead to a page the build writes, and are written
/// out with the base path.
@Suite struct InternalLinkTests {
    static let pages = """
    -- content/id/articles/b.md --
    ---
    title: B
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    ---
    ## Bagian

    Isi.
    -- content/id/articles/a.md --
    ---
    title: A
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    ---
    Baca [b](/id/artikel/b/), [b relatif](../b/#bagian), [indeks](/id/artikel/) dan [luar](https://example.com/x).
    """

    @Test func resolvingLinksAreWrittenForTheBasePath() async throws {
        let output = try #require(await TestSite(Self.pages).build(baseURL: "https://example.org/kesehatan/").output)
        #expect(try proseOf(#require(output.text("id/artikel/a/index.html"))) == """
        <p>Baca <a href="/kesehatan/id/artikel/b/">b</a>, <a href="/kesehatan/id/artikel/b/#bagian">b relatif</a>, <a href="/kesehatan/id/artikel/">indeks</a> dan <a href="https://example.com/x">luar</a>.</p>
        """)
    }

    @Test func aLinkToNoPageFailsWithTheByIdForm() async throws {
        let site = try TestSite(Self.pages + """

        Lihat [hilang](/id/artikel/tidak-ada/) dan [c](../c/#bagian).
        Juga [bagian lain](/id/artikel/b/#tidak-ada).
        """)
        #expect(await site.errors(baseURL: "https://example.org/kesehatan/") == """
        content/id/articles/a.md:8:7: error: the link '/id/artikel/tidak-ada/' leads to no page this build writes; link to the page by id with '@/' instead.
          note: a link by id, such as '[teks](@/articles/kejang-otot-di-kaki.md)', is checked by every build and keeps working under any base URL.
        content/id/articles/a.md:8:44: error: the link '../c/#bagian' leads to no page this build writes; link to the page by id with '@/' instead.
          note: did you mean '@/articles/a.md'?
          note: a link by id, such as '[teks](@/articles/kejang-otot-di-kaki.md)', is checked by every build and keeps working under any base URL.
        content/id/articles/a.md:9:6: error: the link leads to content/id/articles/b.md, which has no heading with the anchor '#tidak-ada'; fix the anchor or the heading.
          note: its headings are: #bagian.
        """)
    }
}
