import Foundation
import TabibCore
import Testing
@testable import TabibServe

/// Serving the built site over HTTP: what a browser gets for each kind of request.
@Suite struct PreviewResponderTests {
    @Test func pagesAreServedWithTheirMediaTypeAndCharset() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let page = try await preview.client.get("/id/artikel/kram-betis/")
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.text.contains("<h1>Kram Betis</h1>"))
            let css = try await preview.client.get("/assets/style.css")
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(css.text == "body { font-family: sans-serif; }\n")
            let sitemap = try await preview.client.get("/sitemap.xml")
            #expect(sitemap.header("Content-Type") == "application/xml; charset=utf-8")
        }
    }

    @Test func theRootAndFoldersServeTheirIndex() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let root = try await preview.client.get("/")
            #expect(root.status == 200)
            #expect(root.text.contains("<a href=\"/id/\">Bahasa Indonesia</a>"))
            let home = try await preview.client.get("/id/?utm=x")
            #expect(home.status == 200)
            #expect(home.text.contains("<h1>Tabib</h1>"))
        }
    }

    @Test func aFolderWithoutItsSlashRedirectsToIt() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let response = try await preview.client.get("/id/artikel/kram-betis?x=1")
            #expect(response.status == 301)
            #expect(response.header("Location") == "/id/artikel/kram-betis/?x=1")
        }
    }

    @Test func anUnknownPathGetsTheSite404PageWithStatus404() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let response = try await preview.client.get("/id/artikel/tidak-ada/")
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>Halaman tidak ditemukan</h1>"))
        }
    }

    @Test func headAnswersTheHeadersOfGetWithoutABody() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let get = try await preview.client.get("/id/artikel/kram-betis/")
            let head = try await preview.client.get("/id/artikel/kram-betis/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("ETag") == get.header("ETag"))
            #expect(head.header("Content-Type") == "text/html; charset=utf-8")
        }
    }

    @Test func aMatchingIfNoneMatchGets304AndAStaleOneTheFile() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let first = try await preview.client.get("/assets/style.css")
            let etag = try #require(first.header("ETag"))
            let again = try await preview.client.get("/assets/style.css", headers: ["If-None-Match": etag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == etag)
            let weakInList = try await preview.client.get("/assets/style.css", headers: ["If-None-Match": "\"0\", W/\(etag)"])
            #expect(weakInList.status == 304)
            let stale = try await preview.client.get("/assets/style.css", headers: ["If-None-Match": "\"0000000000000000\""])
            #expect(stale.status == 200)
            #expect(stale.text == "body { font-family: sans-serif; }\n")
        }
    }

    @Test func otherMethodsAreRefused() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let response = try await preview.client.get("/", method: "POST")
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
        }
    }

    @Test func traversalNeverReachesAFileOutsideTheOutput() async throws {
        let fixture = try SiteFixture()
        // Symbolic links that lead out of the site: into /etc and to /etc/passwd.
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("templates/assets/etc").path,
                                                   withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("templates/assets/passwd").path,
                                                   withDestinationPath: "/etc/passwd")
        try await RunningPreview.with(fixture) { preview in
            let outside = try String(contentsOfFile: "/etc/passwd", encoding: .utf8).prefix(20)
            let attempts = [
                "/../etc/passwd", "/id/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
                "/..%2fetc/passwd", "/assets/..%2f..%2f..%2fetc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/..\\etc\\passwd", "/%5c..%5cetc%5cpasswd", "//etc/passwd", "/etc/passwd", "/./id/",
                "/assets/etc/passwd", "/assets/passwd", "/%00/etc/passwd", "/%", "/%zz",
            ]
            for target in attempts {
                let response = try await preview.client.get(target)
                #expect(response.status != 200, "\(target) was answered with 200")
                #expect(!response.text.contains(outside), "\(target) returned a file from outside the site")
            }
        }
    }

    @Test func twoHundredConcurrentRequestsAllSucceed() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let client = preview.client
            let targets = ["/", "/id/", "/id/artikel/kram-betis/", "/assets/style.css", "/id/kondisi/kram-otot/"]
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<200 { group.addTask { try await client.get(targets[i % targets.count]).status } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 200)
            #expect(statuses.allSatisfy { $0 == 200 })
        }
    }

    @Test func aPageIsWhatAPreviewBuildWritesWithOnlyTheScriptAdded() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let output = MemoryOutput()
            // The preview shows what `tabib build --drafts` does: also what awaits clinical review.
            _ = try await SiteBuilder(options: BuildOptions(root: preview.fixture.root, preview: true, baseURL: "http://127.0.0.1:\(preview.port)/"))
                .build(into: output)
            let built = try #require(output.text("id/artikel/kram-betis/index.html"))
            #expect(!built.contains("data-tabib-live"))
            let (served, page, shown) = try await preview.open("/id/artikel/kram-betis/")
            let snippet = LiveReloadScript.snippet(page: page, shown: shown, overlay: nil)
            #expect(served == built.replacingOccurrences(of: "</body>", with: snippet + "</body>"))
        }
    }
}
