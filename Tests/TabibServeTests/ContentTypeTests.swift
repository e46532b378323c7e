import Testing
@testable import TabibServe

@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("id/artikel/x/index.html", "text/html; charset=utf-8"),
        ("404.html", "text/html; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/site.js", "text/javascript; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("id/atom.xml", "application/atom+xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("assets/logo.svg", "image/svg+xml; charset=utf-8"),
        ("assets/photo.JPG", "image/jpeg"),
        ("id/selebaran/x/x-id.pdf", "application/pdf"),
        ("assets/font.woff2", "font/woff2"),
        ("assets/app.mjs", "text/javascript; charset=utf-8"),
        ("search.json", "application/json; charset=utf-8"),
        ("site.webmanifest", "application/manifest+json; charset=utf-8"),
        ("favicon.ico", "image/vnd.microsoft.icon"),
        ("assets/photo.avif", "image/avif"),
        ("assets/unknown.bin", "application/octet-stream"),
        ("assets/noextension", "application/octet-stream"),
    ])
    func theMediaTypeFollowsTheExtensionWithCharsetForText(path: String, type: String) {
        #expect(ContentType.of(path) == type)
    }
}
