import Foundation
import Testing
@testable import TabibServe

/// The search index in `tabib serve`, on a site with `search: true`: Pagefind indexes the served pages
/// in the background after each build, and the bundle is served under `/pagefind/`. Needs Pagefind.
@Suite struct SearchPreviewTests {
    static let fixture = SiteFixture.standard
        .replacingOccurrences(of: "defaultLanguage: id\n", with: "defaultLanguage: id\nsearch: true\n")
        .replacingOccurrences(of: "<article><h1>{{article.title}}</h1>", with: "<article data-pagefind-body><h1>{{article.title}}</h1>")
        .replacingOccurrences(of: "navHome: Beranda\n", with: "navHome: Beranda\nsearchTitle: Cari\nsearchIntro: Cari artikel.\n")
        + """

        -- templates/search.mustache --
        {{<layout}}{{$content}}<h1>{{search.heading}}</h1><form data-pagefind="{{search.pagefindURL}}"></form>{{/content}}{{/layout}}
        """

    @Test func theIndexIsServedAfterTheFirstBuildAndMadeAgainAfterAnEdit() async throws {
        try await RunningPreview.with(try SiteFixture(Self.fixture)) { preview in
            let search = try await preview.get("/id/search/")
            #expect(search.text.contains("<h1>Cari</h1><form data-pagefind=\"/pagefind/pagefind.js\"></form>"))
            let first = try await Self.fingerprint(preview) { _ in true }
            #expect(first.hasSuffix(" id/artikel/kram-betis/index.html\n"))
            #expect(try await preview.get("/pagefind/pagefind.js").status == .ok)

            // The reload comes from the build; the index follows it, made from the new page.
            let stream = try await preview.listen("/id/artikel/kram-betis/")
            let article = "content/id/articles/kram-betis.md"
            try preview.fixture.write(article, try preview.fixture.read(article)
                .replacingOccurrences(of: "Kram betis bisa disebabkan oleh dehidrasi.", with: "Minumlah air yang cukup setiap hari."))
            #expect(try await stream.next()?.name == "reload")
            let second = try await Self.fingerprint(preview) { $0 != first }
            #expect(second.hasSuffix(" id/artikel/kram-betis/index.html\n"))
        }
    }

    /// The served index's list of the pages it was made from, once `accept` takes it; fails after two
    /// minutes without one (Pagefind runs in the background on a machine that may be busy).
    static func fingerprint(_ preview: RunningPreview, accept: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let response = try await preview.get("/pagefind/tabib-pages.txt")
            if response.status == .ok, accept(response.text) { return response.text }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw TestFailure(description: "the preview served no new search index within two minutes")
    }
}
