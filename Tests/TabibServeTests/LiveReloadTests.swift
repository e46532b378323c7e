import Foundation
import Hummingbird
import Testing
@testable import TabibServe

/// Following the writer's edits: rebuilds after saves, reloads of the open pages, the error overlay.
@Suite struct LiveReloadTests {
    @Test func savingAnArticleReloadsItsOpenPageWithTheNewText() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let stream = try await preview.listen("/id/artikel/kram-betis/")
            let article = "content/id/articles/kram-betis.md"
            try preview.fixture.write(article, try preview.fixture.read(article)
                .replacingOccurrences(of: "Kram betis bisa disebabkan oleh dehidrasi.", with: "Minumlah air yang cukup setiap hari."))
            #expect(try await stream.next() == EventStreamClient.Event(name: "reload", data: "{}"))
            let page = try await preview.get("/id/artikel/kram-betis/")
            #expect(page.text.contains("Minumlah air yang cukup setiap hari."))
            #expect(!page.text.contains("Kram betis bisa disebabkan oleh dehidrasi."))
        }
    }

    @Test func aPageThatDoesNotChangeIsNotReloaded() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let article = try await preview.listen("/id/artikel/kram-betis/")
            let cause = try await preview.listen("/id/penyebab/dehidrasi/")
            let path = "content/id/articles/kram-betis.md"
            try preview.fixture.write(path, try preview.fixture.read(path) + "\nParagraf baru.\n")
            #expect(try await article.next()?.name == "reload")
            // Every open page hears of the next failure; the cause's page must hear nothing before it.
            try preview.fixture.write(path, "---\ntitle: [Kram\n---\n")
            #expect(try await cause.next()?.name == "failure")
        }
    }

    @Test func brokenFrontMatterShowsTheDiagnosticsOverThePageUntilItIsFixed() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let stream = try await preview.listen("/id/artikel/kram-betis/")
            let path = "content/id/articles/kram-betis.md"
            let good = try preview.fixture.read(path)
            try preview.fixture.write(path, good.replacingOccurrences(of: "reviewed: 2026-01-10", with: "reviewd: 2026-01-10"))
            guard case .failed = await preview.nextBuild() else { Issue.record("the broken file did not fail the build"); return }

            let event = try #require(try await stream.next())
            #expect(event.name == "failure")
            let overlay = try JSONDecoder().decode([String: String].self, from: Data(event.data.utf8))["html"] ?? ""
            #expect(overlay.contains("<code style=\"font:14px ui-monospace,monospace;color:#80d8ff\">content/id/articles/kram-betis.md:5:1</code>"))
            #expect(overlay.contains("unknown key &#39;reviewd&#39;"))

            // The last good page stays served, with the overlay, to a page opened now.
            let (html, _, _) = try await preview.open("/id/artikel/kram-betis/")
            #expect(html.contains("<h1>Kram Betis</h1>"))
            #expect(html.contains(overlay))

            try preview.fixture.write(path, good)
            guard case .built = await preview.nextBuild() else { Issue.record("the fixed file did not build"); return }
            #expect(try await stream.next()?.name == "reload")
            let fixed = try await preview.get("/id/artikel/kram-betis/")
            #expect(!fixed.text.contains("id=\"\(ErrorOverlay.elementID)\""))
        }
    }

    @Test func aSiteThatDoesNotBuildAtStartIsServedOnceFixed() async throws {
        let fixture = try SiteFixture()
        let path = "content/id/articles/kram-betis.md"
        let good = try fixture.read(path)
        try fixture.write(path, good.replacingOccurrences(of: "date: 2026-01-10", with: "date: 2026-13-40"))
        try await RunningPreview.with(fixture) { preview in
            let (html, page, shown) = try await preview.open("/id/artikel/kram-betis/")
            #expect(html.contains("content/id/articles/kram-betis.md:4:7"))
            let stream = try await EventStreamClient(port: preview.port, page: page, shown: shown)
            try preview.fixture.write(path, good)
            #expect(try await stream.next()?.name == "reload")
            let fixed = try await preview.get("/id/artikel/kram-betis/")
            #expect(fixed.status == 200)
            #expect(fixed.text.contains("<h1>Kram Betis</h1>"))
        }
    }

    @Test func aPageOpenedBeforeARebuildReloadsWhenItsStreamConnectsAfterIt() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let (_, page, shown) = try await preview.open("/id/artikel/kram-betis/")
            let path = "content/id/articles/kram-betis.md"
            try preview.fixture.write(path, try preview.fixture.read(path) + "\nLagi.\n")
            _ = await preview.nextBuild()
            let stream = try await EventStreamClient(port: preview.port, page: page, shown: shown)
            #expect(try await stream.next()?.name == "reload")
        }
    }

    @Test func aNotFoundPageReloadsWhenThePageIsCreated() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let stream = try await preview.listen("/id/artikel/baru/")
            try preview.fixture.write("content/id/articles/baru.md", """
                ---
                title: Artikel Baru
                summary: Baru.
                date: 2026-02-01
                reviewed: 2026-02-01
                ---

                Isi baru.
                """)
            #expect(try await stream.next()?.name == "reload")
            let page = try await preview.get("/id/artikel/baru/")
            #expect(page.status == 200)
            #expect(page.text.contains("<h1>Artikel Baru</h1>"))
        }
    }

    @Test func aFolderCreatedAfterStartIsWatched() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            try FileManager.default.createDirectory(at: preview.fixture.root.appendingPathComponent("templates/assets/img"),
                                                    withIntermediateDirectories: false)
            try preview.fixture.write("templates/assets/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
            var served = try await preview.get("/assets/img/logo.svg")
            while served.status == 404, await preview.nextBuild() != nil {
                served = try await preview.get("/assets/img/logo.svg")
            }
            #expect(served.status == 200)
            #expect(served.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(served.text == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        }
    }

    @Test func aTemplateChangeReloadsThePagesThatUseIt() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let stream = try await preview.listen("/id/kondisi/kram-otot/")
            let path = "templates/condition.mustache"
            try preview.fixture.write(path, try preview.fixture.read(path).replacingOccurrences(of: "<h1>", with: "<h1 class=\"kondisi\">"))
            #expect(try await stream.next()?.name == "reload")
            let page = try await preview.get("/id/kondisi/kram-otot/")
            #expect(page.text.contains("<h1 class=\"kondisi\">Kram Otot</h1>"))
        }
    }
}
