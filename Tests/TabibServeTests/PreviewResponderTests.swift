import Foundation
import Hummingbird
import HummingbirdTesting
import TabibCore
import Testing
@testable import TabibServe

/// Serving the built site over HTTP: what a browser gets for each kind of request.
@Suite struct PreviewResponderTests {
    @Test func pagesAreServedWithTheirMediaTypeAndCharset() async throws {
        try await PreviewApp.test(try SiteFixture(), .router) { client in
            let page = try await client.execute(uri: "/id/artikel/kram-betis/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("<h1>Kram Betis</h1>"))
            let css = try await client.execute(uri: "/assets/style.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text == "body { font-family: sans-serif; }\n")
            let sitemap = try await client.execute(uri: "/sitemap.xml", method: .get)
            #expect(sitemap.headers[.contentType] == "application/xml; charset=utf-8")
        }
    }

    @Test func theRootAndFoldersServeTheirIndex() async throws {
        try await PreviewApp.test(try SiteFixture(), .router) { client in
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .ok)
            #expect(root.text.contains("<a href=\"/id/\">Bahasa Indonesia</a>"))
            let home = try await client.execute(uri: "/id/?utm=x", method: .get)
            #expect(home.status == .ok)
            #expect(home.text.contains("<h1>Tabib</h1>"))
        }
    }

    @Test func aFolderWithoutItsSlashRedirectsToIt() async throws {
        try await PreviewApp.test(try SiteFixture(), .router) { client in
            let response = try await client.execute(uri: "/id/artikel/kram-betis?x=1", method: .get)
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == "/id/artikel/kram-betis/?x=1")
        }
    }

    @Test func anUnknownPathGetsTheSite404PageWithStatus404() async throws {
        try await PreviewApp.test(try SiteFixture(), .router) { client in
            let response = try await client.execute(uri: "/id/artikel/tidak-ada/", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>Halaman tidak ditemukan</h1>"))
        }
    }

    @Test func headAnswersTheHeadersOfGetWithoutABody() async throws {
        try await PreviewApp.test(try SiteFixture(), .live) { client in
            let get = try await client.execute(uri: "/id/artikel/kram-betis/", method: .get)
            let head = try await client.execute(uri: "/id/artikel/kram-betis/", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func aMatchingIfNoneMatchGets304AndAStaleOneTheFile() async throws {
        try await PreviewApp.test(try SiteFixture(), .router) { client in
            let first = try await client.execute(uri: "/assets/style.css", method: .get)
            let etag = try #require(first.headers[.eTag])
            let again = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == etag)
            let weakInList = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.ifNoneMatch: "\"0\", W/\(etag)"])
            #expect(weakInList.status == .notModified)
            let stale = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.ifNoneMatch: "\"0000000000000000\""])
            #expect(stale.status == .ok)
            #expect(stale.text == "body { font-family: sans-serif; }\n")
        }
    }

    @Test func otherMethodsAreRefused() async throws {
        try await PreviewApp.test(try SiteFixture(), .router) { client in
            let response = try await client.execute(uri: "/", method: .post)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, HEAD")
        }
    }

    @Test func traversalNeverReachesAFileOutsideTheOutput() async throws {
        let fixture = try SiteFixture()
        // Symbolic links that lead out of the site: into /etc and to /etc/passwd.
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("templates/assets/etc").path,
                                                   withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("templates/assets/passwd").path,
                                                   withDestinationPath: "/etc/passwd")
        let outside = try String(contentsOfFile: "/etc/passwd", encoding: .utf8).prefix(20)
        try await PreviewApp.test(fixture, .live) { client in
            let port = try #require(client.port)
            let attempts = [
                "/../etc/passwd", "/id/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
                "/..%2fetc/passwd", "/assets/..%2f..%2f..%2fetc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
"/%5c..%5cetc%5cpasswd", "//etc/passwd", "/etc/passwd", "/./id/",
                "/assets/etc/passwd", "/assets/passwd", "/%00/etc/passwd", "/%", "/%zz",
            ]
            for target in attempts {
                // A connection of its own each: the server may close one after a request it cannot parse.
                let response = try await RunningPreview.request(port: port, target, host: "localhost")
                #expect(response.status != .ok, "\(target) was answered with 200")
                #expect(!response.text.contains(outside), "\(target) returned a file from outside the site")
            }
            // HummingbirdTesting's client will not send a backslash in a target; a raw connection does.
            let backslash = try await OffPool.run {
                let socket = try TestSocket(port: port)
                try socket.send("GET /..\\etc\\passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                return String(decoding: try socket.readToEnd(), as: UTF8.self)
            }
            #expect(backslash.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            #expect(!backslash.contains(outside))
        }
    }

    @Test func twoHundredConcurrentRequestsAllSucceed() async throws {
        try await PreviewApp.test(try SiteFixture(), .live) { client in
            let port = try #require(client.port)
            let targets = ["/", "/id/", "/id/artikel/kram-betis/", "/assets/style.css", "/id/kondisi/kram-otot/"]
            // Two hundred connections at once, one request each.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<200 {
                    group.addTask { try await RunningPreview.request(port: port, targets[i % targets.count], host: "localhost").status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .ok, count: 200))
        }
    }

    @Test func aPageIsWhatAPreviewBuildWritesWithOnlyTheScriptAdded() async throws {
        let fixture = try SiteFixture()
        let output = MemoryOutput()
        // The preview shows what `tabib build --drafts` does: also what awaits clinical review.
        _ = try await SiteBuilder(options: BuildOptions(root: fixture.root, preview: true, baseURL: PreviewApp.baseURL)).build(into: output)
        let built = try #require(output.text("id/artikel/kram-betis/index.html"))
        #expect(!built.contains("data-tabib-live"))
        try await PreviewApp.test(fixture, .router) { client in
            let served = try await client.execute(uri: "/id/artikel/kram-betis/", method: .get).text
            let (page, shown) = try #require(RunningPreview.liveArguments(in: served))
            let snippet = LiveReloadScript.snippet(page: page, shown: shown, overlay: nil)
            #expect(served == built.replacingOccurrences(of: "</body>", with: snippet + "</body>"))
        }
    }
}
