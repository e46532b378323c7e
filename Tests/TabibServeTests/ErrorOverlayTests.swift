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

@Suite struct ErrorOverlaySourceLineTests {
    @Test func theOverlayShowsTheLineWithACaretUnderTheColumn() {
        let diagnostic = Diagnostic.error("yaml-unclosed-quote", "the quote opened here is never closed; add a closing \" at the end of the value, on this line.",
                                          at: SourceLocation(path: "content/id/articles/a.md", line: 2, column: 8),
                                          sourceLine: "title: \"<Kram> otot")
        let html = ErrorOverlay.html([diagnostic])
        let item = "<li style=\"margin-bottom:.75rem\"><code style=\"font:14px ui-monospace,monospace;color:#80d8ff\">"
            + "content/id/articles/a.md:2:8</code>: <strong style=\"color:#ff8a80\">error</strong>: "
            + "the quote opened here is never closed; add a closing &quot; at the end of the value, on this line."
            + "<pre style=\"margin:.4rem 0;padding:.5rem .75rem;background:#000;border-radius:4px;overflow-x:auto;font:14px/1.4 ui-monospace,monospace;color:#eee\">"
            + "<span style=\"color:#80d8ff\">2 |</span> title: &quot;&lt;Kram&gt; otot\n"
            + "<span style=\"color:#80d8ff\">  |</span> <span style=\"color:#ff8a80;font-weight:bold\">       ^</span></pre></li>"
        #expect(html.contains("<ol style=\"padding-left:1.5rem\">" + item + "</ol></div>"))
    }

    @Test func theSameMistakeInManyFilesIsOneItem() {
        let diagnostics = (1...40).map {
            Diagnostic.error("missing-key", "the required key 'title' is missing.", at: SourceLocation(path: "content/id/causes/c\($0 + 10).md", line: 1, column: 1))
        }
        let html = ErrorOverlay.html(diagnostics)
        #expect(html.components(separatedBy: "<li ").count == 2)
        #expect(html.contains("note: also in content/id/causes/c12.md:1:1, content/id/causes/c13.md:1:1 and 37 other causes.</span></li>"))
        #expect(html.contains("The site could not be rebuilt: 40 errors</h2>"))
    }
}
