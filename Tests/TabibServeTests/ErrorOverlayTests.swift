import TabibCore
import Testing
@testable import TabibServe

@Suite struct ErrorOverlayTests {
    @Test func eachDiagnosticShowsItsLocationMessageAndNotesEscaped() {
        let diagnostic = Diagnostic.error("unknown-key", "unknown key '<b>reviewd</b>' in the front matter; fix its spelling.",
                                          at: SourceLocation(path: "content/id/articles/a&b.md", line: 5, column: 1),
                                          notes: ["did you mean 'reviewed'?"])
        let html = ErrorOverlay.html([diagnostic])
        let item = "<li style=\"margin-bottom:.75rem\"><code style=\"font:14px ui-monospace,monospace;color:#80d8ff\">"
            + "content/id/articles/a&amp;b.md:5:1</code>: <strong style=\"color:#ff8a80\">error</strong>: "
            + "unknown key &#39;&lt;b&gt;reviewd&lt;/b&gt;&#39; in the front matter; fix its spelling."
            + "<br><span style=\"color:#ccc\">note: did you mean &#39;reviewed&#39;?</span></li>"
        #expect(html.contains("<ol style=\"padding-left:1.5rem\">" + item + "</ol></div>"))
        #expect(html.contains("The site could not be rebuilt: 1 error</h2>"))
    }

    @Test func aDiagnosticWithoutLocationShowsOnlyItsMessage() {
        let html = ErrorOverlay.html([.error("missing-config", "there is no content/site.yaml; run tabib in the site's folder.")])
        #expect(html.contains("<li style=\"margin-bottom:.75rem\"><strong style=\"color:#ff8a80\">error</strong>: there is no content/site.yaml; run tabib in the site&#39;s folder.</li>"))
    }

    @Test func theFailureEventCarriesTheOverlayOnOneDataLine() {
        let event = LiveEvent.failure(overlay: "<p>a\nb \"c\"</p>").text
        #expect(event == "event: failure\ndata: {\"html\":\"\\u003cp>a\\nb \\\"c\\\"\\u003c/p>\"}\n\n")
    }
}
