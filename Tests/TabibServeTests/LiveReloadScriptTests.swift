import Testing
@testable import TabibServe

@Suite struct LiveReloadScriptTests {
    @Test func theScriptGoesJustBeforeTheLastClosingBodyTagInAnyCase() {
        let page = "<html><body><p>&lt;/body&gt; is text</p></BODY></html>"
        let injected = String(decoding: LiveReloadScript.inject(into: Array(page.utf8), page: "index.html", shown: "t", overlay: nil), as: UTF8.self)
        let snippet = LiveReloadScript.snippet(page: "index.html", shown: "t", overlay: nil)
        #expect(injected == "<html><body><p>&lt;/body&gt; is text</p>" + snippet + "</BODY></html>")
    }

    @Test func aPageWithoutBodyTagGetsTheScriptAtTheEnd() {
        let injected = String(decoding: LiveReloadScript.inject(into: Array("<p>x</p>".utf8), page: "a", shown: "t", overlay: nil), as: UTF8.self)
        #expect(injected == "<p>x</p>" + LiveReloadScript.snippet(page: "a", shown: "t", overlay: nil))
    }

    @Test func theOverlayComesBeforeTheScriptWhileTheSiteDoesNotBuild() {
        let snippet = LiveReloadScript.snippet(page: "a", shown: "t", overlay: "<div id=\"tabib-overlay\"></div>")
        #expect(snippet.hasPrefix("<div id=\"tabib-overlay\"></div><script data-tabib-live>"))
    }

    @Test func thePageKeyCannotCloseTheScriptElement() {
        let snippet = LiveReloadScript.snippet(page: "x</script><script>alert(1)</script>", shown: "\"t\"", overlay: nil)
        #expect(!snippet.contains("x</script>"))
        #expect(snippet.contains("encodeURIComponent(\"x\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\")"))
        #expect(snippet.contains("encodeURIComponent(\"\\\"t\\\"\")"))
    }
}
